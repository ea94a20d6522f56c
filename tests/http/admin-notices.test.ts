import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

describe('admin: notices and WhatsApp contacts per service group', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
  });
  afterEach(() => s.stop());

  const publicOffice = async () => (await request(s.app).get('/api/offices/demo')).body;

  it('adds a notice that the public pages and the lobby board show while it is active', async () => {
    const created = await admin.post('/api/offices/demo/notices').send({ textId: 'Perekaman sidik jari dihentikan sementara.', textEn: 'Fingerprint recording is suspended.' });
    expect(created.status).toBe(201);
    expect((await publicOffice()).notices).toContainEqual({ id: created.body.id, text: 'Perekaman sidik jari dihentikan sementara.', textEn: 'Fingerprint recording is suspended.' });
    expect((await s.store.boardState('demo', s.clock.now())).notices.map((n) => n.text)).toContain('Perekaman sidik jari dihentikan sementara.');
    expect((await admin.patch(`/api/offices/demo/notices/${created.body.id}`).send({ active: false })).body.active).toBe(false);
    expect((await publicOffice()).notices.map((n: { id: number }) => n.id)).not.toContain(created.body.id);
    expect((await admin.delete(`/api/offices/demo/notices/${created.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/offices/demo/notices/${created.body.id}`)).status).toBe(404);
  });

  it('tells the live layer after each notice change, so that boards refresh', async () => {
    const seen: string[] = [];
    const stop = s.bus.subscribe((c) => void (c.kind === 'office' && seen.push(c.officeId)));
    await admin.post('/api/offices/demo/notices').send({ textId: 'Kantor tutup pukul 12.00 hari Jumat.' });
    stop();
    expect(seen).toEqual(['demo']);
  });

  it('refuses an empty notice', async () => {
    const res = await admin.post('/api/offices/demo/notices').send({ textId: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.textId).toMatch(/Terlalu pendek/);
  });

  it('adds a WhatsApp contact for a service group with the number in international form, changes and deletes it', async () => {
    const created = await admin.post('/api/offices/demo/whatsapp-contacts').send({ label: 'Pengaduan', phone: '0812 7000 1234', serviceGroup: 'Pengaduan dan konsultasi' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phone: '+6281270001234', serviceGroup: 'Pengaduan dan konsultasi' });
    expect((await publicOffice()).whatsappContacts).toContainEqual({ id: created.body.id, label: 'Pengaduan', phone: '+6281270001234', serviceGroup: 'Pengaduan dan konsultasi' });
    // A business landline with its area code (Palembang 0711) is a valid WhatsApp Business number too.
    expect((await admin.patch(`/api/offices/demo/whatsapp-contacts/${created.body.id}`).send({ phone: '(0711) 350-123' })).body.phone).toBe('+62711350123');
    expect((await admin.patch(`/api/offices/demo/whatsapp-contacts/${created.body.id}`).send({ phone: '12345' })).body.error.fields.phone).toMatch(/tidak valid/);
    expect((await admin.delete(`/api/offices/demo/whatsapp-contacts/${created.body.id}`)).status).toBe(204);
    expect((await publicOffice()).whatsappContacts.map((c: { id: number }) => c.id)).not.toContain(created.body.id);
  });

  it('links a service to its WhatsApp group', async () => {
    await admin.patch('/api/offices/demo/services/C').send({ serviceGroup: 'Pendaftaran Penduduk' });
    const snap = (await admin.get('/api/offices/demo/admin')).body;
    expect(snap.services.find((x: { code: string }) => x.code === 'C').serviceGroup).toBe('Pendaftaran Penduduk');
    expect(snap.contacts.map((c: { serviceGroup: string }) => c.serviceGroup)).toContain('Pendaftaran Penduduk');
  });
});
