/** Notices (shown on the lobby TV, kiosk and booking pages) and the office's WhatsApp contact numbers; changed under the office's lock. */
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { contactPhone } from '../../domain/contacts';
import * as t from './schema';
import { allRows, rows, exec, insertReturning, officeLock, withTx, type Conn, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadClosures, loadOffice } from './offices';
import { checkNotice, noticeColumns, screenNotices, storedTargets, targetsOf, type ClosureFacts, type NoticeInput, type NoticeTarget } from '../../domain/notices';
import type { Notice } from '../../../shared/types';

export type ContactFields = { label: string; phone: string; serviceGroup: string };
type NoticeRow = typeof t.notices.$inferSelect;
type ContactRow = typeof t.whatsappContacts.$inferSelect;

/** What one screen shows today (domain/notices), as ../sqlite/notices.ts screenNoticesFor. */
export const screenNoticesFor = async (c: Conn, officeId: string, target: NoticeTarget, today: string): Promise<Notice[]> => {
  const names = new Map(
    (await rows<{ id: number; nameId: string; nameEn: string }>(c, 'SELECT id, name_id AS "nameId", name_en AS "nameEn" FROM services WHERE office_id = ?', officeId))
      .map((s) => [s.id, s]),
  );
  const closures: ClosureFacts[] = (await loadClosures(c, officeId)).map((cl) => ({
    id: cl.id, serviceName: cl.serviceId === null ? null : (names.get(cl.serviceId)?.nameId ?? null),
    serviceNameEn: cl.serviceId === null ? null : (names.get(cl.serviceId)?.nameEn ?? null), from: cl.from, to: cl.to, reason: cl.reason,
  }));
  return screenNotices(await listNotices(c, officeId), closures, target, today);
};

export const listNotices = (c: Conn, officeId: string): Promise<NoticeRow[]> => allRows(c, t.notices, 'WHERE office_id = ? ORDER BY id', officeId);

export const createNotice = (ctx: PgCtx, officeId: string, input: NoticeInput, actor: Actor, now: DateTime): Promise<NoticeRow> =>
  withTx(ctx, async (tx) => {
    await loadOffice(tx, officeId);
    checkNotice(input);
    const row = await insertReturning(
      tx, t.notices,
      'INSERT INTO notices (office_id, text_id, text_en, active, created_at, starts_on, ends_on, targets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      officeId, input.textId, input.textEn, input.active, now.toMillis(), input.startsOn, input.endsOn, storedTargets(input.targets),
    );
    await audit(tx, { officeId, userId: actor.userId, action: 'notice.create', target: String(row.id), detail: { textId: input.textId } }, now);
    return row;
  }, { locks: [officeLock(officeId)] });

export const updateNotice = (ctx: PgCtx, officeId: string, id: number, patch: Partial<NoticeInput>, actor: Actor, now: DateTime): Promise<NoticeRow> =>
  withTx(ctx, async (tx) => {
    const where = and(eq(t.notices.id, id), eq(t.notices.officeId, officeId));
    const before = (await tx.db.select().from(t.notices).where(where))[0] ?? fail('NOT_FOUND');
    checkNotice({ startsOn: before.startsOn, endsOn: before.endsOn, targets: targetsOf(before.targets), ...patch });
    const row = (await tx.db.update(t.notices).set(noticeColumns(patch)).where(where).returning())[0]!;
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
