/**
 * A stand-in for the WhatsApp Cloud API: a real HTTP server on 127.0.0.1 that records every
 * request, can fail the first attempts of each message, and, like a receiver honouring the
 * idempotency key, delivers each key to the phone at most once.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { expect } from 'vitest';
import { person } from '../support/factories';
import type { TestServer } from '../support/server';
import { deliverDue, deliverers } from '../../server/jobs/sender';

export type StubRequest = { path: string; authorization: string | undefined; key: string; status: number; body: { to: string; type: string; text?: { body: string }; template?: unknown } };

export const startWhatsappStub = async (options: { failFirst?: number } = {}) => {
  const requests: StubRequest[] = [];
  const attempts = new Map<string, number>();
  /** What reached the phones: one entry per idempotency key. */
  const delivered = new Map<string, StubRequest>();
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(data));
    });
  const server = createServer(async (req, res) => {
    const entry: StubRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      key: String(req.headers['idempotency-key'] ?? ''),
      status: 0,
      body: JSON.parse(await readBody(req)),
    };
    requests.push(entry);
    const n = (attempts.get(entry.key) ?? 0) + 1;
    attempts.set(entry.key, n);
    if (n <= (options.failFirst ?? 0)) {
      entry.status = 500;
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"temporarily unavailable"}}');
      return;
    }
    entry.status = 200;
    if (!delivered.has(entry.key)) delivered.set(entry.key, entry);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: [{ id: `wamid.${entry.key}` }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    delivered,
    /** Requests the endpoint answered 200. */
    accepted: () => requests.filter((r) => r.status === 200),
    reset: () => {
      requests.length = 0;
      attempts.clear();
      delivered.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
export type WhatsappStub = Awaited<ReturnType<typeof startWhatsappStub>>;

export const whatsappConfig = (stub: WhatsappStub) => ({
  notifyChannel: 'whatsapp' as const,
  whatsappBaseUrl: `${stub.url}/v21.0/106540352242922`,
  whatsappToken: 'uji-token-rahasia',
});

/** Runs the sender until nothing is due now (bounded). Returns how many were sent. */
export const drainOutbox = async (s: TestServer): Promise<number> => {
  const channels = deliverers(s.config, s.log);
  let total = 0;
  for (let pass = 0; pass < 20; pass++) {
    const sent = await deliverDue(s.store, s.clock, channels);
    total += sent;
    const due = s.db.prepare("SELECT count(*) AS n FROM notifications WHERE status = 'pending' AND next_attempt_at <= ?").get(s.clock.now().toMillis()) as { n: number };
    if (due.n === 0) return total;
  }
  throw new Error('outbox did not drain');
};

/** Books `n` distinct people into the service's slots on `date`, filling slots in order. */
export const bookMany = async (s: TestServer, n: number, date: string, service = 'A', offset = 0) => {
  const day = (await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${date}&days=1`)).body[0];
  const codes: { code: string; phone: string; nik4: string; slotId: number }[] = [];
  let slotIndex = 0;
  for (let i = 0; i < n; i++) {
    let res;
    do {
      const slot = day.slots[slotIndex];
      if (!slot) throw new Error(`no room for ${n} bookings on ${date}`);
      res = await request(s.app).post('/api/offices/demo/bookings').send({ service, slotId: slot.id, ...person(offset + i) });
      if (res.status === 409 && res.body.error.code === 'SLOT_FULL') slotIndex++;
    } while (res.status === 409 && res.body.error.code === 'SLOT_FULL');
    expect(res.status).toBe(201);
    codes.push({ code: res.body.code, phone: person(offset + i).phone, nik4: person(offset + i).nik.slice(-4), slotId: res.body.slotId });
  }
  return codes;
};

/** +62 812-3456-1000 → 6281234561000, as WhatsApp wants the recipient. */
export const waNumber = (typed: string) => `62${typed.replace(/\D/g, '').slice(1)}`;

export const notificationRows = (s: TestServer) =>
  s.db.prepare('SELECT id, template, status, attempts, recipient FROM notifications ORDER BY id').all() as {
    id: number; template: string; status: string; attempts: number; recipient: string;
  }[];
