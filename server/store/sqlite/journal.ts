/** Writes notifications into the outbox inside the caller's transaction; a sender delivers them later. */
import type { DateTime } from 'luxon';
import * as t from './schema';
import type { StoreCtx } from './connection';
import { stmt } from './prepared';
import type { NotificationTemplate } from '../records';


export const enqueueNotification = (
  ctx: StoreCtx,
  n: { officeId: string; bookingId: number | null; recipient: string; template: NotificationTemplate; payload: Record<string, unknown> },
  channel: string,
  now: DateTime,
): void => {
  // A prepared statement: this runs inside every successful booking (see bench/).
  stmt(
    ctx,
    'INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(n.officeId, n.bookingId, channel, n.recipient, n.template, JSON.stringify(n.payload), now.toMillis(), now.toMillis());
};

export const audit = (
  ctx: StoreCtx,
  entry: { officeId: string | null; userId: number | null; action: string; target?: string; detail?: Record<string, unknown> },
  now: DateTime,
): void => {
  ctx.db
    .insert(t.auditLog)
    .values({
      officeId: entry.officeId,
      userId: entry.userId,
      action: entry.action,
      target: entry.target ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      at: now.toMillis(),
    })
    .run();
};
