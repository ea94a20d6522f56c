/** Urgent-only mode: keep only some services open until further notice (Lebong), and end it again. */
import type { UrgentOnlyState } from '../../shared/staffTypes';
import { officeChanged } from '../events/change';
import { authorize, type Actor } from '../domain/policy';
import type { UrgentOnlyInput } from '../store/store';
import { outcome, type CommandDeps, type Outcome } from './command';

export const setUrgentOnly = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, input: UrgentOnlyInput): Promise<Outcome<UrgentOnlyState>> => {
  authorize(actor, 'administer', officeId);
  return outcome(await store.setUrgentOnly(officeId, input, actor, clock.now()), officeChanged(officeId));
};

export const endUrgentOnly = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, input: { from?: string }): Promise<Outcome<UrgentOnlyState>> => {
  authorize(actor, 'administer', officeId);
  return outcome(await store.endUrgentOnly(officeId, input, actor, clock.now()), officeChanged(officeId));
};
