/** Admin actions on an office: create it (deployment admins), its settings, its opening hours, its blanko stock. */
import type { OfficeSettings, OpeningHours } from '../../../shared/staffTypes';
import { DomainError } from '../../domain/errors';
import { checkReleaseSettings } from '../../domain/officeSettings';
import { authorize, type Actor } from '../../domain/policy';
import type { OfficeRecord } from '../../store/records';
import { outcome, type CommandDeps, type Outcome } from '../command';
import { adminAction } from './adminAction';

/** An id already in use is a conflict with what exists (409), not bad input; its field says so. */
export const createOffice = async (deps: CommandDeps, actor: Actor, input: { id: string; name: string; timezone: string }): Promise<Outcome<OfficeRecord>> => {
  authorize(actor, 'deploy');
  const taken = () => new DomainError('CONFLICT', {}, { id: { key: 'taken' } });
  if ((await deps.store.listOffices()).some((office) => office.id === input.id)) throw taken();
  try {
    return outcome(await deps.store.createOffice(input, actor, deps.clock.now()));
  } catch (error) {
    // Another admin created the same id between the look-up and the write: the store refuses it inside its transaction.
    if (error instanceof DomainError && error.fields.id?.key === 'taken') throw taken();
    throw error;
  }
};

/** Publishes the office to visitors, or takes it back to a draft while it is being changed (domain/publishing). */
export const setOfficePublished = (deps: CommandDeps, actor: Actor, officeId: string, published: boolean) =>
  adminAction(deps, actor, officeId, (now) => deps.store.setOfficePublished(officeId, published, actor, now));

export const updateOffice = (deps: CommandDeps, actor: Actor, officeId: string, patch: Partial<OfficeSettings>) =>
  adminAction(deps, actor, officeId, async (now) => {
    // The release's settings are checked together with the horizon they fall in (domain/officeSettings).
    if ('releaseTime' in patch || 'releaseDaysAhead' in patch || 'bookingHorizonDays' in patch) {
      checkReleaseSettings({ ...(await deps.store.releaseSettings(officeId)), ...patch });
    }
    return deps.store.updateOffice(officeId, patch, actor, now);
  });

export const setOpeningHours = (deps: CommandDeps, actor: Actor, officeId: string, hours: OpeningHours[]) =>
  adminAction(deps, actor, officeId, (now) => deps.store.setOpeningHours(officeId, hours, actor, now));

/** At zero a service that needs blanko stops and offers a suket instead. */
export const changeBlanko = (deps: CommandDeps, actor: Actor, officeId: string, change: { set: number } | { add: number }) =>
  adminAction(deps, actor, officeId, (now) => deps.store.changeBlanko(officeId, change, actor, now));
