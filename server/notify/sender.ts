/**
 * Delivers the notification outbox. A message is claimed, sent, then marked sent; a failure
 * is retried with exponential backoff. The outbox row is the truth, so a restart resumes
 * where the last process stopped. Channels: `log` (default; the phone is masked) and
 * `whatsapp` (WhatsApp Cloud API style HTTP POST with a bearer token).
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { maskPhone } from '../domain/phone';
import * as t from '../db/schema';
import type { StoreCtx } from '../store/context';
import { renderMessage } from './templates';

type Row = typeof t.notifications.$inferSelect;
export type Deliver = (row: Row, text: string) => Promise<void>;

export const deliverers = (config: Config, log: Logger): Record<string, Deliver> => ({
  log: async (row, _text) => {
    log.info({ notification: row.id, template: row.template, to: maskPhone(row.recipient) }, 'notification delivered (log channel)');
  },
  whatsapp: async (row, text) => {
    if (!config.whatsappBaseUrl) throw new Error('WHATSAPP_BASE_URL is not set');
    const response = await fetch(`${config.whatsappBaseUrl.replace(/\/$/, '')}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${config.whatsappToken ?? ''}`,
        // Lets the receiving side drop a repeat if our "sent" mark was lost in a crash.
        'idempotency-key': `giliran-notification-${row.id}`,
      },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: row.recipient.replace(/^\+/, ''), type: 'text', text: { body: text } }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`WhatsApp endpoint answered ${response.status}`);
  },
});

const BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];
export const MAX_ATTEMPTS = 8;

export const deliverDue = async (ctx: StoreCtx, clock: Clock, channels: Record<string, Deliver>, limit = 50): Promise<number> => {
  const now = clock.now().toMillis();
  const due: Row[] = ctx.db
    .select()
    .from(t.notifications)
    .where(and(eq(t.notifications.status, 'pending'), lte(t.notifications.nextAttemptAt, now)))
    .orderBy(asc(t.notifications.nextAttemptAt))
    .limit(limit)
    .all();
  let sent = 0;
  for (const row of due) {
    const deliver = channels[row.channel];
    try {
      if (!deliver) throw new Error(`unknown channel ${row.channel}`);
      await deliver(row, renderMessage(row.template, JSON.parse(row.payload) as Record<string, string>));
      ctx.db.update(t.notifications).set({ status: 'sent', sentAt: clock.now().toMillis(), attempts: row.attempts + 1 }).where(eq(t.notifications.id, row.id)).run();
      sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      ctx.db
        .update(t.notifications)
        .set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: clock.now().toMillis() + (BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? 60_000),
          lastError: String((err as Error).message ?? err).slice(0, 300),
        })
        .where(eq(t.notifications.id, row.id))
        .run();
    }
  }
  return sent;
};

/** Polls the outbox every `intervalMs` until stopped. */
export const startSender = (ctx: StoreCtx, clock: Clock, config: Config, log: Logger, intervalMs = 2_000) => {
  const channels = deliverers(config, log);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue(ctx, clock, channels)
      .catch((err) => log.error({ err: String(err) }, 'notification sender failed'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
