/** Admin actions on services and their slot plans: create, change, order, retire, weekly templates, per-date overrides, one slot's capacity. */
import type { DaySlot, ServiceFields, TemplateSlot } from '../../../shared/staffTypes';
import { officeChanged } from '../../events/change';
import type { Actor } from '../../domain/policy';
import { outcome, type CommandDeps } from '../command';
import { adminAction } from './adminAction';

export const createService = (deps: CommandDeps, actor: Actor, officeId: string, input: ServiceFields & { code: string }) =>
  adminAction(deps, actor, officeId, (now) => deps.store.createService(officeId, input, actor, now));

export const updateService = (deps: CommandDeps, actor: Actor, officeId: string, code: string, patch: Partial<ServiceFields> & { code?: string }) =>
  adminAction(deps, actor, officeId, (now) => deps.store.updateService(officeId, code, patch, actor, now));

export const reorderServices = (deps: CommandDeps, actor: Actor, officeId: string, codes: string[]) =>
  adminAction(deps, actor, officeId, (now) => deps.store.reorderServices(officeId, codes, actor, now));

export const retireService = (deps: CommandDeps, actor: Actor, officeId: string, code: string) =>
  adminAction(deps, actor, officeId, (now) => deps.store.retireService(officeId, code, actor, now));

export const setTemplates = (deps: CommandDeps, actor: Actor, officeId: string, code: string, slots: TemplateSlot[]) =>
  adminAction(deps, actor, officeId, (now) => deps.store.setTemplates(officeId, code, slots, actor, now));

export const setOverride = (deps: CommandDeps, actor: Actor, officeId: string, code: string, date: string, slots: DaySlot[] | null) =>
  adminAction(deps, actor, officeId, (now) => deps.store.setOverride(officeId, code, date, slots, actor, now));

/** One slot's capacity (the slot's own office is checked against the actor inside the store). */
export const setSlotCapacity = async (deps: CommandDeps, actor: Actor, slotId: number, capacity: number) => {
  const slot = await deps.store.setSlotCapacity(slotId, capacity, actor, deps.clock.now());
  return outcome(slot, officeChanged(slot.officeId));
};
