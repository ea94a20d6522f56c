import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { adminFingerprint, officesAndStaff, send, type Staffed } from './adminSupport';

/**
 * Every admin action on the demo office, as the admin page sends it. Each must be refused to a
 * counter clerk of that office, to the admin of another office and to a supervisor (who reads
 * reports only), and a refused request changes nothing.
 */
const actions = (ids: { user: number; closure: number }): [string, string, unknown?][] => [
  ['GET', '/api/offices/demo/admin'],
  ['PATCH', '/api/offices/demo', { roomCapacity: 5 }],
  ['PUT', '/api/offices/demo/hours', { hours: [{ weekday: 1, open: '09:00', close: '12:00' }] }],
  ['PUT', '/api/offices/demo/blanko', { stock: 0 }],
  ['POST', '/api/offices/demo/blanko', { add: 100 }],
  ['POST', '/api/offices/demo/services', { code: 'D', nameId: 'Konsultasi' }],
  ['PATCH', '/api/offices/demo/services/A', { nameId: 'Diubah' }],
  ['PUT', '/api/offices/demo/services/order', { codes: ['C', 'B', 'A'] }],
  ['DELETE', '/api/offices/demo/services/B'],
  ['PUT', '/api/offices/demo/services/A/templates', { slots: [] }],
  ['PUT', '/api/offices/demo/services/A/overrides/2026-11-30', { slots: [] }],
  ['DELETE', '/api/offices/demo/services/A/overrides/2026-11-30'],
  ['POST', '/api/offices/demo/counters', { name: '9', services: ['A'] }],
  ['PATCH', '/api/offices/demo/counters/1', { name: '1A' }],
  ['DELETE', '/api/offices/demo/counters/3'],
  ['GET', '/api/offices/demo/staff'],
  ['POST', '/api/offices/demo/staff', { username: 'penyusup', displayName: 'Penyusup', role: 'admin' }],
  ['PATCH', `/api/offices/demo/staff/${ids.user}`, { role: 'admin' }],
  ['POST', `/api/offices/demo/staff/${ids.user}/reset-password`],
  ['GET', '/api/offices/demo/kiosks'],
  ['POST', '/api/offices/demo/kiosks', { name: 'Kiosk Palsu' }],
  ['POST', '/api/offices/demo/kiosks/1/revoke'],
  ['POST', '/api/offices/demo/notices', { textId: 'Pengumuman palsu' }],
  ['PATCH', '/api/offices/demo/notices/1', { active: false }],
  ['DELETE', '/api/offices/demo/notices/1'],
  ['POST', '/api/offices/demo/whatsapp-contacts', { label: 'Palsu', phone: '081299998888' }],
  ['PATCH', '/api/offices/demo/whatsapp-contacts/1', { phone: '081299998888' }],
  ['DELETE', '/api/offices/demo/whatsapp-contacts/1'],
  ['GET', '/api/offices/demo/closures'],
  ['POST', '/api/offices/demo/closures', { from: '2026-11-25', to: '2026-11-25', reason: 'Penutupan palsu' }],
  ['POST', `/api/offices/demo/closures/${ids.closure}/end`, { to: '2026-11-24' }],
  ['GET', '/api/offices/demo/urgent-only'],
  ['PUT', '/api/offices/demo/urgent-only', { open: ['C'], reason: 'Hanya mendesak' }],
  ['DELETE', '/api/offices/demo/urgent-only'],
  ['POST', '/api/offices/demo/notifications/retry-failed'],
  ['GET', '/api/offices/demo/audit'],
];
const REPORTS: [string, string][] = [
  ['GET', '/api/offices/demo/reports?from=2026-11-24'],
  ['GET', '/api/offices/demo/reports?from=2026-11-24&format=csv'],
  ['GET', '/api/offices/demo/reports/daily?date=2026-11-24'],
];

describe('admin actions are refused to anyone but an admin of that office', () => {
  let s: TestServer;
  let st: Staffed;
  let ids: { user: number; closure: number };
  beforeAll(async () => {
    s = await startServer({ listen: false });
    st = await officesAndStaff(s);
    const closure = await st.head.post('/api/offices/demo/closures').send({ from: '2026-12-01', to: null, reason: 'Renovasi ruang tunggu' });
    expect(closure.status).toBe(201);
    ids = { user: st.accounts.clerk.id, closure: closure.body.id };
  });
  afterAll(() => s.stop());

  it('refuses every admin action to a counter clerk of the office (403) and changes nothing', async () => {
    const before = adminFingerprint(s);
    for (const [method, path, body] of [...actions(ids), ...REPORTS]) {
      const res = await send(st.clerk, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect(adminFingerprint(s)).toBe(before);
  });

  it("refuses every admin action on this office to another office's admin (403) and changes nothing", async () => {
    const before = adminFingerprint(s);
    for (const [method, path, body] of [...actions(ids), ...REPORTS]) {
      const res = await send(st.otherAdmin, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(adminFingerprint(s)).toBe(before);
  });

  it('lets a supervisor read the reports and nothing else', async () => {
    const before = adminFingerprint(s);
    for (const [method, path, body] of actions(ids)) {
      expect((await send(st.supervisor, method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    for (const [method, path] of REPORTS) expect((await send(st.supervisor, method, path)).status, `${method} ${path}`).toBe(200);
    expect(adminFingerprint(s)).toBe(before);
  });

  it('refuses deployment-wide actions (new office, new deployment admin) to an office admin', async () => {
    const before = adminFingerprint(s);
    expect((await st.head.post('/api/offices').send({ id: 'baru', name: 'Kantor Baru', timezone: 'Asia/Jakarta' })).status).toBe(403);
    expect((await st.head.post('/api/admins').send({ username: 'raja', displayName: 'Raja' })).status).toBe(403);
    expect((await st.otherAdmin.post('/api/offices').send({ id: 'baru', name: 'Kantor Baru', timezone: 'Asia/Jakarta' })).status).toBe(403);
    // An office admin cannot reach the deployment-wide admin either.
    expect((await st.head.post('/api/offices/demo/staff/1/reset-password')).status).toBe(403);
    expect(adminFingerprint(s)).toBe(before);
  });

  it('refuses everything without a session (401)', async () => {
    for (const [method, path, body] of [...actions(ids), ...REPORTS]) {
      expect((await send(request.agent(s.app), method, path, body)).status, `${method} ${path}`).toBe(401);
    }
  });

  it('lets the other office admin run their own office', async () => {
    const res = await st.otherAdmin.post('/api/offices/lain/services').send({ code: 'A', nameId: 'Pengambilan Dokumen', nameEn: 'Document pickup' });
    expect(res.status).toBe(201);
    expect((await st.otherAdmin.get('/api/offices/lain/admin')).body.services.map((x: { code: string }) => x.code)).toEqual(['A']);
  });
});
