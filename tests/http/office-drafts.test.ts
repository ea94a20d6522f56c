/**
 * A new office is a draft until an admin publishes it (issue 15, item 10), on both engines: a
 * draft is not listed to visitors and takes no visitor's booking (staff may try it out);
 * publishing asks for a service and opening hours; each change is audited.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type EngineServer } from '../support/engines';
import { nikFor, signIn } from '../support/factories';

describe.each(ENGINES)('office drafts on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    s = await start({ listen: false });
    admin = await signIn(s.app);
  });
  afterAll(() => s.stop());

  const listed = async () => ((await request(s.app).get('/api/offices').expect(200)).body as { id: string }[]).map((o) => o.id);

  it('keeps a new office out of the visitors\' list until it is published, and publishes it only once it has a service', async () => {
    expect((await admin.post('/api/offices').send({ id: 'kecamatan-baru', name: 'Disdukcapil Kecamatan Baru', timezone: 'Asia/Makassar' })).status).toBe(201);
    expect(await listed()).toEqual(['demo']);
    expect((await admin.get('/api/offices/kecamatan-baru/admin')).body.office).toMatchObject({ published: false });
    // The staff pages list drafts too (the admin sets the office up there); visitors and strangers do not.
    expect((await admin.get('/api/staff/offices')).body).toEqual([
      { id: 'kecamatan-baru', name: 'Disdukcapil Kecamatan Baru', timezone: 'Asia/Makassar', published: false },
      { id: 'demo', name: 'Disdukcapil Kota Demo', timezone: 'Asia/Jakarta', published: true },
    ]);
    expect((await request(s.app).get('/api/staff/offices')).status).toBe(401);
    const early = await admin.put('/api/offices/kecamatan-baru/published').set('Accept-Language', 'id').send({ published: true });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'OFFICE_NOT_READY', message: 'Kantor belum bisa diterbitkan: tambahkan setidaknya satu layanan dulu.' });
    expect(await listed()).toEqual(['demo']);
    await admin.post('/api/offices/kecamatan-baru/services').send({ code: 'A', nameId: 'Legalisir' }).expect(201);
    const published = await admin.put('/api/offices/kecamatan-baru/published').send({ published: true });
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ id: 'kecamatan-baru', published: true });
    expect((await listed()).sort()).toEqual(['demo', 'kecamatan-baru']);
    expect((await request(s.app).get('/api/offices/kecamatan-baru')).body.published).toBe(true);
    const audit = await s.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'office.%publish' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['office.publish']);
  });

  it('refuses a visitor\'s booking in a draft office (as if it did not exist) while staff may still book there', async () => {
    const days = (await request(s.app).get('/api/offices/demo/availability?service=A&days=3')).body as { date: string; slots: { id: number }[] }[];
    const slotId = days.find((d) => d.date === '2026-11-25')!.slots[0]!.id;
    expect((await admin.put('/api/offices/demo/published').send({ published: false })).status).toBe(200);
    expect(await listed()).not.toContain('demo');
    const refused = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, nik: nikFor(6100, true), name: 'Siti', phone: '0812-6100-0000' });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
    const assisted = await admin.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId, nik: nikFor(6101, true), name: 'Budi', phone: '0812-6101-0000' });
    expect(assisted.status).toBe(201);
    await admin.put('/api/offices/demo/published').send({ published: true }).expect(200);
    expect((await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, nik: nikFor(6100, true), name: 'Siti', phone: '0812-6100-0000' })).status).toBe(201);
  });
});
