/**
 * Reminders the day before: from `reminderTime` (office-local) on, every booking of tomorrow
 * that is still booked gets one reminder in the outbox. The dedupe key (booking and date)
 * makes this safe to run any number of times, from any number of processes; a booking moved
 * to another day gets a reminder for its new day.
 *
 * The job runs every minute: tomorrow's bookings that have no reminder yet are found with plain
 * reads (one day's bookings along their index, one dedupe-key lookup each), so a run with
 * nothing to add takes no write lock; the reminders are then added in short transactions of
 * REMINDER_BATCH bookings, each checked again inside it, with the event loop given back between two.
 */
import type { DateTime } from 'luxon';
import { reminderDay, reminderKey, wantsReminder } from '../../domain/reminders';
import { requirementsOf } from '../../domain/requirements';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { loadClosures, type OfficeRow } from './offices';
import { allRows, stmt } from './prepared';
import { nextTurn } from './slices';

export const REMINDER_BATCH = 100;

/** Tomorrow's bookings still booked and not erased, in slot order. */
export const DAY_BOOKED_SQL = `SELECT b.id AS id FROM bookings b JOIN slots s ON s.id = b.slot_id
  WHERE b.office_id = ? AND b.date = ? AND b.status = 'booked' AND b.erased_at IS NULL ORDER BY s.start_at, b.id`;
export const DEDUPE_KEY_SQL = 'SELECT 1 FROM notifications WHERE dedupe_key = ?';
const BOOKING_SQL = `SELECT b.id AS id, b.code AS code, b.date AS date, b.phone AS phone, b.service_id AS serviceId,
    s.start_at AS startAt, s.end_at AS endAt, v.name_id AS serviceName,
    v.requirements_id AS requirementsId, v.requirements_en AS requirementsEn
  FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN services v ON v.id = b.service_id
  WHERE b.id = ? AND b.date = ? AND b.status = 'booked' AND b.erased_at IS NULL`;
const INSERT_REMINDER_SQL = `INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, next_attempt_at, created_at, dedupe_key)
  VALUES (?, ?, ?, ?, 'reminder', ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/** Adds the reminders of these bookings (read again inside the transaction); returns how many were added. */
const addReminders = (ctx: StoreCtx, office: OfficeRow, tomorrow: string, ids: readonly number[], channel: string, now: DateTime): number =>
  writeTx(ctx, () => {
    const closures = loadClosures(ctx, office.id);
    let added = 0;
    for (const id of ids) {
      const booking = stmt(ctx, BOOKING_SQL).get(id, tomorrow) as
        | { id: number; code: string; date: string; phone: string | null; serviceId: number; startAt: number; endAt: number; serviceName: string; requirementsId: string; requirementsEn: string }
        | undefined;
      if (!booking || !wantsReminder(booking, tomorrow, closures)) continue;
      const payload = JSON.stringify({
        code: booking.code,
        office: office.name,
        service: booking.serviceName,
        date: booking.date,
        start: isoInZone(booking.startAt, office.timezone),
        end: isoInZone(booking.endAt, office.timezone),
        // What to bring or wear, told again the day before (domain/requirements).
        requirements: requirementsOf(booking).requirements,
      });
      added += stmt(ctx, INSERT_REMINDER_SQL).run(
        office.id, booking.id, channel, booking.phone, payload, now.toMillis(), now.toMillis(), reminderKey(booking.id, booking.date),
      ).changes;
    }
    return added;
  });

/** Queues the reminders now due in every office; returns how many were added. */
export const enqueueReminders = async (ctx: StoreCtx, now: DateTime, channel: string, reminderTime: string): Promise<number> => {
  let added = 0;
  for (const office of allRows(ctx, t.offices, 'ORDER BY id')) {
    const tomorrow = reminderDay(now, office.timezone, reminderTime);
    if (tomorrow === null) continue;
    const due = (stmt(ctx, DAY_BOOKED_SQL).all(office.id, tomorrow) as { id: number }[])
      .map((b) => b.id)
      .filter((id) => !stmt(ctx, DEDUPE_KEY_SQL).get(reminderKey(id, tomorrow)));
    for (let i = 0; i < due.length; i += REMINDER_BATCH) {
      added += addReminders(ctx, office, tomorrow, due.slice(i, i + REMINDER_BATCH), channel, now);
      await nextTurn();
    }
    await nextTurn();
  }
  return added;
};
