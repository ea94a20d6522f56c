/**
 * The bare baseline, in its own process: express + better-sqlite3 doing the same
 * capacity-checked booking insert in one BEGIN IMMEDIATE transaction (same pragmas as the
 * product: WAL, synchronous FULL), and a bare socket.io server that emits a call to K
 * sockets. Nothing else: no validation, no rules, no read models. Environment:
 * BASELINE_DB (file), BASELINE_CAPACITIES (comma-separated, one slot each; slot ids from 1).
 */
import Database from 'better-sqlite3';
import express from 'express';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { answerIpc } from './ipc';

const sqlite = new Database(process.env.BASELINE_DB ?? ':memory:');
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('busy_timeout = 5000');
sqlite.exec(`
  CREATE TABLE IF NOT EXISTS slots (id INTEGER PRIMARY KEY, capacity INTEGER NOT NULL, booked INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS bookings (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, slot_id INTEGER NOT NULL REFERENCES slots(id),
    nik TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL, created_at INTEGER NOT NULL);
`);
const capacities = (process.env.BASELINE_CAPACITIES ?? '').split(',').filter(Boolean).map(Number);
const addSlot = sqlite.prepare('INSERT OR IGNORE INTO slots (id, capacity) VALUES (?, ?)');
capacities.forEach((capacity, i) => addSlot.run(i + 1, capacity));

const take = sqlite.prepare('UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity');
const insert = sqlite.prepare('INSERT INTO bookings (code, slot_id, nik, name, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)');
type Body = { slotId: number; nik: string; name: string; phone: string };
const book = sqlite.transaction((b: Body): string | null => {
  if (take.run(b.slotId).changes !== 1) return null;
  const code = randomBytes(6).toString('base64url').toUpperCase();
  insert.run(code, b.slotId, b.nik, b.name, b.phone, Date.now());
  return code;
});

const app = express();
app.use(express.json());
app.post('/book', (req, res) => {
  const code = book.immediate(req.body as Body);
  if (code) res.status(201).json({ code, slotId: (req.body as Body).slotId, status: 'booked' });
  else res.status(409).json({ error: { code: 'SLOT_FULL' } });
});

const httpServer = createServer(app);
const io = new Server(httpServer, { serveClient: false });
const display = io.of('/display');
const ticket = io.of('/ticket');
// On connection each client gets its first state, as the product's clients do.
display.on('connection', (socket) => {
  void socket.join('office');
  socket.emit('state', { office: { id: 'demo' }, counters: [], waiting: [] });
});
ticket.on('connection', (socket) => {
  const id = String(socket.handshake.auth.ticketId ?? '');
  void socket.join(id);
  socket.emit('ticket', { id, status: 'waiting' });
});

/** A call: one event to the board room, then each followed ticket its own update (as the product does). */
let calls = 0;
app.post('/call', (_req, res) => {
  calls++;
  const at = new Date().toISOString();
  display.to('office').emit('called', { number: `A${String(calls).padStart(3, '0')}`, counter: '1', service: 'A', calledAt: at, recall: false });
  for (const [, socket] of ticket.sockets) {
    const id = String(socket.handshake.auth.ticketId ?? '');
    socket.emit('ticket', { id, office: 'demo', number: 'A001', service: 'A', serviceName: 'Pengambilan Dokumen', status: 'waiting', position: calls, estimatedWaitMinutes: 5, waitOutside: false, issuedAt: at, date: at.slice(0, 10), priority: null, statusUrl: `/t/${id}` });
  }
  res.status(200).json({ ok: true });
});

httpServer.listen(0, '127.0.0.1', () => answerIpc({ port: (httpServer.address() as AddressInfo).port, kioskToken: null }));
process.on('SIGTERM', () => {
  io.close();
  httpServer.close(() => {
    sqlite.close();
    process.exit(0);
  });
});
