/** Writes notifications into the outbox inside the caller's transaction; a sender delivers them later. */
import type { DateTime } from 'luxon';
import * as t from '../db/schema';
import type { StoreCtx } from './context';

export type NotificationTemplate = 'booked' | 'reminder' | 'cancelled' | 'moved' | 'closure';

export const enqueueNotification = (
  ctx: StoreCtx,
  n: { officeId: string; bookingId: number | null; recipient: string; template: NotificationTemplate; payload: Record<string, unknown> },
  channel: string,
  now: DateTime,
): void => {
  ctx.db
    .insert(t.notifications)
    .values({
      officeId: n.officeId,
      bookingId: n.bookingId,
      channel,
      recipient: n.recipient,
      template: n.template,
      payload: JSON.stringify(n.payload),
      nextAttemptAt: now.toMillis(),
      createdAt: now.toMillis(),
    })
    .run();
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
