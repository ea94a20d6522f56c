/**
 * Issue item 9, "Notifications say what really happened", on both engines: with NOTIFY_CHANNEL=log
 * nothing leaves the server, so the admin snapshot counts those messages as logged (not sent), the
 * office detail tells the pages `messagesBy: 'none'`, the log line says "logged, not sent" with
 * the phone masked, and no server message claims a WhatsApp message was sent. With
 * NOTIFY_CHANNEL=whatsapp pointed at a local stand-in for the Cloud API the same messages count as
 * sent by WhatsApp and the office detail says `messagesBy: 'whatsapp'`. Now is Tuesday
 * 2026-11-24 09:30 WIB (injected clock); the bookings are for Wednesday 25 November.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverDue, deliverers } from '../../server/jobs/sender';
import { bookMany as bookManyOn, startWhatsappStub, whatsappConfig, type WhatsappStub } from './closureSupport';
import { ENGINES, type EngineServer } from '../support/engines';
import { nikFor, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

/** closureSupport's bookMany, on either engine (it books through the API only). */
const bookMany = (s: EngineServer | TestServer, n: number, date: string, service = 'A', offset = 0) =>
  bookManyOn(s as unknown as TestServer, n, date, service, offset);

/** A logger that keeps its lines, parsed. */
const keptLog = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
};

/** Runs the sender (the configured channels) until a pass sends nothing. */
const drain = async (s: EngineServer, log = s.log) => {
  const channels = deliverers(s.config, log);
  let total = 0;
  for (let pass = 0; pass < 10; pass++) {
    const sent = await deliverDue(s.store, s.clock, channels);
    if (sent === 0) return total;
    total += sent;
  }
  throw new Error('outbox did not drain');
};

const outboxOf = async (s: EngineServer) => {
  const res = await (await signIn(s.app)).get('/api/offices/demo/admin');
  expect(res.status).toBe(200);
  return res.body.outbox as Record<string, unknown>;
};

