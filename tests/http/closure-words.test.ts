/**
 * What a closure says (Lebong: "until further notice", and 36 holders told to "rebook another
 * day"): a closure with an end date tells when to book again, one until further notice says so,
 * both name the WhatsApp contact of the booking's service's group, and ending a closure early tells
 * the holders of the bookings it cancelled, once, that they can book again, with the link. Both engines.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../server/jobs/templates';
import { person, signIn } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

const WEDNESDAY = '2026-11-25';
const THURSDAY = '2026-11-26';
const BASE = 'https://giliran.example.go.id';

describe.each(ENGINES)('the words of a closure on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await start({ config: { publicBaseUrl: BASE } });
    admin = await signIn(s.app);
    // B (Legalisir) is answered by the civil-records number; A has no group of its own.
    expect((await admin.patch('/api/offices/demo/services/B').send({ serviceGroup: 'Pencatatan Sipil' })).status).toBe(200);
  });
  afterEach(() => s.stop());

  let n = 0;
  const book = async (service: string, date: string, who = person(200 + n++)) => {
    const day = (await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${date}&days=1`)).body[0];
    const res = await request(s.app).post('/api/offices/demo/bookings').send({ service, slotId: day.slots[1].id, ...who });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };
  const messages = async (template: string) =>
    (await s.query<{ template: string; payload: string; recipient: string }>('SELECT template, payload, recipient FROM notifications WHERE template = ? ORDER BY id', template)).map(
      (m) => ({ recipient: m.recipient, text: renderMessage(m.template, JSON.parse(m.payload)) }),
    );

  it('until further notice: no "rebook another day", a promise of word, and the group\'s WhatsApp number', async () => {
    await book('A', WEDNESDAY);
    await book('B', THURSDAY);
    const closure = await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: null, reason: 'Delapan pegawai terpapar COVID-19', action: 'cancel' });
    expect(closure.body).toMatchObject({ affectedBookings: 2, cancelled: 2 });
    expect(await messages('closure')).toHaveLength(0);
    const texts = (await messages('closure_open')).map((m) => m.text);
    expect(texts).toHaveLength(2);
    for (const t of texts) {
      expect(t).toContain('tutup sampai pemberitahuan lebih lanjut karena: Delapan pegawai terpapar COVID-19');
      expect(t).toContain('Kami akan mengabari Anda melalui WhatsApp ini saat Disdukcapil Kota Demo buka kembali.');
      expect(t).not.toContain('hari lain');
    }
    // A has no group: the office's first number; B: the civil-records number.
    expect(texts[0]).toMatch(/Informasi: WhatsApp Pendaftaran Penduduk .* \+6281200000001\.$/);
    expect(texts[1]).toMatch(/Informasi: WhatsApp Pencatatan Sipil .* \+6281200000002\.$/);
  });

  it('with an end date: book again from the first day it opens (Friday), with the link', async () => {
    await book('B', WEDNESDAY);
    await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: THURSDAY, service: 'B', reason: 'Printer rusak', action: 'cancel' });
    const [m] = await messages('closure');
    expect(m!.text).toMatch(/^Mohon maaf, Layanan Legalisir di Disdukcapil Kota Demo tutup pada jadwal reservasi Anda \([A-Z2-9]{8}, Rabu, 25 November 2026 pukul 09\.00–10\.00 WIB\) karena: Printer rusak\./);
    expect(m!.text).toContain(`Silakan pesan ulang untuk tanggal mulai Jumat, 27 November 2026 di ${BASE}/booking/?office=demo.`);
    expect(m!.text).toContain('Informasi: WhatsApp Pencatatan Sipil');
  });

  it('ended early: the holders of the bookings it cancelled are told once, one message per phone, with the link', async () => {
    const twice = person(300);
    await book('A', WEDNESDAY, twice);
    await book('B', WEDNESDAY, twice);
    await book('A', THURSDAY);
    const untouched = await book('A', '2026-11-30');
    const closure = await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: '2026-11-27', reason: 'Kantor disterilkan', action: 'cancel' });
    expect(closure.body.cancelled).toBe(3);
    expect(untouched).toBeTruthy();

    s.clock.advance({ days: 1 });
    admin = await signIn(s.app);
    // Thursday 26th: the office opens again from Friday instead of Monday.
    const ended = await admin.post(`/api/offices/demo/closures/${closure.body.id}/end`).send({ to: THURSDAY });
    expect(ended.status).toBe(200);
    const told = await messages('reopened');
    expect(told).toHaveLength(2);
    expect(new Set(told.map((m) => m.recipient)).size).toBe(2);
    for (const m of told) {
      expect(m.text).toMatch(/^Kabar baik: Disdukcapil Kota Demo buka kembali mulai Jumat, 27 November 2026\. Reservasi Anda \([A-Z2-9]{8}\) yang dibatalkan/);
      expect(m.text).toContain(`silakan pesan ulang di ${BASE}/booking/?office=demo.`);
    }
    const [row] = await s.query<{ reopen_notified_at: number | null }>('SELECT reopen_notified_at FROM closures WHERE id = ?', closure.body.id);
    expect(Number(row!.reopen_notified_at)).toBe(s.clock.now().toMillis());

    // Shortened again: nobody is told twice.
    await admin.post(`/api/offices/demo/closures/${closure.body.id}/end`).send({ to: '2026-11-25' });
    expect(await messages('reopened')).toHaveLength(2);
  });

  it('a closure ended on its own last day reopens nothing, and tells nobody', async () => {
    await book('A', WEDNESDAY);
    const closure = await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: WEDNESDAY, reason: 'Pemadaman listrik', action: 'cancel' });
    await admin.post(`/api/offices/demo/closures/${closure.body.id}/end`).send({ to: WEDNESDAY });
    expect(await messages('reopened')).toHaveLength(0);
  });
});
