import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstBookableSlot, kioskAuth, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

describe('a visitor books, checks in, and is served', () => {
  let s: TestServer;
  beforeEach(async () => (s = await startServer({ listen: false })));
  afterEach(() => s.stop());

  it('books a slot, checks in at its time, and a counter calls, starts and completes the ticket', async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(1) });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ service: 'A', status: 'booked', date: slot.date });
    s.clock.set(slot.start);
    const ticket = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(ticket.status).toBe(201);
    expect(ticket.body.number).toBe('A001');
    const staff = await signIn(s.app);
    const called = await staff.post('/api/counters/1/call-next');
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ number: 'A001', status: 'called', counter: '1' });
    expect((await staff.post(`/api/tickets/${ticket.body.id}/start`)).body.ticket.status).toBe('serving');
    expect((await staff.post(`/api/tickets/${ticket.body.id}/complete`)).body.ticket.status).toBe('done');
    expect((await staff.post('/api/counters/1/call-next')).status).toBe(204);
  });
});
