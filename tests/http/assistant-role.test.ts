/**
 * Kelurahan helpers (Prabumulih: the kelurahan books for citizens who cannot; issue "Closures,
 * blanko and the citizen's words", item 7). An `assistant` account books on citizens' behalf in
 * its office and lists its own bookings; nothing else. A citizen without a phone is booked with
 * the helper's own WhatsApp number: it receives the messages, and such bookings neither count for
 * nor are limited by the per-phone rule, while the per-NIK rules still hold. Both engines.
 * Now is Tuesday 2026-11-24 09:30 WIB.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nikFor, signIn } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

type Agent = Awaited<ReturnType<typeof signIn>>;
const HELPER_PHONE = '+6281255550001';

describe.each(ENGINES)('kelurahan assistants on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Agent;
  let helper: Agent;
  let other: Agent;
  let bare: Agent;
  let helperId: number;

  const slot = async (date: string, time: string, service = 'A') => {
    const res = await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${date}&days=1`);
    const found = (res.body[0].slots as { id: number; start: string }[]).find((x) => x.start.slice(11, 16) === time);
    if (!found) throw new Error(`no slot ${date} ${time}`);
    return found.id;
  };
  const create = async (body: object) => {
    const res = await admin.post('/api/offices/demo/staff').send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { user: { id: number; role: string; contactPhone: string | null }; password: string };
  };

  beforeAll(async () => {
    s = await start();
    admin = await signIn(s.app);
    const kel = await create({ username: 'kel.sukamaju', displayName: 'Kelurahan Sukamaju', role: 'assistant', contactPhone: '0812 5555 0001' });
    expect(kel.user).toMatchObject({ role: 'assistant', contactPhone: HELPER_PHONE });
    helperId = kel.user.id;
    helper = await signIn(s.app, 'kel.sukamaju', kel.password);
    const tetangga = await create({ username: 'kel.tetangga', displayName: 'Kelurahan Tetangga', role: 'assistant', contactPhone: '081255550002' });
    other = await signIn(s.app, 'kel.tetangga', tetangga.password);
    const tanpa = await create({ username: 'kel.tanpa', displayName: 'Kelurahan Tanpa Nomor', role: 'assistant' });
    expect(tanpa.user.contactPhone).toBeNull();
    bare = await signIn(s.app, 'kel.tanpa', tanpa.password);
  });
  afterAll(() => s.stop());

  it('signs in as an assistant of its office and reads its own number', async () => {
    expect((await helper.get('/api/auth/me')).body).toMatchObject({ username: 'kel.sukamaju', role: 'assistant', officeId: 'demo', contactPhone: HELPER_PHONE });
  });

  it("books a citizen with a phone; the audit row records the assistant and its role", async () => {
    const citizen = { nik: nikFor(301, true), name: 'Ibu Rahmawati', phone: '0813 2222 3333' };
    const res = await helper.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: await slot('2026-11-25', '09:00'), ...citizen });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'booked', phoneMasked: '+62813••••3333' });
    const [booking] = await s.query<{ phone: string; helper: unknown; by: number }>(
      'SELECT phone, contact_is_helper AS helper, created_by_user_id AS by FROM bookings WHERE code = ?', res.body.code,
    );
    expect(booking).toMatchObject({ phone: '+6281322223333', by: helperId });
    expect(Boolean(booking!.helper)).toBe(false);
    const audit = await s.query<{ user_id: number; detail: string }>("SELECT user_id, detail FROM audit_log WHERE action = 'booking.assisted' AND target = ?", res.body.code);
    expect(audit.map((a) => ({ user: a.user_id, detail: JSON.parse(a.detail) }))).toEqual([{ user: helperId, detail: { role: 'assistant' } }]);
  });

  it("books a citizen without a phone with the helper's number, which receives the messages", async () => {
    const res = await helper.post('/api/offices/demo/assisted-bookings')
      .send({ service: 'A', slotId: await slot('2026-11-25', '10:00'), nik: nikFor(302), name: 'Pak Sukardi', noPhone: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.phoneMasked).toBe('+62812••••0001');
    const [booking] = await s.query<{ phone: string; helper: unknown }>('SELECT phone, contact_is_helper AS helper FROM bookings WHERE code = ?', res.body.code);
    expect(booking!.phone).toBe(HELPER_PHONE);
    expect(Boolean(booking!.helper)).toBe(true);
    const messages = await s.query<{ recipient: string; template: string }>(
      'SELECT n.recipient, n.template FROM notifications n JOIN bookings b ON b.id = n.booking_id WHERE b.code = ?', res.body.code,
    );
    expect(messages).toEqual([{ recipient: HELPER_PHONE, template: 'booked' }]);
    const audit = await s.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'booking.assisted' AND target = ?", res.body.code);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ role: 'assistant', contactIsHelper: true });
    // The citizen still manages it with the code and the NIK's last four digits.
    expect((await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${nikFor(302).slice(-4)}`)).status).toBe(200);
  });

  it("helper-number bookings are outside the per-phone rule; the per-NIK rules still hold", async () => {
    await s.query('UPDATE offices SET max_active_bookings_per_phone = 1');
    try {
      // Three citizens without a phone, one helper number: all booked.
      for (const [n, time] of [[311, '11:00'], [312, '13:00'], [313, '14:00']] as const) {
        const res = await helper.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: await slot('2026-11-26', time), nik: nikFor(n), name: `Warga ${n}`, noPhone: true });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      // Nor do they count against the helper's own number as a citizen's phone.
      const own = await request(s.app).post('/api/offices/demo/bookings')
        .send({ service: 'B', slotId: await slot('2026-11-26', '09:00', 'B'), nik: nikFor(320), name: 'Staf Kelurahan', phone: '0812-5555-0001' });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      // The same NIK twice for one service on one day: refused, as for anyone.
      const dup = await helper.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: await slot('2026-11-26', '09:00'), nik: nikFor(311), name: 'Warga 311', noPhone: true });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('DUPLICATE_BOOKING');
      // The citizen moves a helper-number booking: not held back by the helper's number either.
      const code = (await s.query<{ code: string }>("SELECT b.code FROM bookings b WHERE b.nik_last4 = ? AND b.date = '2026-11-26'", nikFor(312).slice(-4)))[0]!.code;
      const moved = await request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: nikFor(312).slice(-4), slotId: await slot('2026-11-27', '09:00') });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    } finally {
      await s.query('UPDATE offices SET max_active_bookings_per_phone = 2');
    }
  });

  it("refuses 'no phone' to an assistant without a number of its own, with a clear field error, changing nothing", async () => {
    const before = await s.query('SELECT count(*) AS n FROM bookings');
    const res = await bare.post('/api/offices/demo/assisted-bookings').set('Accept-Language', 'en')
      .send({ service: 'A', slotId: await slot('2026-11-25', '11:00'), nik: nikFor(330), name: 'Ibu Tanpa HP', noPhone: true });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.phone).toMatch(/no helper WhatsApp number/);
    // Without `noPhone` the phone is the citizen's and must be a mobile number.
    const missing = await bare.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: await slot('2026-11-25', '11:00'), nik: nikFor(330), name: 'Ibu Tanpa HP' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields)).toEqual(['phone']);
    expect(await s.query('SELECT count(*) AS n FROM bookings')).toEqual(before);
  });

  it('lists its own bookings only, newest first, with the name and the phone masked', async () => {
    const mine = await helper.get('/api/offices/demo/assisted-bookings');
    expect(mine.status).toBe(200);
    const list = mine.body as { code: string; name: string; phoneMasked: string; contactIsHelper: boolean; createdAt: number; service: string; start: string; requirements: string }[];
    expect(list.map((b) => b.name)).toEqual(expect.arrayContaining(['Ibu Rahmawati', 'Pak Sukardi', 'Warga 311', 'Warga 312', 'Warga 313']));
    expect(list).toHaveLength(5);
    expect(list.find((b) => b.name === 'Pak Sukardi')).toMatchObject({ phoneMasked: '+62812••••0001', contactIsHelper: true, service: 'A' });
    expect(list.find((b) => b.name === 'Ibu Rahmawati')).toMatchObject({ phoneMasked: '+62813••••3333', contactIsHelper: false });
    expect(list.find((b) => b.name === 'Warga 312')!.start).toMatch(/^2026-11-27T09:00:00\.000\+07:00$/);
    expect(JSON.stringify(list)).not.toContain('+6281322223333');
    expect(JSON.stringify(list)).not.toContain(nikFor(301));
    for (let i = 1; i < list.length; i++) expect(list[i - 1]!.createdAt).toBeGreaterThanOrEqual(list[i]!.createdAt);
    // Another assistant, and the admin, see none of them (each sees what it made itself).
    expect((await other.get('/api/offices/demo/assisted-bookings')).body).toEqual([]);
    expect((await admin.get('/api/offices/demo/assisted-bookings')).body).toEqual([]);
    expect((await request(s.app).get('/api/offices/demo/assisted-bookings')).status).toBe(401);
  });

  it("refuses another office's assisted bookings and the staff reads of a booking", async () => {
    await s.query("INSERT INTO offices (id, name, timezone, created_at) VALUES ('lain', 'Disdukcapil Lain', 'Asia/Makassar', 0)");
    expect((await helper.get('/api/offices/lain/assisted-bookings')).status).toBe(403);
    const refused = await helper.post('/api/offices/lain/assisted-bookings').send({ service: 'A', slotId: 1, nik: nikFor(340), name: 'Warga Lain', phone: '081234560000' });
    expect(refused.status).toBe(403);
    const code = (await s.query<{ code: string }>('SELECT code FROM bookings LIMIT 1'))[0]!.code;
    const read = await helper.get(`/api/offices/demo/bookings/${code}`);
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('FORBIDDEN');
  });

  it('admins set and remove the number, and may make an assistant a counter clerk; the audit keeps no number', async () => {
    const set = await admin.patch(`/api/offices/demo/staff/${helperId}`).send({ contactPhone: '0812-5555-0009' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.contactPhone).toBe('+6281255550009');
    const bad = await admin.patch(`/api/offices/demo/staff/${helperId}`).set('Accept-Language', 'en').send({ contactPhone: '12' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['contactPhone']);
    expect((await admin.patch(`/api/offices/demo/staff/${helperId}`).send({ contactPhone: '0812 5555 0001' })).body.contactPhone).toBe(HELPER_PHONE);
    const audit = await s.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'user.update'");
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ contactPhone: 'set' }, { contactPhone: 'set' }]);
    expect(JSON.stringify(audit)).not.toContain('5555');
    const listed = (await admin.get('/api/offices/demo/staff')).body as { username: string; role: string; contactPhone: string | null }[];
    expect(listed.find((u) => u.username === 'kel.sukamaju')).toMatchObject({ role: 'assistant', contactPhone: HELPER_PHONE });
  });
});
