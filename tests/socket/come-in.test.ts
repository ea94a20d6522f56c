/**
 * "Come in now" (issue 14, item 3), on both engines: with a room of one, a visitor waiting
 * outside who is called hears (and sees) "silakan masuk" before the counter; one called from
 * inside does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { CallEvent } from '../../shared/types';
import { announcement } from '../../shared/speech';
import { announcementClips } from '../../shared/voiceClips';
import { ENGINES, type EngineServer } from '../support/engines';
import { connected, displaySocket, login, next, post, walkIn } from './live';

describe.each(ENGINES)('a call from outside the room on $name', ({ start }) => {
  let s: EngineServer;
  let cookie: string;
  let board: Socket;

  beforeAll(async () => {
    s = await start();
    cookie = await login(s.url);
    const patched = await fetch(`${s.url}/api/offices/demo`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: s.url }, body: JSON.stringify({ roomCapacity: 1 }),
    });
    expect(patched.status).toBe(200);
    board = displaySocket(s.url, 'demo');
    await connected(board);
  });
  afterAll(async () => {
    board?.disconnect();
    await s.stop();
  });

  it('says "silakan masuk" for a ticket that waited outside, and not for one already inside', async () => {
    const first = await walkIn(s.url, s.kioskToken, 'A');
    const second = await walkIn(s.url, s.kioskToken, 'A');
    const firstCall = next<CallEvent>(board, 'called', (c) => c.number === first.number);
    expect((await post(s.url, '/counters/1/call-next', cookie)).status).toBe(200);
    expect((await firstCall).comeIn).toBeUndefined();
    // The room (1) now holds the called visitor: the second waits outside until called.
    const secondCall = next<CallEvent>(board, 'called', (c) => c.number === second.number);
    expect((await post(s.url, '/counters/2/call-next', cookie)).status).toBe(200);
    const call = await secondCall;
    expect(call).toMatchObject({ number: second.number, comeIn: true });
    expect(announcement(call.number, call.counter, { comeIn: call.comeIn })).toBe('Nomor antrian A dua, silakan masuk, silakan menuju loket dua');
    expect(announcementClips(call.number, call.counter, { comeIn: call.comeIn })).toEqual(['nomor-antrian', 'A', 'dua', 'silakan-masuk', 'silakan-menuju', 'loket', 'dua']);
  });
});
