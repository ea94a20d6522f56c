/** domain/outbox outboxCounts: what the log channel "sent" is counted as logged, apart from what WhatsApp delivered (issue item 9). */
import { describe, expect, it } from 'vitest';
import { outboxCounts } from '../../server/domain/outbox';

describe('the outbox counts by channel', () => {
  it('counts a message the log channel marked sent as logged, never as sent by WhatsApp', () => {
    const counts = [
      { status: 'sent', channel: 'log', n: 4 },
      { status: 'pending', channel: 'log', n: 1 },
      { status: 'sent', channel: 'whatsapp', n: 2 },
      { status: 'failed', channel: 'whatsapp', n: 1 },
    ];
    expect(outboxCounts(counts, 'whatsapp')).toEqual({
      pending: 1, sending: 0, sent: 6, failed: 1,
      configuredChannel: 'whatsapp', logged: 4, sentByWhatsapp: 2,
      byChannel: [
        { channel: 'log', pending: 1, sending: 0, sent: 4, failed: 0 },
        { channel: 'whatsapp', pending: 0, sending: 0, sent: 2, failed: 1 },
      ],
    });
  });

  it('reads an unknown configured channel as log, and an empty outbox as zeros', () => {
    expect(outboxCounts([], 'something')).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, configuredChannel: 'log', logged: 0, sentByWhatsapp: 0, byChannel: [] });
  });

  it('adds PostgreSQL bigint counts given as strings', () => {
    expect(outboxCounts([{ status: 'sent', channel: 'log', n: '3' as unknown as number }], 'log')).toMatchObject({ sent: 3, logged: 3 });
  });
});
