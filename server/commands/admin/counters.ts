/** Admin actions on counters: create (closed until someone sits down), rename or change services, delete. */
import type { Actor } from '../../domain/policy';
import type { CommandDeps } from '../command';
import { adminAction } from './adminAction';

export const createCounter = (deps: CommandDeps, actor: Actor, officeId: string, input: { name: string; services: string[] }) =>
  adminAction(deps, actor, officeId, (now) => deps.store.createCounter(officeId, input, actor, now));

export const updateCounter = (deps: CommandDeps, actor: Actor, officeId: string, counterId: number, patch: { name?: string; services?: string[] }) =>
  adminAction(deps, actor, officeId, (now) => deps.store.updateCounter(officeId, counterId, patch, actor, now));

export const deleteCounter = (deps: CommandDeps, actor: Actor, officeId: string, counterId: number) =>
  adminAction(deps, actor, officeId, (now) => deps.store.deleteCounter(officeId, counterId, actor, now));
