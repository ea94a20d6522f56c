/**
 * The counter checks the holder of a booked ticket (issue "the lobby and the counter", item 5):
 * the NIK typed from the KTP against the stored hash, "cocok / tidak cocok", never stored or
 * logged, audited without digits, locked after a few mismatches; and what the counter screen
 * reads of the ticket (masked NIK, the service's requirements). On both engines.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLDER_CHECK_MISMATCHES } from '../../server/domain/holderCheck';
import { ENGINES, type EngineServer } from '../support/engines';
import { firstBookableSlot, kioskAuth, nikFor, signIn } from '../support/factories';
import pino from 'pino';

describe.each(ENGINES)('checking the holder at the counter ($name)', ({ start }) => {
  let s: EngineServer;
  // Everything the server logs, at every level, to show that no typed digit is in it.
  const logged: string[] = [];
  beforeAll(async () => {
    s = await start({ listen: false, log: pino({ level: 'trace' }, { write: (line: string) => void logged.push(line) }) });
  });
  afterAll(() => s?.stop());

  /** A booking of service A by `nik`, checked in at its slot, called to counter 1. */
  const bookedTicket = async (nik: string, name: string) => {
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik, name, phone: '0812-3333-4444' });
    expect(booked.status).toBe(201);
    s.clock.set(slot.start);
    const ticket = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(ticket.status).toBe(201);
    return { code: booked.body.code as string, id: ticket.body.id as string };
  };

  it('answers cocok for the holder and tidak cocok for another NIK, audits each check without digits, and stores nothing typed', async () => {
    const holder = nikFor(21);
    const ticket = await bookedTicket(holder, 'Siti Aminah');
    const staff = await signIn(s.app);
    await staff.post('/api/counters/1/call-next');

    const details = await staff.get(`/api/tickets/${ticket.id}/details`);
    expect(details.body.booking).toMatchObject({ name: 'Siti Aminah', nikMasked: `************${holder.slice(-4)}` });
    expect(details.body.requirements).toEqual(expect.any(String));
    expect(details.body.urgentReason).toBeNull();

    // Typed with the spaces of a KTP, or scanned as one string.
    const typed = `${holder.slice(0, 6)} ${holder.slice(6, 12)} ${holder.slice(12)}`;
    const match = await staff.post(`/api/tickets/${ticket.id}/verify-holder`).send({ nik: typed });
    expect(match.status).toBe(200);
    expect(match.body).toEqual({ match: true });
    expect(match.headers['cache-control']).toBe('no-store');
    const other = nikFor(22);
    expect((await staff.post(`/api/tickets/${ticket.id}/verify-holder`).send({ nik: other })).body).toEqual({ match: false });

    const audited = await s.query<{ action: string; target: string; detail: string }>(
      "SELECT action, target, detail FROM audit_log WHERE action LIKE 'holder.%' ORDER BY id",
    );
    expect(audited.map((a) => [a.action, a.target])).toEqual([['holder.matched', ticket.code], ['holder.mismatched', ticket.code]]);
    expect(audited.every((a) => JSON.parse(a.detail).ticket === 'A001')).toBe(true);
    // The typed NIK is nowhere: not in any table's text, not in the log.
    for (const table of ['audit_log', 'ticket_events', 'notifications']) {
      const dump = JSON.stringify(await s.query(`SELECT * FROM ${table}`));
      expect(dump, table).not.toContain(other);
      expect(dump, table).not.toContain(holder);
    }
    expect(logged.join('')).not.toContain(other.slice(6));
    expect(logged.join('')).not.toContain(holder.slice(6));
  });

  it('refuses a malformed NIK (counting nothing), a walk-in, the anonymous and another office', async () => {
    const staff = await signIn(s.app);
    const { id } = (await s.query<{ id: string }>("SELECT id FROM tickets WHERE number = 'A001'"))[0]!;
    const short = await staff.post(`/api/tickets/${id}/verify-holder`).send({ nik: '12345' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.nik).toBe('NIK harus 16 angka.');
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' });
    const none = await staff.post(`/api/tickets/${walkIn.body.id}/verify-holder`).send({ nik: nikFor(21) });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/tidak memiliki reservasi dengan NIK/);
    expect((await request(s.app).post(`/api/tickets/${id}/verify-holder`).send({ nik: nikFor(21) })).status).toBe(401);
    expect((await staff.post('/api/tickets/no-such-ticket-id/verify-holder').send({ nik: nikFor(21) })).status).toBe(404);
  });

  it(`locks a ticket after ${HOLDER_CHECK_MISMATCHES} mismatches, even for the right NIK`, async () => {
    const staff = await signIn(s.app);
    const { id } = (await s.query<{ id: string }>("SELECT id FROM tickets WHERE number = 'A001'"))[0]!;
    // One mismatch was taken in the first test.
    for (let i = 1; i < HOLDER_CHECK_MISMATCHES; i++) {
      expect((await staff.post(`/api/tickets/${id}/verify-holder`).send({ nik: nikFor(30 + i) })).body).toEqual({ match: false });
    }
    const locked = await staff.post(`/api/tickets/${id}/verify-holder`).send({ nik: nikFor(21) });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.body.error.message).toMatch(/Pemeriksaan dikunci/);
    const english = await staff.post(`/api/tickets/${id}/verify-holder`).set('Accept-Language', 'en').send({ nik: nikFor(21) });
    expect(english.body.error.message).toMatch(/check is locked/);
  });
});
