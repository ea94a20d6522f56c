/**
 * Delivers the notification outbox, at least once and, as far as a sender can, exactly once:
 *
 * 1. claim: in one write transaction a due message moves from `pending` to `sending` with a
 *    short lease, and its attempt counter goes up (the attempt is recorded before any HTTP
 *    call). Two senders (or two processes) never claim the same message. While the sender
 *    lives, a heartbeat renews the lease of what it still holds; a message claimed by a sender
 *    that then crashed is claimed again once its lease has run out (within LEASE_MS): nothing
 *    is lost across a restart, and only a message whose fate is unknown is sent again.
 * 2. deliver over the channel, with `idempotency-key: giliran-notification-<id>` (and the
 *    same key in the body) so that a receiver can drop the one repeat a crash between its
 *    answer and our commit could cause.
 * 3. mark `sent`, or back to `pending` with exponential backoff, or `failed` after the last
 *    attempt; each mark is fenced by the attempt number, so a sender whose lease ran out
 *    cannot overwrite what a later sender did.
 *
 * Channels: `log` (default: nothing is sent, the message is only logged, its phone masked; "logged, not sent") and `whatsapp` (WhatsApp Cloud API: POST
 * {WHATSAPP_BASE_URL}/messages with a bearer token, as text or as a pre-approved template).
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { maskPhone } from '../domain/phone';
import type { NotificationRecord } from '../store/records';
import type { Store } from '../store/store';
import { renderMessage, templateParams, type Payload } from './templates';

type Row = NotificationRecord;
export type Deliver = (row: Row, text: string) => Promise<void>;

export const idempotencyKey = (row: Pick<Row, 'id'>): string => `giliran-notification-${row.id}`;

const whatsappBody = (config: Config, row: Row, text: string) => {
  const to = row.recipient.replace(/^\+/, '');
  const common = { messaging_product: 'whatsapp', recipient_type: 'individual', to, biz_opaque_callback_data: idempotencyKey(row) };
  if (config.whatsappMode === 'template') {
    const payload = JSON.parse(row.payload) as Payload;
    return {
      ...common,
      type: 'template',
      template: {
        name: `giliran_${row.template}`,
        language: { code: 'id' },
        components: [{ type: 'body', parameters: templateParams(row.template, payload).map((text) => ({ type: 'text', text })) }],
      },
    };
  }
  return { ...common, type: 'text', text: { preview_url: false, body: text } };
};

export const deliverers = (config: Config, log: Logger): Record<string, Deliver> => ({
  // Nothing leaves the server: the message is only logged (and counted apart as "logged, not sent"),
  // with the phone masked and never the text (a confirmation code is not printed either).
  log: async (row, _text) => {
    log.info(
      { notification: row.id, template: row.template, to: maskPhone(row.recipient), channel: 'log', sent: false },
      row.template === 'booking_otp' ? 'confirmation code logged, not sent (log channel)' : 'notification logged, not sent (log channel)',
    );
  },
  whatsapp: async (row, text) => {
    if (!config.whatsappBaseUrl) throw new Error('WHATSAPP_BASE_URL is not set');
    const response = await fetch(`${config.whatsappBaseUrl.replace(/\/$/, '')}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${config.whatsappToken ?? ''}`,
        'idempotency-key': idempotencyKey(row),
      },
      body: JSON.stringify(whatsappBody(config, row, text)),
      signal: AbortSignal.timeout(10_000),
    });
    // Drain the body so that the connection is reused (and never leaks).
    const answer = await response.text().catch(() => '');
    if (!response.ok) throw new Error(`WhatsApp endpoint answered ${response.status} ${answer.slice(0, 120)}`);
  },
});

/** Waits after the 1st, 2nd, … failed attempt; the last value repeats. */
export const BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];
export const MAX_ATTEMPTS = 8;
/**
 * How long a claimed message belongs to its sender without a heartbeat: a crashed sender's
 * messages go out again this soon after its last heartbeat. A live sender renews the lease every
 * HEARTBEAT_MS, so a slow 10 s request (the channel's timeout) never loses it.
 */
export const LEASE_MS = 15_000;
export const HEARTBEAT_MS = 5_000;

export const backoffAfter = (attempts: number): number => BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;

/** One pass: claims what is due and delivers it, `concurrency` at a time. Returns how many were sent. */
export const deliverDue = async (
  store: Store,
  clock: Clock,
  channels: Record<string, Deliver>,
  limit = 50,
  concurrency = 4,
  heartbeatMs = HEARTBEAT_MS,
): Promise<number> => {
  const claimed = await store.claimDueNotifications(clock.now().toMillis(), limit, LEASE_MS);
  if (claimed.length === 0) return 0;
  // What this pass still holds and has not finished; the heartbeat keeps its lease alive.
  const held = new Set(claimed);
  const heartbeat = setInterval(() => {
    const rows = [...held];
    store
      .renewNotificationLeases(rows, clock.now().toMillis(), LEASE_MS)
      .then((kept) => {
        const ids = new Set(kept);
        // A lease lost (a stalled pass) belongs to another sender now: leave the message to it.
        for (const row of rows) if (!ids.has(row.id)) held.delete(row);
      })
      // The store is closing: the process is going away, and its leases simply run out.
      .catch(() => clearInterval(heartbeat));
  }, heartbeatMs);
  heartbeat.unref();
  let sent = 0;
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const row = claimed[next++]!;
      if (!held.has(row)) continue;
      try {
        const deliver = channels[row.channel];
        if (!deliver) throw new Error(`unknown channel ${row.channel}`);
        await deliver(row, renderMessage(row.template, JSON.parse(row.payload) as Payload));
        if (await store.markNotificationSent(row, clock.now().toMillis())) sent++;
      } catch (err) {
        const nowMs = clock.now().toMillis();
        await store.markNotificationFailed(row, nowMs, String((err as Error)?.message ?? err), {
          status: row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          retryAt: nowMs + backoffAfter(row.attempts),
        });
      } finally {
        held.delete(row);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  } finally {
    clearInterval(heartbeat);
  }
  return sent;
};

/**
 * Polls the outbox every `intervalMs` until stopped, and once a minute queues tomorrow's
 * reminders. Stopping waits for a pass in progress, so a clean shutdown leaves nothing claimed.
 */
export const startSender = (store: Store, clock: Clock, config: Config, log: Logger, intervalMs = 2_000) => {
  const channels = deliverers(config, log);
  let running: Promise<unknown> | null = null;
  let lastReminderRun = 0;
  const tick = () => {
    if (running) return;
    const now = clock.now();
    const work = async () => {
      if (now.toMillis() - lastReminderRun >= 60_000) {
        lastReminderRun = now.toMillis();
        const queued = await store.enqueueReminders(now, config.notifyChannel, config.reminderTime);
        if (queued > 0) log.info({ queued }, 'reminders queued');
      }
      await deliverDue(store, clock, channels);
    };
    running = work()
      .catch((err) => log.error({ err: String(err) }, 'notification sender failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await running;
  };
  return stop;
};
