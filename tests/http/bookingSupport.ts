/** Shared helpers of the booking tests: slots by day, a database fingerprint, direct SQL tweaks. */
import request from 'supertest';
import { expect } from 'vitest';
import type { SlotView } from '../../shared/types';
import type { TestServer } from '../support/server';

export type DaySlot = SlotView & { date: string };

/** Every slot of a service over the coming `days` days (materialising them, as the page does). */
export const allSlots = async (s: TestServer, service = 'A', days = 14): Promise<DaySlot[]> => {
  const res = await request(s.app).get(`/api/offices/demo/availability?service=${service}&days=${days}`);
  expect(res.status).toBe(200);
  return (res.body as { date: string; slots: SlotView[] }[]).flatMap((d) => d.slots.map((slot) => ({ ...slot, date: d.date })));
};

export const bookableSlots = async (s: TestServer, service = 'A', days = 14): Promise<DaySlot[]> =>
  (await allSlots(s, service, days)).filter((slot) => slot.bookable);

/** Slot at a local date and start time ('HH:mm'). */
export const slotAt = async (s: TestServer, date: string, time: string, service = 'A'): Promise<DaySlot> => {
  const slot = (await allSlots(s, service)).find((x) => x.date === date && x.start.slice(11, 16) === time);
  if (!slot) throw new Error(`no slot ${service} ${date} ${time}`);
  return slot;
};

/** Everything a booking request could change, as one string: a failed request must leave it identical. */
export const fingerprint = (s: TestServer): string =>
  JSON.stringify(
    ['bookings', 'slots', 'notifications', 'audit_log', 'tickets'].map((table) =>
      s.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );

/** Runs a request that must fail and asserts the database did not change. */
export const expectUnchanged = async <T>(s: TestServer, act: () => Promise<T>): Promise<T> => {
  const before = fingerprint(s);
  const result = await act();
  expect(fingerprint(s)).toBe(before);
  return result;
};

export const sql = (s: TestServer, statement: string, ...params: unknown[]) => s.db.prepare(statement).run(...params);
export const row = <T = Record<string, unknown>>(s: TestServer, statement: string, ...params: unknown[]): T =>
  s.db.prepare(statement).get(...params) as T;
export const rows = <T = Record<string, unknown>>(s: TestServer, statement: string, ...params: unknown[]): T[] =>
  s.db.prepare(statement).all(...params) as T[];

/** Books through the listening server when there is one: its plain POST is then answered by the lean lane (server/http/leanLane.ts). */
export const book = (s: TestServer, body: Record<string, unknown>, lang?: string) => {
  const req = request(s.url || s.app).post('/api/offices/demo/bookings');
  if (lang) req.set('Accept-Language', lang);
  return req.send(body);
};
