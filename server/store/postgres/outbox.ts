/**
 * The notification outbox (as ../sqlite/outbox.ts): the senders' claims and fenced marks, and
 * what the admin sees of it (counts, failures, a retry). Any number of sender processes share
 * it: a claim locks the rows it takes and skips those another sender is taking, and every mark
 * is fenced by the attempt number the claim gave.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { outboxCounts, retryable } from '../../domain/outbox';
import type { Actor } from '../../domain/policy';
import { maskPhone } from '../../domain/phone';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { columnsOf, exec, rows, withTx, type Conn, type PgCtx } from './connection';
import { audit } from './journal';
import type { OfficeRow } from './offices';
import type { OutboxSummary } from '../../../shared/staffTypes';

export const outboxSummary = async (c: Conn, office: OfficeRow, notifyChannel: string): Promise<OutboxSummary> => {
  // Per status and channel: a message the log channel "sent" was only written to the log (domain/outbox).
  const counts = await c.db
    .select({ status: t.notifications.status, channel: t.notifications.channel, n: count() })
    .from(t.notifications)
    .where(eq(t.notifications.officeId, office.id))
    .groupBy(t.notifications.status, t.notifications.channel);
  const failures = await c.db
    .select()
    .from(t.notifications)
    .where(and(eq(t.notifications.officeId, office.id), eq(t.notifications.status, 'failed')))
    .orderBy(desc(t.notifications.id))
    .limit(10);
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

/**
 * Puts every failed message of the office that can still reach someone back in the queue, due
 * now, with a fresh set of attempts. (Only messages still failed are reset: of two admins
 * retrying at once, the second counts none.)
 */
export const retryFailed = (ctx: PgCtx, officeId: string, actor: Actor, now: DateTime): Promise<number> =>
  withTx(ctx, async (tx) => {
    const failed = await rows<{ id: number; recipient: string }>(tx, "SELECT id, recipient FROM notifications WHERE office_id = ? AND status = 'failed'", officeId);
    const ids = retryable(failed).map((m) => m.id);
    const count = ids.length
      ? await exec(
          tx,
          "UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL WHERE id = ANY(?::int[]) AND status = 'failed'",
          now.toMillis(),
          ids,
        )
      : 0;
    await audit(tx, { officeId, userId: actor.userId, action: 'notifications.retry_failed', detail: { count } }, now);
    return count;
  });

type NotificationRow = typeof t.notifications.$inferSelect;

/**
 * Claims up to `limit` due messages for this sender: pending and due, or claimed by a sender whose
 * lease ran out. One statement: the rows are locked as they are chosen, rows another sender is
 * claiming right now are skipped (never waited for, never taken twice), and each claim raises
 * the attempt number the marks are fenced by.
 */
const CLAIM_SQL = `WITH due AS MATERIALIZED (
    SELECT id FROM notifications
    WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED
  )
  UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = ?
  WHERE id IN (SELECT id FROM due)
  RETURNING ${columnsOf(t.notifications)}`;

export const claimDue = async (ctx: PgCtx, nowMs: number, limit: number, leaseMs: number): Promise<NotificationRow[]> =>
  (await rows<NotificationRow>(ctx, CLAIM_SQL, nowMs, nowMs, limit, nowMs + leaseMs)).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);

/**
 * Extends the lease of messages a live sender still holds (its heartbeat), fenced by the attempt
 * number like the marks; returns the ids whose lease it still holds.
 */
export const renewLeases = async (ctx: PgCtx, held: Pick<NotificationRow, 'id' | 'attempts'>[], nowMs: number, leaseMs: number): Promise<number[]> => {
  if (held.length === 0) return [];
  const renewed = new Set(
    (
      await rows<{ id: number }>(
        ctx,
        `UPDATE notifications SET lease_until = ?
         WHERE status = 'sending' AND (id, attempts) IN (SELECT * FROM unnest(?::int[], ?::int[])) RETURNING id`,
        nowMs + leaseMs,
        held.map((m) => m.id),
        held.map((m) => m.attempts),
      )
    ).map((r) => r.id),
  );
  return held.filter((m) => renewed.has(m.id)).map((m) => m.id);
};

/** Each mark is fenced by the attempt number: a sender whose lease ran out cannot overwrite a later sender's work. */
export const markSent = async (ctx: PgCtx, message: Pick<NotificationRow, 'id' | 'attempts'>, nowMs: number): Promise<boolean> =>
  (await exec(
    ctx,
    "UPDATE notifications SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ? AND status = 'sending' AND attempts = ?",
    nowMs,
    message.id,
    message.attempts,
  )) === 1;

export const markFailed = async (
  ctx: PgCtx,
  message: Pick<NotificationRow, 'id' | 'attempts'>,
  _nowMs: number,
  error: string,
  next: { status: 'pending' | 'failed'; retryAt: number },
): Promise<void> => {
  await exec(
    ctx,
    "UPDATE notifications SET status = ?, next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND status = 'sending' AND attempts = ?",
    next.status,
    next.retryAt,
    error.slice(0, 300),
    message.id,
    message.attempts,
  );
};
