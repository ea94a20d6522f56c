/** The notification outbox as the admin sees it: how many wait, were sent, failed; and a retry for the failed. */
import { and, count, desc, eq, notLike } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { maskPhone } from '../../domain/phone';
import { isoInZone } from '../../domain/time';
import * as t from '../../db/schema';
import { writeTx, type StoreCtx } from '../context';
import type { Actor } from '../actor';
import { audit } from '../notify';
import type { OfficeRow } from '../offices';
import { asOfficeAdmin } from './guard';

export type OutboxSummary = {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  recentFailures: { id: number; template: string; recipient: string; attempts: number; lastError: string | null; createdAt: string }[];
};

export const outboxSummary = (ctx: StoreCtx, office: OfficeRow): OutboxSummary => {
  const counts = ctx.db
    .select({ status: t.notifications.status, n: count() })
    .from(t.notifications)
    .where(eq(t.notifications.officeId, office.id))
    .groupBy(t.notifications.status)
    .all();
  const n = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  const failures = ctx.db
    .select()
    .from(t.notifications)
    .where(and(eq(t.notifications.officeId, office.id), eq(t.notifications.status, 'failed')))
    .orderBy(desc(t.notifications.id))
    .limit(10)
    .all();
  return {
    pending: n('pending'),
    sending: n('sending'),
    sent: n('sent'),
    failed: n('failed'),
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

/** Puts every failed message of the office back in the queue, due now, with a fresh set of attempts. */
export const retryFailed = (ctx: StoreCtx, officeId: string, actor: Actor, now: DateTime): number =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    const result = ctx.db
      .update(t.notifications)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now.toMillis(), leaseUntil: null })
      // A message whose number the retention job masked has nobody left to reach.
      .where(and(eq(t.notifications.officeId, officeId), eq(t.notifications.status, 'failed'), notLike(t.notifications.recipient, '%•%')))
      .run();
    audit(ctx, { officeId, userId: actor.userId, action: 'notifications.retry_failed', detail: { count: result.changes } }, now);
    return result.changes;
  });
