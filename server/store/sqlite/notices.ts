/** Notices (shown on the lobby TV, kiosk and booking pages) and the office's WhatsApp contact numbers. */
import { and, asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { contactPhone } from '../../domain/contacts';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadClosures, loadOffice } from './offices';
import { checkNotice, noticeColumns, screenNotices, storedTargets, targetsOf, type ClosureFacts, type NoticeInput, type NoticeTarget } from '../../domain/notices';
import type { Notice } from '../../../shared/types';

export type ContactFields = { label: string; phone: string; serviceGroup: string };
type NoticeRow = typeof t.notices.$inferSelect;
type ContactRow = typeof t.whatsappContacts.$inferSelect;

/**
 * What one screen shows today (domain/notices): the office's closures (board and kiosk) and its
 * notices scheduled for today and targeted at that screen. Reads the office's notices, closures
 * and service names along their office indexes: a few rows each.
 */
export const screenNoticesFor = (ctx: StoreCtx, officeId: string, target: NoticeTarget, today: string): Notice[] => {
  const names = new Map(
    ctx.db.select({ id: t.services.id, nameId: t.services.nameId, nameEn: t.services.nameEn }).from(t.services).where(eq(t.services.officeId, officeId)).all()
      .map((s) => [s.id, s]),
  );
  const closures: ClosureFacts[] = loadClosures(ctx, officeId).map((c) => ({
    id: c.id, serviceName: c.serviceId === null ? null : (names.get(c.serviceId)?.nameId ?? null),
    serviceNameEn: c.serviceId === null ? null : (names.get(c.serviceId)?.nameEn ?? null), from: c.from, to: c.to, reason: c.reason,
  }));
  // A handful of rows: put in order here, not by a sort in the query (the live paths never sort in SQL).
  const notices = ctx.db.select().from(t.notices).where(eq(t.notices.officeId, officeId)).all().sort((a, b) => a.id - b.id);
  return screenNotices(notices, closures, target, today);
};

export const listNotices = (ctx: StoreCtx, officeId: string): NoticeRow[] =>
  ctx.db.select().from(t.notices).where(eq(t.notices.officeId, officeId)).orderBy(asc(t.notices.id)).all();

export const createNotice = (ctx: StoreCtx, officeId: string, input: NoticeInput, actor: Actor, now: DateTime): NoticeRow =>
  writeTx(ctx, () => {
    loadOffice(ctx, officeId);
    checkNotice(input);
    const row = ctx.db.insert(t.notices).values({ officeId, ...input, targets: storedTargets(input.targets), createdAt: now.toMillis() }).returning().get();
    audit(ctx, { officeId, userId: actor.userId, action: 'notice.create', target: String(row.id), detail: { textId: input.textId } }, now);
    return row;
  });

export const updateNotice = (ctx: StoreCtx, officeId: string, id: number, patch: Partial<NoticeInput>, actor: Actor, now: DateTime): NoticeRow =>
  writeTx(ctx, () => {
    const where = and(eq(t.notices.id, id), eq(t.notices.officeId, officeId));
    const before = ctx.db.select().from(t.notices).where(where).get() ?? fail('NOT_FOUND');
    checkNotice({ startsOn: before.startsOn, endsOn: before.endsOn, targets: targetsOf(before.targets), ...patch });
    const row = ctx.db.update(t.notices).set(noticeColumns(patch)).where(where).returning().get()!;
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
