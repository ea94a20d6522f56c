/**
 * When a service stops for want of blanko (domain/blanko: stock gone, or down to the reserve
 * kept for others), the holders of its coming bookings are told by WhatsApp, once per booking:
 * they will get a surat keterangan (suket) instead of the card, or may cancel and book later.
 * Asked after every change that can stop a service (a stock-take, a completion using the last card).
 */
import type { DateTime } from 'luxon';
import { blankoEmpty } from '../../domain/blanko';
import { isoInZone, todayIn } from '../../domain/time';
import { writeTx, type StoreCtx } from './connection';
import { enqueueNotification } from './journal';
import { loadOffice, loadServices } from './offices';
import { stmt } from './prepared';

export const BLANKO_HOLDERS_SQL = `SELECT b.id, b.code, b.phone, b.date, s.start_at AS startAt, s.end_at AS endAt FROM bookings b JOIN slots s ON s.id = b.slot_id
  WHERE b.office_id = ? AND b.date >= ? AND b.status IN ('booked', 'pending') AND b.service_id = ? AND b.phone IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.booking_id = b.id AND n.template = 'blanko_out')`;

/** Queues the message for every coming booking of a stopped service not told yet; returns how many. */
export const tellBlankoHolders = (ctx: StoreCtx, officeId: string, now: DateTime, notifyChannel: string): number => {
  // Most calls find no service stopped: answered from a plain read, without the write lock.
  const office = loadOffice(ctx, officeId);
  if (!loadServices(ctx, officeId).some((s) => blankoEmpty(office, s))) return 0;
  return writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    let told = 0;
    for (const service of loadServices(ctx, officeId).filter((s) => blankoEmpty(office, s))) {
      const holders = stmt(ctx, BLANKO_HOLDERS_SQL).all(officeId, todayIn(office, now), service.id) as
        { id: number; code: string; phone: string; date: string; startAt: number; endAt: number }[];
      for (const b of holders) {
        const payload = { code: b.code, office: office.name, service: service.nameId, date: b.date, start: isoInZone(b.startAt, office.timezone), end: isoInZone(b.endAt, office.timezone) };
        enqueueNotification(ctx, { officeId, bookingId: b.id, recipient: b.phone, template: 'blanko_out', payload }, notifyChannel, now);
        told++;
      }
    }
    return told;
  });
};
