/** Test data: valid NIKs, people, signed-in agents, kiosk headers. */
import request from 'supertest';
import type { Express } from 'express';
import { ADMIN_PASSWORD } from './server';

/**
 * A structurally valid NIK, distinct for each `n`: Jakarta Selatan (31 74 01), born 17-08-1990
 * (women: day + 40), serial from n (1…9999).
 */
export const nikFor = (n: number, female = false): string =>
  `317401${female ? '57' : '17'}0890${String((n % 9999) + 1).padStart(4, '0')}`;

/** A distinct NIK for large n (varies the district too). */
export const manyNik = (n: number): string =>
  `3174${String((Math.floor(n / 9999) % 99) + 1).padStart(2, '0')}170890${String((n % 9999) + 1).padStart(4, '0')}`;

export const person = (n: number) => ({ nik: manyNik(n), name: `Warga ${n}`, phone: `0812-3456-${String(1000 + (n % 9000))}` });

export const kioskAuth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A supertest agent signed in as `username` (the seeded admin by default). */
export const signIn = async (app: Express, username = 'admin', password = ADMIN_PASSWORD) => {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
};

/** First bookable slot of a service in the availability answer. */
export const firstBookableSlot = async (app: Express, service = 'A', officeId = 'demo') => {
  const res = await request(app).get(`/api/offices/${officeId}/availability?service=${service}&days=14`);
  for (const day of res.body) for (const slot of day.slots) if (slot.bookable) return { ...slot, date: day.date };
  throw new Error('no bookable slot');
};
