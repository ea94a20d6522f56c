/** Notices (shown on the lobby TV, kiosk and booking pages) and the office's WhatsApp contact numbers. */
import { and, asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { contactPhone } from '../../domain/contacts';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice } from './offices';

export type NoticeFields = { textId: string; textEn: string; active: boolean };
export type ContactFields = { label: string; phone: string; serviceGroup: string };
type NoticeRow = typeof t.notices.$inferSelect;
type ContactRow = typeof t.whatsappContacts.$inferSelect;

export const listNotices = (ctx: StoreCtx, officeId: string): NoticeRow[] =>
  ctx.db.select().from(t.notices).where(eq(t.notices.officeId, officeId)).orderBy(asc(t.notices.id)).all();

export const createNotice = (ctx: StoreCtx, officeId: string, input: NoticeFields, actor: Actor, now: DateTime): NoticeRow =>
  writeTx(ctx, () => {
    loadOffice(ctx, officeId);
    const row = ctx.db.insert(t.notices).values({ officeId, ...input, createdAt: now.toMillis() }).returning().get();
    audit(ctx, { officeId, userId: actor.userId, action: 'notice.create', target: String(row.id), detail: { textId: input.textId } }, now);
    return row;
  });

export const updateNotice = (ctx: StoreCtx, officeId: string, id: number, patch: Partial<NoticeFields>, actor: Actor, now: DateTime): NoticeRow =>
  writeTx(ctx, () => {
    const row =
      ctx.db.update(t.notices).set(patch).where(and(eq(t.notices.id, id), eq(t.notices.officeId, officeId))).returning().get() ?? fail('NOT_FOUND');
    audit(ctx, { officeId, userId: actor.userId, action: 'notice.update', target: String(id), detail: patch }, now);
    return row;
  });

export const deleteNotice = (ctx: StoreCtx, officeId: string, id: number, actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    const gone = ctx.db.delete(t.notices).where(and(eq(t.notices.id, id), eq(t.notices.officeId, officeId))).returning().get() ?? fail('NOT_FOUND');
    audit(ctx, { officeId, userId: actor.userId, action: 'notice.delete', target: String(id), detail: { textId: gone.textId } }, now);
  });

export const listContacts = (ctx: StoreCtx, officeId: string): ContactRow[] =>
  ctx.db.select().from(t.whatsappContacts).where(eq(t.whatsappContacts.officeId, officeId)).orderBy(asc(t.whatsappContacts.id)).all();

export const createContact = (ctx: StoreCtx, officeId: string, input: ContactFields, actor: Actor, now: DateTime): ContactRow =>
  writeTx(ctx, () => {
    loadOffice(ctx, officeId);
    const row = ctx.db.insert(t.whatsappContacts).values({ officeId, ...input, phone: contactPhone(input.phone) }).returning().get();
    audit(ctx, { officeId, userId: actor.userId, action: 'contact.create', target: String(row.id), detail: { label: input.label, serviceGroup: input.serviceGroup } }, now);
    return row;
  });

export const updateContact = (ctx: StoreCtx, officeId: string, id: number, patch: Partial<ContactFields>, actor: Actor, now: DateTime): ContactRow =>
  writeTx(ctx, () => {
    const values = patch.phone === undefined ? patch : { ...patch, phone: contactPhone(patch.phone) };
    const row =
      ctx.db
        .update(t.whatsappContacts)
        .set(values)
        .where(and(eq(t.whatsappContacts.id, id), eq(t.whatsappContacts.officeId, officeId)))
        .returning()
        .get() ?? fail('NOT_FOUND');
    audit(ctx, { officeId, userId: actor.userId, action: 'contact.update', target: String(id), detail: values }, now);
    return row;
  });

export const deleteContact = (ctx: StoreCtx, officeId: string, id: number, actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    ctx.db.delete(t.whatsappContacts).where(and(eq(t.whatsappContacts.id, id), eq(t.whatsappContacts.officeId, officeId))).returning().get() ?? fail('NOT_FOUND');
    audit(ctx, { officeId, userId: actor.userId, action: 'contact.delete', target: String(id) }, now);
  });
