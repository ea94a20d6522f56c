import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { BoardState, CallEvent } from '../../shared/types';
import { ENGINES, type EngineServer } from '../support/engines';
import { connected, displaySocket, login, next, post, walkIn } from './live';

describe.each(ENGINES)('the /display namespace on $name', ({ start }) => {
  let s: EngineServer;
  let cookie: string;
  const sockets: Socket[] = [];
  const open = (officeId = 'demo') => {
    const socket = displaySocket(s.url, officeId);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    s = await start();
    cookie = await login(s.url);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => s.stop());

  it('sends every connected display the call and the new state', async () => {
    const boards = [open(), open(), open()];
    // Each board gets the office's state as soon as it connects.
    const initial = await Promise.all(boards.map((b) => next<BoardState>(b, 'state')));
    for (const state of initial) expect(state.office).toEqual({ id: 'demo', name: 'Disdukcapil Kota Demo', timezone: 'Asia/Jakarta' });

    const ticket = await walkIn(s.url, s.kioskToken, 'A');
    const calls = boards.map((b) => next<CallEvent>(b, 'called'));
    const states = boards.map((b) => next<BoardState>(b, 'state', (st) => st.counters.some((c) => c.current === ticket.number)));
    const res = await post(s.url, '/counters/1/call-next', cookie);
    expect(res.status).toBe(200);

    for (const call of await Promise.all(calls)) {
      expect(call).toMatchObject({ number: ticket.number, counter: '1', service: 'A', recall: false });
      expect(call.calledAt).toBe('2026-11-24T09:30:00.000+07:00');
    }
    for (const state of await Promise.all(states)) {
      expect(state.lastCalls[0]).toMatchObject({ number: ticket.number, counter: '1' });
      expect(state.counters.find((c) => c.name === '1')?.current).toBe(ticket.number);
    }

    // A recall is a call again, marked as such.
    const recalls = boards.map((b) => next<CallEvent>(b, 'called'));
    expect((await post(s.url, `/tickets/${res.body.ticket.id}/recall`, cookie)).status).toBe(200);
    for (const call of await Promise.all(recalls)) expect(call).toMatchObject({ number: ticket.number, counter: '1', recall: true });
    await post(s.url, `/tickets/${res.body.ticket.id}/start`, cookie);
    await post(s.url, `/tickets/${res.body.ticket.id}/complete`, cookie);
  });

  it('gives a display that connects late the full state of the day', async () => {
    const a = await walkIn(s.url, s.kioskToken, 'A');
    const b = await walkIn(s.url, s.kioskToken, 'B');
    await walkIn(s.url, s.kioskToken, 'C');
    s.clock.advance({ minutes: 2 });
    const called = await post(s.url, '/counters/2/call-next', cookie); // counter 2 serves B first
    expect(called.body.ticket.number).toBe(b.number);
    await post(s.url, '/counters/1/call-next', cookie);
    const busy = await post(s.url, '/counters/1/call-next', cookie); // still handling a
    expect([busy.status, busy.body.error.code]).toEqual([409, 'COUNTER_BUSY']);
    const paused = await fetch(`${s.url}/api/counters/3`, { method: 'PATCH', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'paused' }) });
    expect(paused.status).toBe(200);

    const late = open();
    const state = await next<BoardState>(late, 'state');
    expect(state.now).toBe('2026-11-24T09:32:00.000+07:00');
    expect(state.counters).toEqual([
      { id: 1, name: '1', status: 'open', current: a.number },
      { id: 2, name: '2', status: 'open', current: b.number },
      { id: 3, name: '3', status: 'paused', current: null },
    ]);
    // The last calls, newest first, including the first test's call and recall of A001.
    expect(state.lastCalls.map((c) => [c.number, c.counter, c.recall])).toEqual([
      [a.number, '1', false],
      [b.number, '2', false],
      ['A001', '1', true],
      ['A001', '1', false],
    ]);
    expect(state.waiting).toEqual([
      { service: 'A', name: 'Pengambilan Dokumen', count: 0 },
      { service: 'B', name: 'Legalisir', count: 0 },
      { service: 'C', name: 'Perekaman KTP-el Mendesak', count: 1 },
    ]);
    expect(state.roomCapacity).toBe(30);
    expect(state.admitted).toEqual(['C001']);
    expect(state.notices[0]?.text).toMatch(/masker/);
  });

  it('refuses a display for an unknown office', async () => {
    const socket = open('nowhere');
    await expect(connected(socket)).rejects.toThrow('NOT_FOUND');
  });
});
