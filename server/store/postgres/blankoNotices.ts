/**
 * When a service stops for want of blanko, the holders of its coming bookings are told by
 * WhatsApp, once per booking (as ../sqlite/blankoNotices.ts). Runs under the office's lock, so two
 * processes stopping the same service queue each message once.
 */
import type { DateTime } from 'luxon';
import { blankoEmpty } from '../../domain/blanko';
import { isoInZone, todayIn } from '../../domain/time';
import { officeLock, rows, withTx, type PgCtx } from './connection';
import { enqueueNotification } from './journal';
import { loadOffice, loadServices } from './offices';

export const BLANKO_HOLDERS_SQL = `SELECT b.id, b.code, b.phone, b.date, s.start_at AS "startAt", s.end_at AS "endAt" FROM bookings b JOIN slots s ON s.id = b.slot_id
  WHERE b.office_id = ? AND b.date >= ? AND b.status IN ('booked', 'pending') AND b.service_id = ? AND b.phone IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.booking_id = b.id AND n.template = 'blanko_out')`;

/** Queues the message for every coming booking of a stopped service not told yet; returns how many. */
export const tellBlankoHolders = async (ctx: PgCtx, officeId: string, now: DateTime, notifyChannel: string): Promise<number> => {
  // Most calls find no service stopped: answered from plain reads, without a transaction or a lock.
  const current = await loadOffice(ctx, officeId);
  if (!(await loadServices(ctx, officeId)).some((s) => blankoEmpty(current, s))) return 0;
  return withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    let told = 0;
    for (const service of (await loadServices(tx, officeId)).filter((s) => blankoEmpty(office, s))) {
      const holders = await rows<{ id: number; code: string; phone: string; date: string; startAt: number; endAt: number }>(
        tx, BLANKO_HOLDERS_SQL, officeId, todayIn(office, now), service.id,
      );
      for (const b of holders) {
        const payload = { code: b.code, office: office.name, service: service.nameId, date: b.date, start: isoInZone(b.startAt, office.timezone), end: isoInZone(b.endAt, office.timezone) };
        await enqueueNotification(tx, { officeId, bookingId: b.id, recipient: b.phone, template: 'blanko_out', payload }, notifyChannel, now);
        told++;
      }
    }
    return told;
  }, { locks: [officeLock(officeId)] });
};
