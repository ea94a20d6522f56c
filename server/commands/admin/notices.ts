/** Admin actions on the notices shown on the board and booking page, and on the office's WhatsApp contacts. */
import type { NoticeInput } from '../../domain/notices';
import type { Actor } from '../../domain/policy';
import type { CommandDeps } from '../command';
import { adminAction } from './adminAction';

type ContactFields = { label: string; phone: string; serviceGroup: string };

export const createNotice = (deps: CommandDeps, actor: Actor, officeId: string, input: NoticeInput) =>
  adminAction(deps, actor, officeId, (now) => deps.store.createNotice(officeId, input, actor, now));

export const updateNotice = (deps: CommandDeps, actor: Actor, officeId: string, id: number, patch: Partial<NoticeInput>) =>
  adminAction(deps, actor, officeId, (now) => deps.store.updateNotice(officeId, id, patch, actor, now));

export const deleteNotice = (deps: CommandDeps, actor: Actor, officeId: string, id: number) =>
  adminAction(deps, actor, officeId, (now) => deps.store.deleteNotice(officeId, id, actor, now));

export const createContact = (deps: CommandDeps, actor: Actor, officeId: string, input: ContactFields) =>
  adminAction(deps, actor, officeId, (now) => deps.store.createContact(officeId, input, actor, now));

export const updateContact = (deps: CommandDeps, actor: Actor, officeId: string, id: number, patch: Partial<ContactFields>) =>
  adminAction(deps, actor, officeId, (now) => deps.store.updateContact(officeId, id, patch, actor, now));

export const deleteContact = (deps: CommandDeps, actor: Actor, officeId: string, id: number) =>
  adminAction(deps, actor, officeId, (now) => deps.store.deleteContact(officeId, id, actor, now));
