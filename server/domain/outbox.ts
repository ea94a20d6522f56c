/** The notification outbox as an admin handles it: which failed messages can be sent again. */
import { maskPhone } from './phone';

const MASK = maskPhone('+620000000000').charAt(6);

/** Whether the retention job masked this number (`maskPhone`): such a message has nobody left to reach. */
export const recipientErased = (recipient: string): boolean => recipient.includes(MASK);

/** The failed messages to queue again: every one whose recipient can still be reached. */
export const retryable = <M extends { recipient: string }>(failed: readonly M[]): M[] => failed.filter((m) => !recipientErased(m.recipient));

/** One count of the outbox: how many messages of a status were queued for a channel. */
export type OutboxCount = { status: string; channel: string; n: number };

/**
 * The outbox counts as the admin reads them (shared/staffTypes OutboxSummary): the totals per
 * status, and, apart, what was really delivered by WhatsApp and what the log channel only wrote
 * to the server's log (status `sent` there means "logged", nobody received it).
 */
export const outboxCounts = (counts: readonly OutboxCount[], notifyChannel: string) => {
  const total = (status: string) => counts.filter((c) => c.status === status).reduce((sum, c) => sum + Number(c.n), 0);
  const of = (channel: string, status: string) => counts.filter((c) => c.channel === channel && c.status === status).reduce((sum, c) => sum + Number(c.n), 0);
  const channels = [...new Set(counts.map((c) => c.channel))].sort();
  return {
    pending: total('pending'),
    sending: total('sending'),
    sent: total('sent'),
    failed: total('failed'),
    configuredChannel: notifyChannel === 'whatsapp' ? ('whatsapp' as const) : ('log' as const),
    logged: of('log', 'sent'),
    sentByWhatsapp: of('whatsapp', 'sent'),
    byChannel: channels.map((channel) => ({
      channel,
      pending: of(channel, 'pending'),
      sending: of(channel, 'sending'),
      sent: of(channel, 'sent'),
      failed: of(channel, 'failed'),
    })),
  };
};
