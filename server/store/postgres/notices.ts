/** Notices (shown on the lobby TV, kiosk and booking pages) and the office's WhatsApp contact numbers; changed under the office's lock. */
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { contactPhone } from '../../domain/contacts';
import * as t from './schema';
import { allRows, exec, insertReturning, officeLock, withTx, type Conn, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice } from './offices';

export type NoticeFields = { textId: string; textEn: string; active: boolean };
export type ContactFields = { label: string; phone: string; serviceGroup: string };
type NoticeRow = typeof t.notices.$inferSelect;
type ContactRow = typeof t.whatsappContacts.$inferSelect;

export const listNotices = (c: Conn, officeId: string): Promise<NoticeRow[]> => allRows(c, t.notices, 'WHERE office_id = ? ORDER BY id', officeId);

export const createNotice = (ctx: PgCtx, officeId: string, input: NoticeFields, actor: Actor, now: DateTime): Promise<NoticeRow> =>
  withTx(ctx, async (tx) => {
    await loadOffice(tx, officeId);
    const row = await insertReturning(
      tx, t.notices,
      'INSERT INTO notices (office_id, text_id, text_en, active, created_at) VALUES (?, ?, ?, ?, ?)',
      officeId, input.textId, input.textEn, input.active, now.toMillis(),
    );
    await audit(tx, { officeId, userId: actor.userId, action: 'notice.create', target: String(row.id), detail: { textId: input.textId } }, now);
    return row;
  }, { locks: [officeLock(officeId)] });

export const updateNotice = (ctx: PgCtx, officeId: string, id: number, patch: Partial<NoticeFields>, actor: Actor, now: DateTime): Promise<NoticeRow> =>
  withTx(ctx, async (tx) => {
    const row = (await tx.db.update(t.notices).set(patch).where(and(eq(t.notices.id, id), eq(t.notices.officeId, officeId))).returning())[0] ?? fail('NOT_FOUND');
    await audit(tx, { officeId, userId: actor.userId, action: 'notice.update', target: String(id), detail: patch }, now);
    return row;
  }, { locks: [officeLock(officeId)] });

export const deleteNotice = (ctx: PgCtx, officeId: string, id: number, actor: Actor, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const gone = (await tx.db.delete(t.notices).where(and(eq(t.notices.id, id), eq(t.notices.officeId, officeId))).returning())[0] ?? fail('NOT_FOUND');
    await audit(tx, { officeId, userId: actor.userId, action: 'notice.delete', target: String(id), detail: { textId: gone.textId } }, now);
  }, { locks: [officeLock(officeId)] });

export const listContacts = (c: Conn, officeId: string): Promise<ContactRow[]> => allRows(c, t.whatsappContacts, 'WHERE office_id = ? ORDER BY id', officeId);

export const createContact = (ctx: PgCtx, officeId: string, input: ContactFields, actor: Actor, now: DateTime): Promise<ContactRow> =>
  withTx(ctx, async (tx) => {
    await loadOffice(tx, officeId);
    const row = await insertReturning(
      tx, t.whatsappContacts,
      'INSERT INTO whatsapp_contacts (office_id, label, phone, service_group) VALUES (?, ?, ?, ?)',
      officeId, input.label, contactPhone(input.phone), input.serviceGroup,
    );
    await audit(tx, { officeId, userId: actor.userId, action: 'contact.create', target: String(row.id), detail: { label: input.label, serviceGroup: input.serviceGroup } }, now);
    return row;
  }, { locks: [officeLock(officeId)] });

export const updateContact = (ctx: PgCtx, officeId: string, id: number, patch: Partial<ContactFields>, actor: Actor, now: DateTime): Promise<ContactRow> =>
  withTx(ctx, async (tx) => {
    const values = patch.phone === undefined ? patch : { ...patch, phone: contactPhone(patch.phone) };
    const row = (await tx.db
      .update(t.whatsappContacts)
      .set(values)
      .where(and(eq(t.whatsappContacts.id, id), eq(t.whatsappContacts.officeId, officeId)))
      .returning())[0] ?? fail('NOT_FOUND');
    await audit(tx, { officeId, userId: actor.userId, action: 'contact.update', target: String(id), detail: values }, now);
    return row;
  }, { locks: [officeLock(officeId)] });

export const deleteContact = (ctx: PgCtx, officeId: string, id: number, actor: Actor, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    if (!(await exec(tx, 'DELETE FROM whatsapp_contacts WHERE id = ? AND office_id = ?', id, officeId))) fail('NOT_FOUND');
    await audit(tx, { officeId, userId: actor.userId, action: 'contact.delete', target: String(id) }, now);
  }, { locks: [officeLock(officeId)] });
