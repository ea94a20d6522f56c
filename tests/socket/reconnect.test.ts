import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoardState } from '../../shared/types';
import { connectBoard, type BoardLink, type LinkStatus } from '../../display/live';
import { signIn, kioskAuth } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

const listenOn = (s: TestServer, port: number) =>
  new Promise<number>((resolve, reject) => {
    s.httpServer.once('error', reject);
    s.httpServer.listen(port, '127.0.0.1', () => resolve((s.httpServer.address() as AddressInfo).port));
  });

const until = async (check: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('a board across a server restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-restart-'));
  let link: BoardLink | undefined;
  let server: TestServer | undefined;
  afterAll(async () => {
    link?.close();
    await server?.stop(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows itself offline, reconnects by itself and resynchronises from the new state', async () => {
    server = await startServer({ dir, listen: false });
    const kioskToken = server.kioskToken;
    const port = await listenOn(server, 0);
    const states: BoardState[] = [];
    const statuses: LinkStatus[] = [];
    link = connectBoard(`http://127.0.0.1:${port}`, 'demo', {
      state: (st) => states.push(st),
      called: () => undefined,
      status: (st) => statuses.push(st),
    }, { retryMs: 300 });
    await until(() => states.length > 0, 5000, 'first state');
    expect(states[0]!.lastCalls).toEqual([]);
    expect(statuses.at(-1)).toBe('online');

    // The server goes away: the board says so.
    await server.stop(true);
    server = undefined;
    await until(() => statuses.at(-1) === 'offline', 5000, 'offline status');

    // Same database, new process; the day moved on while the board was blind.
    server = await startServer({ dir, listen: false });
    const walkIn = await request(server.app).post('/api/offices/demo/tickets').set(kioskAuth(kioskToken)).send({ service: 'B' });
    expect(walkIn.status).toBe(201);
    const staff = await signIn(server.app);
    expect((await staff.post('/api/counters/2/call-next')).body.ticket.number).toBe(walkIn.body.number);
    const seen = states.length;
    await listenOn(server, port);

    await until(() => states.length > seen, 15_000, 'state after restart');
    expect(statuses.at(-1)).toBe('online');
    const state = states.at(-1)!;
    expect(state.lastCalls[0]).toMatchObject({ number: walkIn.body.number, counter: '2', recall: false });
    expect(state.counters.find((c) => c.name === '2')?.current).toBe(walkIn.body.number);
  });
});
