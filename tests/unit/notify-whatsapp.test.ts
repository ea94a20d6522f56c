import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startSender } from '../../server/jobs/sender';
import { bookMany, drainOutbox, notificationRows, startWhatsappStub, whatsappConfig, type WhatsappStub } from '../http/closureSupport';
import { startServer, type TestServer } from '../support/server';

describe('the WhatsApp Cloud API channel', () => {
  let s: TestServer;
  let stub: WhatsappStub;
  afterEach(async () => {
    await s?.stop();
    await stub?.close();
  });

  it('sends a pre-approved Indonesian template with its body parameters in template mode', async () => {
    stub = await startWhatsappStub();
    s = await startServer({ listen: false, config: { ...whatsappConfig(stub), whatsappMode: 'template' } });
    const [booking] = await bookMany(s, 1, '2026-11-25');
    expect(await drainOutbox(s)).toBe(1);
    const body = stub.requests[0]!.body as unknown as Record<string, unknown>;
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234561000',
      biz_opaque_callback_data: 'giliran-notification-1',
      type: 'template',
      template: {
        name: 'giliran_booked',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Pengambilan Dokumen' },
              { type: 'text', text: 'Disdukcapil Kota Demo' },
              { type: 'text', text: 'Rabu, 25 November 2026 pukul 08.00–09.00 WIB' },
              { type: 'text', text: booking!.code },
              // The service's requirements (domain/requirements): '-' where it has none.
              { type: 'text', text: 'Bawa tanda terima / bukti pengajuan. Wajib masker.' },
              { type: 'text', text: '30' },
            ],
          },
        ],
      },
    });
  });

  it('records the endpoint refusal as the last error and keeps the message for a retry', async () => {
    stub = await startWhatsappStub({ failFirst: 1 });
    s = await startServer({ listen: false, config: whatsappConfig(stub) });
    await bookMany(s, 1, '2026-11-25');
    expect(await drainOutbox(s)).toBe(0);
    const row = s.db.prepare('SELECT status, attempts, last_error AS lastError, next_attempt_at AS next FROM notifications').get() as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('WhatsApp endpoint answered 500') });
    expect(row.next).toBe(s.clock.now().toMillis() + 5_000);
  });
});

describe('the running sender', () => {
  let s: TestServer;
  afterEach(async () => s?.stop());

  it('delivers the outbox on its own and queues the reminders due, then stops cleanly', async () => {
    s = await startServer({ listen: false, now: '2026-11-24T15:00:00.000+07:00' });
    await bookMany(s, 3, '2026-11-25');
    s.clock.set('2026-11-24T16:05:00.000+07:00');
    const stop = startSender(s.store, s.clock, { ...s.config, reminderTime: '16:00' }, pino({ level: 'silent' }), 20);
    const sent = () => notificationRows(s).filter((n) => n.status === 'sent').map((n) => n.template);
    for (let i = 0; i < 100 && sent().length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(sent().sort()).toEqual(['booked', 'booked', 'booked', 'reminder', 'reminder', 'reminder']);
  });
});