describe.each(ENGINES)('what the notifications say on $name', ({ start }) => {
  let s: EngineServer | undefined;
  let stub: WhatsappStub | undefined;
  afterEach(async () => {
    await s?.stop();
    await stub?.close();
    s = undefined;
    stub = undefined;
  });

  it('with the log channel: counted as logged (not sent), the office promises no message, the log line says so and masks the phone', async () => {
    s = await start({ listen: false });
    const detail = await request(s.app).get('/api/offices/demo');
    expect(detail.status).toBe(200);
    expect(detail.body.messagesBy).toBe('none');

    await bookMany(s, 2, '2026-11-25');
    expect(await outboxOf(s)).toMatchObject({ configuredChannel: 'log', pending: 2, sent: 0, logged: 0, sentByWhatsapp: 0 });
    const { lines, log } = keptLog();
    expect(await drain(s, log)).toBe(2);

    const outbox = await outboxOf(s);
    expect(outbox).toMatchObject({ configuredChannel: 'log', pending: 0, sending: 0, sent: 2, failed: 0, logged: 2, sentByWhatsapp: 0 });
    expect(outbox.byChannel).toEqual([{ channel: 'log', pending: 0, sending: 0, sent: 2, failed: 0 }]);

    expect(lines.map((l) => l.msg)).toEqual(['notification logged, not sent (log channel)', 'notification logged, not sent (log channel)']);
    expect(lines[0]).toMatchObject({ template: 'booked', channel: 'log', sent: false, to: '+62812••••1000' });
    expect(JSON.stringify(lines)).not.toMatch(/81234561000|81234561001/);
    expect(JSON.stringify(lines)).not.toMatch(/delivered/);
  });

  it('with the WhatsApp channel: counted as sent by WhatsApp, and the office says messages come by WhatsApp', async () => {
    stub = await startWhatsappStub();
    s = await start({ listen: false, config: whatsappConfig(stub) });
    expect((await request(s.app).get('/api/offices/demo')).body.messagesBy).toBe('whatsapp');

    await bookMany(s, 3, '2026-11-25');
    expect(await drain(s)).toBe(3);
    expect(stub.accepted()).toHaveLength(3);

    const outbox = await outboxOf(s);
    expect(outbox).toMatchObject({ configuredChannel: 'whatsapp', pending: 0, sent: 3, failed: 0, logged: 0, sentByWhatsapp: 3 });
    expect(outbox.byChannel).toEqual([{ channel: 'whatsapp', pending: 0, sending: 0, sent: 3, failed: 0 }]);
  });

  it('a refused message counts as failed on its channel, never as sent', async () => {
    stub = await startWhatsappStub({ failFirst: 1 });
    s = await start({ listen: false, config: whatsappConfig(stub) });
    await bookMany(s, 1, '2026-11-25');
    expect(await drain(s)).toBe(0);
    const outbox = await outboxOf(s);
    expect(outbox).toMatchObject({ pending: 1, sent: 0, sentByWhatsapp: 0, logged: 0 });
    expect(outbox.byChannel).toEqual([{ channel: 'whatsapp', pending: 1, sending: 0, sent: 0, failed: 0 }]);
  });

  it('the duplicate-NIK refusal and the confirmation errors claim no WhatsApp message with the log channel', async () => {
    s = await start({ listen: false, config: { bookingConfirmation: 'whatsapp' } });
    const days = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-25&days=1')).body as { slots: { id: number }[] }[];
    const slotId = days[0]!.slots[0]!.id;
    const nik = nikFor(9009, true);
    const first = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, nik, name: 'Siti', phone: person(9).phone });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('pending');

    // The confirmation code goes through the log channel: the line says it was logged, and never prints the code or the number.
    const { lines, log } = keptLog();
    expect(await drain(s, log)).toBe(1);
    const [otpRow] = await s.query<{ payload: string }>("SELECT payload FROM notifications WHERE template = 'booking_otp'");
    const otp = (JSON.parse(otpRow!.payload) as { otp: string }).otp;
    expect(lines.map((l) => l.msg)).toEqual(['confirmation code logged, not sent (log channel)']);
    expect(JSON.stringify(lines)).not.toContain(otp);
    expect(JSON.stringify(lines)).not.toMatch(/81234561009/);

    for (const lang of ['id', 'en']) {
      const again = await request(s.app).post('/api/offices/demo/bookings').set('Accept-Language', lang).send({ service: 'A', slotId, nik, name: 'Siti', phone: person(9).phone });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('DUPLICATE_BOOKING');
      expect(again.body.error.message).not.toMatch(/whatsapp/i);

      const wrong = await request(s.app).post(`/api/bookings/${first.body.code}/confirm`).set('Accept-Language', lang).send({ nik4: nik.slice(-4), otp: otp === '111111' ? '222222' : '111111' });
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(wrong.body.error)).not.toMatch(/whatsapp/i);
    }
    expect((await outboxOf(s))).toMatchObject({ configuredChannel: 'log', logged: 1, sentByWhatsapp: 0 });
  });
});

describe('a deployment that moved from the log channel to WhatsApp (sqlite)', () => {
  it('keeps counting what the log channel only logged apart from what WhatsApp delivered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'giliran-test-'));
    const stub = await startWhatsappStub();
    try {
      const first = await startServer({ listen: false, dir });
      await bookMany(first, 2, '2026-11-25');
      expect(await drain(first as unknown as EngineServer)).toBe(2);
      await first.stop();
      const s = await startServer({ listen: false, dir, config: whatsappConfig(stub) });
      try {
        await bookMany(s, 1, '2026-11-25', 'A', 10);
        expect(await drain(s as unknown as EngineServer)).toBe(1);
        const outbox = await outboxOf(s as unknown as EngineServer);
        expect(outbox).toMatchObject({ configuredChannel: 'whatsapp', sent: 3, logged: 2, sentByWhatsapp: 1 });
        expect(outbox.byChannel).toEqual([
          { channel: 'log', pending: 0, sending: 0, sent: 2, failed: 0 },
          { channel: 'whatsapp', pending: 0, sending: 0, sent: 1, failed: 0 },
        ]);
      } finally {
        await s.stop();
      }
    } finally {
      await stub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
