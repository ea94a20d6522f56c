/**
 * WORKERS=2 on one port (node:cluster + @socket.io/sticky): a board on the polling transport
 * only connects and hears a call (its requests must all reach the worker holding its session);
 * a worker killed with SIGKILL is replaced and the port keeps answering.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '../../shared/types';
import { ADMIN_PASSWORD } from '../support/server';
import { json, login, next, post, walkIn } from '../socket/live';
import { logOf, newDeployment, startProcess, type Deployment, type ServerProcess } from './processes';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const workerPids = (p: ServerProcess) => p.lines.map(logOf).filter((l) => l?.msg === 'Giliran worker is serving').map((l) => l!.pid!);

describe('WORKERS=2 on one port', () => {
  let deployment: Deployment;
  let cluster: ServerProcess;
  let cookie: string;
  let kioskToken: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    deployment = await newDeployment();
    cluster = await startProcess({ ...deployment.env, WORKERS: '2', ADMIN_PASSWORD, RATE_LIMIT_LOGINS_PER_MINUTE: '1000' });
    // Both workers serve (the first to be ready may answer before the other is).
    await cluster.line(() => workerPids(cluster).length >= 2);
    const linkLine = await cluster.line((line) => line.startsWith('Demo kiosk pairing link'));
    // Two workers started together on an empty database: one of them seeded, and only it printed the link.
    expect(cluster.lines.filter((line) => line.startsWith('Demo kiosk pairing link'))).toHaveLength(1);
    kioskToken = /#token=(\S+)/.exec(linkLine)![1]!;
    cookie = await login(cluster.url);
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '23:59' }));
    expect((await json(`${cluster.url}/api/offices/demo/hours`, { method: 'PUT', cookie, body: JSON.stringify({ hours }) })).status).toBe(200);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.stop();
    await deployment?.drop();
  });

  it('connects a polling-only board and delivers a call to it once', async () => {
    const board = io(`${cluster.url}/display`, { auth: { officeId: 'demo' }, transports: ['polling'], forceNew: true });
    sockets.push(board);
    await next(board, 'state', () => true, 15_000);
    expect(board.io.engine.transport.name).toBe('polling');
    const heard: CallEvent[] = [];
    board.on('called', (call: CallEvent) => heard.push(call));
    const ticket = await walkIn(cluster.url, kioskToken, 'B');
    const called = await post(cluster.url, '/counters/2/call-next', cookie);
    expect(called.status).toBe(200);
    for (let i = 0; i < 100 && heard.length === 0; i++) await settle(100);
    await settle(800);
    expect(heard.map((call) => call.number)).toEqual([ticket.number]);
  });

  it('replaces a worker that dies, and the port keeps answering', async () => {
    const first = workerPids(cluster).slice(0, 2);
    process.kill(first[0]!, 'SIGKILL');
    await cluster.line((line) => logOf(line)?.msg === 'cluster: a worker ended; starting another');
    const replaced = () => workerPids(cluster).some((pid) => !first.includes(pid));
    // While the new worker boots, the other one answers everything (the booting one gets nothing yet).
    let answered = 0;
    for (const deadline = Date.now() + 30_000; !replaced() && Date.now() < deadline; await settle(20)) {
      expect((await json(`${cluster.url}/api/offices`)).status).toBe(200);
      answered++;
    }
    expect(replaced()).toBe(true);
    expect(answered).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) expect((await json(`${cluster.url}/api/offices`)).status).toBe(200);
  });
});
