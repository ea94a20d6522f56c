/** The notification outbox: the sender's claims and fenced marks, and what the admin sees of it (counts, failures, a retry). */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { outboxCounts, retryable } from '../../domain/outbox';
import { maskPhone } from '../../domain/phone';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { allRows, stmt } from './prepared';
import type { OfficeRow } from './offices';
import type { OutboxSummary } from '../../../shared/staffTypes';


export const outboxSummary = (ctx: StoreCtx, office: OfficeRow, notifyChannel: string): OutboxSummary => {
  // Per status and channel: a message the log channel "sent" was only written to the log (domain/outbox).
  const counts = ctx.db
    .select({ status: t.notifications.status, channel: t.notifications.channel, n: count() })
    .from(t.notifications)
    .where(eq(t.notifications.officeId, office.id))
    .groupBy(t.notifications.status, t.notifications.channel)
    .all();
  const failures = ctx.db
    .select()
    .from(t.notifications)
    .where(and(eq(t.notifications.officeId, office.id), eq(t.notifications.status, 'failed')))
    .orderBy(desc(t.notifications.id))
    .limit(10)
    .all();
  return {
    ...outboxCounts(counts, notifyChannel),
    recentFailures: failures.map((f) => ({
      id: f.id,
      template: f.template,
      recipient: maskPhone(f.recipient),
      attempts: f.attempts,
      lastError: f.lastError,
      createdAt: isoInZone(f.createdAt, office.timezone),
    })),
  };
};

/** Puts every failed message of the office that can still reach someone back in the queue, due now, with a fresh set of attempts. */
export const retryFailed = (ctx: StoreCtx, officeId: string, actor: Actor, now: DateTime): number =>
  writeTx(ctx, () => {
    const failed = ctx.db
      .select({ id: t.notifications.id, recipient: t.notifications.recipient })
      .from(t.notifications)
      .where(and(eq(t.notifications.officeId, officeId), eq(t.notifications.status, 'failed')))
      .all();
    const ids = retryable(failed).map((m) => m.id);
    const count = ids.length
      ? ctx.db
          .update(t.notifications)
          .set({ status: 'pending', attempts: 0, nextAttemptAt: now.toMillis(), leaseUntil: null })
          .where(inArray(t.notifications.id, ids))
          .run().changes
      : 0;
    audit(ctx, { officeId, userId: actor.userId, action: 'notifications.retry_failed', detail: { count } }, now);
    return count;
  });

type NotificationRow = typeof t.notifications.$inferSelect;

/** Claims up to `limit` due messages for this sender: pending and due, or claimed by a sender whose lease ran out. */
export const claimDue = (ctx: StoreCtx, nowMs: number, limit: number, leaseMs: number): NotificationRow[] =>
  writeTx(ctx, () => {
    // Prepared statements: the sender runs beside a booking burst and must stay cheap.
    const due = allRows(
      ctx,
      t.notifications,
      `WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
       ORDER BY next_attempt_at, id LIMIT ?`,
      nowMs,
      nowMs,
      limit,
    );
    const claim = stmt(ctx, "UPDATE notifications SET status = 'sending', attempts = ?, lease_until = ? WHERE id = ? AND attempts = ?");
    return due.map((row) => {
      claim.run(row.attempts + 1, nowMs + leaseMs, row.id, row.attempts);
      return { ...row, status: 'sending', attempts: row.attempts + 1, leaseUntil: nowMs + leaseMs };
    });
  });

/**
 * Extends the lease of messages a live sender still holds (its heartbeat), fenced by the attempt
 * number like the marks; returns the ids whose lease it still holds.
 */
export const renewLeases = (ctx: StoreCtx, held: Pick<NotificationRow, 'id' | 'attempts'>[], nowMs: number, leaseMs: number): number[] =>
  writeTx(ctx, () => {
    const renew = stmt(ctx, "UPDATE notifications SET lease_until = ? WHERE id = ? AND status = 'sending' AND attempts = ?");
    return held.filter((row) => renew.run(nowMs + leaseMs, row.id, row.attempts).changes === 1).map((row) => row.id);
  });

/** Each mark is fenced by the attempt number: a sender whose lease ran out cannot overwrite a later sender's work. */
export const markSent = (ctx: StoreCtx, row: Pick<NotificationRow, 'id' | 'attempts'>, nowMs: number): boolean =>
  stmt(ctx, "UPDATE notifications SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ? AND status = 'sending' AND attempts = ?")
    .run(nowMs, row.id, row.attempts).changes === 1;

export const markFailed = (
  ctx: StoreCtx,
  row: Pick<NotificationRow, 'id' | 'attempts'>,
  _nowMs: number,
  error: string,
  next: { status: 'pending' | 'failed'; retryAt: number },
): void => {
  stmt(
    ctx,
    "UPDATE notifications SET status = ?, next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND status = 'sending' AND attempts = ?",
  ).run(next.status, next.retryAt, error.slice(0, 300), row.id, row.attempts);
};
