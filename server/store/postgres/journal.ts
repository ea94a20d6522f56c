/** Writes notifications into the outbox and entries into the audit log, inside the caller's transaction. */
import type { DateTime } from 'luxon';
import type { NotificationTemplate } from '../records';
import { exec, type Conn } from './connection';

export const enqueueNotification = async (
  c: Conn,
  n: { officeId: string; bookingId: number | null; recipient: string; template: NotificationTemplate; payload: Record<string, unknown> },
  channel: string,
  now: DateTime,
): Promise<void> => {
  await exec(
    c,
    'INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    n.officeId, n.bookingId, channel, n.recipient, n.template, JSON.stringify(n.payload), now.toMillis(), now.toMillis(),
  );
};

export const audit = async (
  c: Conn,
  entry: { officeId: string | null; userId: number | null; action: string; target?: string; detail?: Record<string, unknown> },
  now: DateTime,
): Promise<void> => {
  await exec(
    c,
    'INSERT INTO audit_log (office_id, user_id, action, target, detail, at) VALUES (?, ?, ?, ?, ?, ?)',
    entry.officeId, entry.userId, entry.action, entry.target ?? null, JSON.stringify(entry.detail ?? {}), now.toMillis(),
  );
};
