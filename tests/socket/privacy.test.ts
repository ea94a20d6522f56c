import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { firstBookableSlot, kioskAuth, nikFor, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { connected, displaySocket, next, ticketSocket } from './live';

type Recorded = { namespace: string; event: string; payload: unknown };

const NAME = 'Siti Nurhaliza Rahmawati';
const NIK = nikFor(4321, true); // 3174015708904322
const PHONE = '0813-9876-5432';
const PHONE_DIGITS = ['081398765432', '6281398765432', '81398765432'];

/** Every string in a payload, and every key: where a name or a number could hide. */
const stringsOf = (value: unknown, out: string[] = []): string[] => {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push(k), stringsOf(v, out));
  else if (typeof value === 'number') out.push(String(value));
  return out;
};

describe('nothing personal on the public namespaces', () => {
  let s: TestServer;
  const recorded: Recorded[] = [];
  const sockets: Socket[] = [];
  const record = (namespace: string, socket: Socket) => {
    sockets.push(socket);
    socket.onAny((event, ...args) => recorded.push({ namespace, event, payload: args }));
    return socket;
  };

  beforeAll(async () => (s = await startServer()));
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await s.stop();
  });

  it('records every /display and /ticket payload of a full day and finds no name, NIK or phone', async () => {
    const boards = [record('/display', displaySocket(s.url)), record('/display', displaySocket(s.url))];
    await Promise.all(boards.map((b) => connected(b)));

    // A citizen books online with name, NIK and phone, and checks in at the kiosk when the slot begins.
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: NIK, name: NAME, phone: PHONE });
    expect(booked.status).toBe(201);
    s.clock.set(slot.start);
    const checkIn = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(checkIn.status).toBe(201);
    const followed = record('/ticket', ticketSocket(s.url, checkIn.body.id));
    await next(followed, 'ticket');

    // Walk-ins, each followed on a phone.
    const walkIns = [];
    for (const service of ['A', 'B', 'A']) {
      const res = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });
      expect(res.status).toBe(201);
      walkIns.push(res.body);
      record('/ticket', ticketSocket(s.url, res.body.id));
    }

    // The counters work: call (the booking first, its slot has begun), recall, start, transfer, call elsewhere, complete,
    // a no-show and its requeue.
    const staff = await signIn(s.app);
    const called = await staff.post('/api/counters/1/call-next');
    expect(called.body.ticket.id).toBe(checkIn.body.id);
    const detail = await staff.get(`/api/tickets/${checkIn.body.id}/details`);
    expect(detail.body.booking).toMatchObject({ name: NAME, nikMasked: '************4322' }); // staff see who it is
    expect((await staff.post(`/api/tickets/${checkIn.body.id}/recall`)).status).toBe(200);
    expect((await staff.post(`/api/tickets/${checkIn.body.id}/start`)).status).toBe(200);
    expect((await staff.post(`/api/tickets/${checkIn.body.id}/transfer`).send({ service: 'B' })).body.ticket.status).toBe('waiting');
    const atTwo = await staff.post('/api/counters/2/call-next');
    expect(atTwo.status).toBe(200);
    await staff.post(`/api/tickets/${atTwo.body.ticket.id}/start`);
    await staff.post(`/api/tickets/${atTwo.body.ticket.id}/complete`);
    const again = await staff.post('/api/counters/2/call-next');
    await staff.post(`/api/tickets/${again.body.ticket.id}/no-show`);
    await staff.post(`/api/tickets/${again.body.ticket.id}/requeue`);
    const third = await staff.post('/api/counters/1/call-next');
    await staff.post(`/api/tickets/${third.body.ticket.id}/start`);
    await staff.post(`/api/tickets/${third.body.ticket.id}/complete`);

    // A board switched on late gets the whole day at once.
    const late = record('/display', displaySocket(s.url));
    await next(late, 'state');
    await new Promise((r) => setTimeout(r, 300)); // let the last publish arrive everywhere

    const events = new Set(recorded.map((r) => `${r.namespace} ${r.event}`));
    expect(events).toEqual(new Set(['/display state', '/display called', '/ticket ticket']));
    expect(recorded.length).toBeGreaterThan(40);
    // The booking holder's own ticket page followed the whole life of the ticket.
    const bookingTicket = recorded.filter((r) => r.namespace === '/ticket' && (r.payload as { id: string }[])[0]?.id === checkIn.body.id);
    expect(new Set(bookingTicket.map((r) => (r.payload as { status: string }[])[0]!.status))).toEqual(new Set(['waiting', 'called', 'serving', 'done']));

    const nikDigits = NIK.replace(/\D/g, '');
    for (const { namespace, event, payload } of recorded) {
      const where = `${namespace} ${event}`;
      const text = JSON.stringify(payload);
      expect(text, where).not.toContain(NAME);
      for (const part of NAME.split(' ')) expect(text, where).not.toMatch(new RegExp(`\\b${part}\\b`, 'i'));
      expect(text, where).not.toContain(NIK);
      expect(text, where).not.toContain(PHONE);
      expect(text, where).not.toContain(booked.body.code);
      // Digits in any format: spaced, dotted, or split across fields.
      const digits = text.replace(/\D/g, '');
      expect(digits, where).not.toContain(nikDigits);
      for (const phone of PHONE_DIGITS) expect(digits, where).not.toContain(phone);
      expect(text, `${where}: a masked NIK or phone`).not.toMatch(/\*{3,}/);
      for (const value of stringsOf(payload)) expect(value, `${where}: a personal field`).not.toMatch(/^(nik|nikMasked|nikLast4|phone|phoneMasked|name_?holder|holder|bookingCode|code)$/i);
    }
  });
});
