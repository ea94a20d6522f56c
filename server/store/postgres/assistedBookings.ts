/** What an assistant reads (../assistStore.ts): its own number, and its own bookings. Plain reads, no lock. */
import { addDays, todayIn } from '../../domain/time';
import { ASSISTED_LIST_DAYS, ASSISTED_LIST_LIMIT, type AssistStore } from '../assistStore';
import { ASSISTED_SQL, assistedView, type AssistedRow } from '../assistedRows';
import { row, rows, type PgCtx } from './connection';
import { loadOffice } from './offices';

export const assistOperations = (ctx: PgCtx): AssistStore => ({
  contactPhoneOf: async (userId) => (await row<{ phone: string | null }>(ctx, 'SELECT contact_phone AS phone FROM users WHERE id = ?', userId))?.phone ?? null,
  assistedBookings: async (officeId, userId, now) => {
    const office = await loadOffice(ctx, officeId);
    const from = addDays(todayIn(office, now), -ASSISTED_LIST_DAYS);
    const found = await rows<AssistedRow>(ctx, ASSISTED_SQL, officeId, from, userId, ASSISTED_LIST_LIMIT);
    return found.map((r) => assistedView(r, office.timezone));
  },
});
