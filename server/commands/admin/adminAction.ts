/**
 * The shape most admin actions share: an admin of the office, one store operation, and a change
 * of the office that boards, kiosks and booking pages pick up.
 */
import type { DateTime } from 'luxon';
import { officeChanged } from '../../events/change';
import { authorize, type Actor } from '../../domain/policy';
import { outcome, type CommandDeps, type Outcome } from '../command';

export const adminAction = async <T>(
  { clock }: CommandDeps,
  actor: Actor,
  officeId: string,
  operation: (now: DateTime) => Promise<T>,
  options: { publish: boolean } = { publish: true },
): Promise<Outcome<T>> => {
  authorize(actor, 'administer', officeId);
  const result = await operation(clock.now());
  return options.publish ? outcome(result, officeChanged(officeId)) : outcome(result);
};
