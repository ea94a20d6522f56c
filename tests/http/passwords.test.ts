import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStrongPassword } from '../../server/security/passwordStrength';
import { newPassword } from '../../server/security/tokens';
import { signIn } from '../support/factories';
import { dbFingerprint } from '../support/fingerprint';
import { startServer, type TestServer } from '../support/server';

/**
 * A password a person chooses is at least 12 characters and neither weak nor common (zxcvbn
 * score ≥ 3 against the common-password dictionary and the account's own names); issue 13, item 2.
 */
describe('a staff member’s own new password', () => {
  let s: TestServer;
  let kepala: Awaited<ReturnType<typeof signIn>>;
  let current: string;

  beforeAll(async () => {
    s = await startServer({ listen: false });
    const admin = await signIn(s.app);
    const created = await admin.post('/api/offices/demo/staff').send({ username: 'kepala', displayName: 'Kepala Dinas', role: 'admin' });
    current = created.body.password;
    kepala = await signIn(s.app, 'kepala', current);
  });
  afterAll(() => s.stop());

  const change = (next: string, lang = 'id') => kepala.post('/api/auth/password').set('Accept-Language', lang).send({ current, next });

  it('refuses fewer than 12 characters: aaaaaaaaaa, password123, ten spaces', async () => {
    const before = dbFingerprint(s.db);
    for (const next of ['aaaaaaaaaa', 'password123', ' '.repeat(10), 'Xk9#mQ2$vL7']) {
      const res = await change(next);
      expect(res.status, next).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.fields.next).toBe('Terlalu pendek (minimal 12 karakter).');
    }
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('refuses a long but weak or common one, with a clear message in Indonesian and English', async () => {
    const before = dbFingerprint(s.db);
    for (const next of ['aaaaaaaaaaaa', 'password1234', ' '.repeat(12), 'qwertyuiop123', '123456789012', 'iloveyou2020', 'kepalakepala', 'giliran12345']) {
      const res = await change(next);
      expect(res.status, next).toBe(400);
      expect(res.body.error.fields.next, next).toMatch(/terlalu lemah atau terlalu umum/);
    }
    const en = await change('password1234', 'en');
    expect(en.body.error.fields.next).toBe('This password is too weak or too common. Use at least 12 characters, for example a few unrelated words.');
    expect(dbFingerprint(s.db)).toBe(before);
    // The old password still signs in.
    expect((await request(s.app).post('/api/auth/login').send({ username: 'kepala', password: current })).status).toBe(200);
  });

  it('still checks the current password first', async () => {
    const res = await kepala.post('/api/auth/password').send({ current: 'bukan-sandi-lama', next: 'password1234' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ current: 'Nama pengguna atau kata sandi salah.' });
  });

  it('accepts a strong one, and a generated one', async () => {
    expect((await change('sepeda ungu makan kerupuk')).status).toBe(204);
    current = 'sepeda ungu makan kerupuk';
    const generated = newPassword();
    expect((await change(generated)).status).toBe(204);
    expect((await request(s.app).post('/api/auth/login').send({ username: 'kepala', password: generated })).status).toBe(200);
  });
});

describe('generated passwords', () => {
  it('always pass the strength rule (newPassword: 12 characters in groups of four)', async () => {
    for (let i = 0; i < 200; i++) {
      const password = newPassword();
      expect(await isStrongPassword(password, ['kepala', 'Kepala Dinas']), password).toBe(true);
    }
  });
});
