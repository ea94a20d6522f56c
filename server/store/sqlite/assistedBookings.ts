/** What an assistant reads (../assistStore.ts): its own number, and its own bookings. */
import type { DateTime } from 'luxon';
import { addDays, todayIn } from '../../domain/time';
import { ASSISTED_LIST_DAYS, ASSISTED_LIST_LIMIT, type AssistStore } from '../assistStore';
import { ASSISTED_SQL, assistedView, type AssistedRow } from '../assistedRows';
import type { StoreCtx } from './connection';
import { loadOffice } from './offices';
import { stmt } from './prepared';

export const contactPhoneOf = (ctx: StoreCtx, userId: number): string | null =>
  (stmt(ctx, 'SELECT contact_phone AS phone FROM users WHERE id = ?').get(userId) as { phone: string | null } | undefined)?.phone ?? null;

export const assistedBookings = (ctx: StoreCtx, officeId: string, userId: number, now: DateTime) => {
  const office = loadOffice(ctx, officeId);
  const from = addDays(todayIn(office, now), -ASSISTED_LIST_DAYS);
  const found = stmt(ctx, ASSISTED_SQL).all(officeId, from, userId, ASSISTED_LIST_LIMIT) as AssistedRow[];
  return found.map((r) => assistedView(r, office.timezone));
};

export const assistOperations = (ctx: StoreCtx): AssistStore => ({
  contactPhoneOf: async (userId) => contactPhoneOf(ctx, userId),
  assistedBookings: async (officeId, userId, now) => assistedBookings(ctx, officeId, userId, now),
});
