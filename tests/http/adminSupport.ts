/** Shared helpers of the admin tests: a second office with its own admin, staff of every role, a database fingerprint. */
import request from 'supertest';
import { expect } from 'vitest';
import { signIn } from '../support/factories';
import type { TestServer } from '../support/server';

export type Agent = ReturnType<typeof request.agent>;

/** Every table an admin action may change, as one string: a refused request must leave it identical. */
export const adminFingerprint = (s: TestServer): string =>
  JSON.stringify(
    [
      'offices', 'opening_hours', 'services', 'slot_templates', 'slot_overrides', 'slots', 'bookings', 'counters', 'counter_services',
      'users', 'kiosks', 'closures', 'notices', 'whatsapp_contacts', 'notifications',
    ].map((table) => s.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()),
  );

/**
 * The deployment-wide admin creates a second office `lain` (Asia/Makassar) and, through the
 * API, an admin, a supervisor and a counter clerk for `demo` and an admin for `lain`.
 */
export const officesAndStaff = async (s: TestServer) => {
  const root = await signIn(s.app);
  const created = await root.post('/api/offices').send({ id: 'lain', name: 'Disdukcapil Kabupaten Lain', timezone: 'Asia/Makassar' });
  expect(created.status).toBe(201);
  const account = async (officeId: string, username: string, role: string) => {
    const res = await root.post(`/api/offices/${officeId}/staff`).send({ username, displayName: `Staf ${username}`, role });
    expect(res.status).toBe(201);
    return { id: res.body.user.id as number, username, password: res.body.password as string };
  };
  const accounts = {
    head: await account('demo', 'kepala', 'admin'),
    supervisor: await account('demo', 'pengawas', 'supervisor'),
    clerk: await account('demo', 'petugas', 'counter'),
    otherAdmin: await account('lain', 'admin-lain', 'admin'),
  };
  return {
    root,
    accounts,
    head: await signIn(s.app, 'kepala', accounts.head.password),
    supervisor: await signIn(s.app, 'pengawas', accounts.supervisor.password),
    clerk: await signIn(s.app, 'petugas', accounts.clerk.password),
    otherAdmin: await signIn(s.app, 'admin-lain', accounts.otherAdmin.password),
  };
};

export type Staffed = Awaited<ReturnType<typeof officesAndStaff>>;

/** Sends a request through an agent: method, path, optional JSON body. */
export const send = (agent: Agent, method: string, path: string, body?: unknown) => {
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = agent[m](path);
  return body === undefined ? req : req.send(body as object);
};
