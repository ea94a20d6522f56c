import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';
import { kioskAuth, signIn } from '../support/factories';

describe('admin: counters, staff accounts, kiosks', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
  });
  afterEach(() => s.stop());

  it('creates a counter with its services in order, changes it, and removes it', async () => {
    const created = await admin.post('/api/offices/demo/counters').send({ name: '4', services: ['C', 'B'] });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const find = async () => (await admin.get('/api/offices/demo/counters')).body.find((c: { id: number }) => c.id === id);
    expect(await find()).toMatchObject({ name: '4', services: ['C', 'B'], status: 'closed' });
    expect((await admin.patch(`/api/offices/demo/counters/${id}`).send({ name: '4 (Prioritas)', services: ['A'] })).status).toBe(200);
    expect(await find()).toMatchObject({ name: '4 (Prioritas)', services: ['A'] });
    expect((await admin.post('/api/offices/demo/counters').send({ name: '1', services: [] })).body.error.fields.name).toBe('Sudah dipakai. Pilih yang lain.');
    expect((await admin.post('/api/offices/demo/counters').send({ name: '5', services: ['Z'] })).status).toBe(400);
    expect((await admin.delete(`/api/offices/demo/counters/${id}`)).status).toBe(204);
    expect(await find()).toBeUndefined();
  });

  it('does not remove a counter while it handles a ticket', async () => {
    await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    expect((await admin.post('/api/counters/1/call-next')).status).toBe(200);
    const res = await admin.delete('/api/offices/demo/counters/1');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.counter).toBe('Loket ini sedang menangani sebuah nomor.');
  });

  it('creates a staff account whose generated password is shown once and works; the list never shows it', async () => {
    const res = await admin.post('/api/offices/demo/staff').send({ username: 'Siti.Petugas', displayName: 'Siti', role: 'counter' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'siti.petugas', role: 'counter', officeId: 'demo', disabled: false });
    expect(res.body.password).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const siti = await signIn(s.app, 'siti.petugas', res.body.password);
    expect((await siti.get('/api/auth/me')).body).toMatchObject({ role: 'counter', officeId: 'demo' });
    const list = await admin.get('/api/offices/demo/staff');
    expect(list.body.map((u: { username: string }) => u.username)).toEqual(['admin', 'siti.petugas']);
    expect(JSON.stringify(list.body)).not.toMatch(/password|scrypt/i);
    expect((await admin.post('/api/offices/demo/staff').send({ username: 'siti.petugas', displayName: 'Lagi', role: 'counter' })).body.error.fields.username).toBe(
      'Sudah dipakai. Pilih yang lain.',
    );
  });

  it('resets a password: a new one, shown once; the old one and the open sessions stop working', async () => {
    const created = await admin.post('/api/offices/demo/staff').send({ username: 'budi', displayName: 'Budi', role: 'counter' });
    const budi = await signIn(s.app, 'budi', created.body.password);
    const reset = await admin.post(`/api/offices/demo/staff/${created.body.user.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.password).not.toBe(created.body.password);
    expect((await budi.get('/api/auth/me')).status).toBe(401);
    expect((await request(s.app).post('/api/auth/login').send({ username: 'budi', password: created.body.password })).status).toBe(401);
    expect((await request(s.app).post('/api/auth/login').send({ username: 'budi', password: reset.body.password })).status).toBe(200);
  });

  it('changes a role and disables an account (its sessions end); nobody demotes or disables themselves', async () => {
    const created = await admin.post('/api/offices/demo/staff').send({ username: 'ani', displayName: 'Ani', role: 'counter' });
    const id = created.body.user.id;
    const ani = await signIn(s.app, 'ani', created.body.password);
    expect((await admin.patch(`/api/offices/demo/staff/${id}`).send({ role: 'supervisor', displayName: 'Ani Lestari' })).body).toMatchObject({ role: 'supervisor', displayName: 'Ani Lestari' });
    expect((await ani.get('/api/auth/me')).status).toBe(401);
    const again = await signIn(s.app, 'ani', created.body.password);
    expect((await again.get('/api/offices/demo/reports?from=2026-11-24')).status).toBe(200);
    expect((await admin.patch(`/api/offices/demo/staff/${id}`).send({ disabled: true })).body.disabled).toBe(true);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await request(s.app).post('/api/auth/login').send({ username: 'ani', password: created.body.password })).status).toBe(401);
    const self = await admin.patch('/api/offices/demo/staff/1').send({ disabled: true });
    expect(self.status).toBe(400);
    expect(self.body.error.fields.role).toMatch(/akun Anda sendiri/);
  });

  it('lets any staff member change their own password after giving the current one', async () => {
    const wrong = await admin.post('/api/auth/password').send({ current: 'salah-salah', next: 'kata-sandi-baru-2026' });
    expect(wrong.status).toBe(400);
    expect((await admin.post('/api/auth/password').send({ current: ADMIN_PASSWORD, next: 'pendek' })).status).toBe(400);
    expect((await admin.post('/api/auth/password').send({ current: ADMIN_PASSWORD, next: 'kata-sandi-baru-2026' })).status).toBe(204);
    // This session carries on; the new password signs in, the old one does not.
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    expect((await request(s.app).post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).status).toBe(401);
    await signIn(s.app, 'admin', 'kata-sandi-baru-2026');
  });

  it('creates a deployment-wide admin (by a deployment-wide admin)', async () => {
    const res = await admin.post('/api/admins').send({ username: 'provinsi', displayName: 'Admin Provinsi' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'admin', officeId: null });
    const other = await signIn(s.app, 'provinsi', res.body.password);
    expect((await other.get('/api/offices/demo/admin')).status).toBe(200);
  });

  it('creates a kiosk whose token is shown once, lists kiosks without tokens, and revokes one at once', async () => {
    const created = await admin.post('/api/offices/demo/kiosks').send({ name: 'Kiosk Pintu Samping' });
    expect(created.status).toBe(201);
    expect(created.body.token).toHaveLength(43);
    expect((await request(s.app).get('/api/kiosk/me').set(kioskAuth(created.body.token))).body).toMatchObject({ name: 'Kiosk Pintu Samping', officeId: 'demo' });
    const list = await admin.get('/api/offices/demo/kiosks');
    expect(list.body.map((k: { name: string }) => k.name)).toEqual(['Kiosk Lobi', 'Kiosk Pintu Samping']);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const revoked = await admin.post(`/api/offices/demo/kiosks/${created.body.id}/revoke`);
    expect(revoked.body.revokedAt).toBe(s.clock.now().toMillis());
    expect((await request(s.app).get('/api/kiosk/me').set(kioskAuth(created.body.token))).status).toBe(401);
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(created.body.token)).send({ service: 'A' })).status).toBe(401);
    // The other kiosk works on.
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' })).status).toBe(201);
  });

  it('shows counters, staff and kiosk changes in the audit log, and the counters\' ticket steps too', async () => {
    await admin.post('/api/offices/demo/counters').send({ name: '7', services: ['A'] });
    const dewi = await admin.post('/api/offices/demo/staff').send({ username: 'dewi', displayName: 'Dewi', role: 'counter' });
    // Sign-ins are logged without an office; they show in the office of the one signing in.
    await signIn(s.app, 'dewi', dewi.body.password);
    await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    s.clock.advance({ minutes: 1 });
    await admin.post('/api/counters/1/call-next');
    const res = await admin.get('/api/offices/demo/audit');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-18', to: '2026-11-24' });
    const actions = res.body.entries.map((e: { action: string; target: string }) => `${e.action} ${e.target}`);
    expect(actions.slice(0, 4)).toEqual(['ticket.called A001', 'auth.login null', 'user.create dewi', 'counter.create 7']);
    expect(res.body.entries[1].user.username).toBe('dewi');
    expect(res.body.entries[0]).toMatchObject({ at: '2026-11-24T09:31:00.000+07:00', officeId: 'demo', user: { username: 'admin' }, detail: { counter: '1' } });
    const onlyAdmin = await admin.get('/api/offices/demo/audit?kind=admin&limit=1');
    expect(onlyAdmin.body.entries.map((e: { action: string }) => e.action)).toEqual(['auth.login']);
    expect(onlyAdmin.body.more).toBe(true);
  });
});
