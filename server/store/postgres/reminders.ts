/**
 * Reminders the day before (as ../sqlite/reminders.ts): from `reminderTime` (office-local) on,
 * every booking of tomorrow that is still booked gets one reminder in the outbox. The dedupe key
 * (booking and date, a unique index) makes this safe to run any number of times, from any
 * number of processes; a booking moved to another day gets a reminder for its new day.
 *
 * The job runs every minute: tomorrow's bookings that have no reminder yet are found with plain
 * reads, so a run with nothing to add writes nothing; the reminders are then added in short
 * transactions of REMINDER_BATCH bookings, each read again inside it under a share lock (a
 * cancel, move or erasure of the booking comes wholly before the reminder or wholly after it),
 * with the event loop given back between two.
 */
import type { DateTime } from 'luxon';
import { reminderDay, reminderKey, wantsReminder } from '../../domain/reminders';
import { requirementsOf } from '../../domain/requirements';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { allRows, exec, rows, withTx, type PgCtx } from './connection';
import { loadClosures, type OfficeRow } from './offices';
import { nextTurn } from './slices';

export const REMINDER_BATCH = 100;

/** Tomorrow's bookings still booked and not erased, in slot order. */
export const DAY_BOOKED_SQL = `SELECT b.id AS id FROM bookings b JOIN slots s ON s.id = b.slot_id
  WHERE b.office_id = ? AND b.date = ? AND b.status = 'booked' AND b.erased_at IS NULL ORDER BY s.start_at, b.id`;
/** Which of these dedupe keys are in the outbox already. */
export const DEDUPE_KEYS_SQL = 'SELECT dedupe_key AS key FROM notifications WHERE dedupe_key = ANY(?::text[])';
const BOOKINGS_SQL = `SELECT b.id AS id, b.code AS code, b.date AS date, b.phone AS phone, b.service_id AS "serviceId",
    s.start_at AS "startAt", s.end_at AS "endAt", v.name_id AS "serviceName",
    v.requirements_id AS "requirementsId", v.requirements_en AS "requirementsEn"
  FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN services v ON v.id = b.service_id
  WHERE b.id = ANY(?::int[]) AND b.date = ? AND b.status = 'booked' AND b.erased_at IS NULL
  ORDER BY s.start_at, b.id FOR SHARE OF b`;
const INSERT_REMINDER_SQL = `INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, next_attempt_at, created_at, dedupe_key)
  VALUES (?, ?, ?, ?, 'reminder', ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

type ReminderBooking = { id: number; code: string; date: string; phone: string | null; serviceId: number; startAt: number; endAt: number; serviceName: string; requirementsId: string; requirementsEn: string };

/** Adds the reminders of these bookings (read again inside the transaction); returns how many were added. */
const addReminders = (ctx: PgCtx, office: OfficeRow, tomorrow: string, ids: readonly number[], channel: string, now: DateTime): Promise<number> =>
  withTx(ctx, async (tx) => {
    const closures = await loadClosures(tx, office.id);
    let added = 0;
    for (const booking of await rows<ReminderBooking>(tx, BOOKINGS_SQL, ids, tomorrow)) {
      if (!wantsReminder(booking, tomorrow, closures)) continue;
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
      added += await exec(
        tx, INSERT_REMINDER_SQL,
        office.id, booking.id, channel, booking.phone, payload, now.toMillis(), now.toMillis(), reminderKey(booking.id, booking.date),
      );
    }
    return added;
  });

/** Queues the reminders now due in every office; returns how many were added. */
export const enqueueReminders = async (ctx: PgCtx, now: DateTime, channel: string, reminderTime: string): Promise<number> => {
  let added = 0;
  for (const office of await allRows(ctx, t.offices, 'ORDER BY id')) {
    const tomorrow = reminderDay(now, office.timezone, reminderTime);
    if (tomorrow === null) continue;
    const booked = (await rows<{ id: number }>(ctx, DAY_BOOKED_SQL, office.id, tomorrow)).map((b) => b.id);
    const queued = new Set(
      booked.length ? (await rows<{ key: string }>(ctx, DEDUPE_KEYS_SQL, booked.map((id) => reminderKey(id, tomorrow)))).map((r) => r.key) : [],
    );
    const due = booked.filter((id) => !queued.has(reminderKey(id, tomorrow)));
    for (let i = 0; i < due.length; i += REMINDER_BATCH) {
      added += await addReminders(ctx, office, tomorrow, due.slice(i, i + REMINDER_BATCH), channel, now);
      await nextTurn();
    }
    await nextTurn();
  }
  return added;
};
