/**
 * Closures and notices on every screen (issue 15, item 3), on both engines: a notice can be
 * scheduled (from/to local dates) and targeted (lobby board, booking page, kiosk); the office's
 * active and coming closures are announced on the board and the kiosk without anyone writing a
 * notice (the booking page lists them in its own section). Bad schedules are refused and change
 * nothing. Now is Tuesday 2026-11-24 09:30 WIB (injected clock).
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_TUESDAY } from '../support/server';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, signIn } from '../support/factories';

describe.each(ENGINES)('notices on the screens on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    s = await start({ listen: false });
    admin = await signIn(s.app);
  });
  afterAll(() => s.stop());
  beforeEach(async () => {
    s.clock.set(OPEN_TUESDAY);
    await s.query('DELETE FROM notices');
    await s.query('DELETE FROM closures');
  });

  const texts = (notices: { text: string }[]) => notices.map((n) => n.text);
  const board = async () => texts((await s.store.boardState('demo', s.clock.now())).notices);
  const kiosk = async () => texts((await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken)).expect(200)).body.notices);
  const bookingPage = async () => texts((await request(s.app).get('/api/offices/demo').expect(200)).body.notices);
  const notice = (body: Record<string, unknown>) => admin.post('/api/offices/demo/notices').send({ textEn: '', ...body });

  it('shows a notice on the screens it targets, from its first day to its last', async () => {
    expect((await notice({ textId: 'Layanan keliling Rabu–Kamis', startsOn: '2026-11-25', endsOn: '2026-11-26', targets: ['board', 'kiosk'] })).status).toBe(201);
    expect((await notice({ textId: 'Bawa fotokopi KK', targets: ['booking'] })).status).toBe(201);
    expect(await board()).toEqual([]);
    expect(await kiosk()).toEqual([]);
    expect(await bookingPage()).toEqual(['Bawa fotokopi KK']);
    s.clock.set('2026-11-25T07:00:00.000+07:00');
    expect(await board()).toEqual(['Layanan keliling Rabu–Kamis']);
    expect(await kiosk()).toEqual(['Layanan keliling Rabu–Kamis']);
    expect(await bookingPage()).toEqual(['Bawa fotokopi KK']);
    s.clock.set('2026-11-26T23:59:00.000+07:00');
    expect(await board()).toEqual(['Layanan keliling Rabu–Kamis']);
    s.clock.set('2026-11-27T00:00:00.000+07:00');
    expect(await board()).toEqual([]);
  });

  it('announces active and coming closures on the board and the kiosk by themselves, with dates and reason', async () => {
    const closed = await admin.post('/api/offices/demo/closures').send({ from: '2026-12-03', to: '2026-12-04', service: 'B', reason: 'Pelatihan petugas', action: 'cancel' });
    expect(closed.status).toBe(201);
    await admin.post('/api/offices/demo/closures').send({ from: '2026-11-30', to: null, reason: 'Gangguan jaringan SIAK', action: 'cancel' }).expect(201);
    // Beyond two weeks: not yet announced.
    await admin.post('/api/offices/demo/closures').send({ from: '2027-01-20', to: '2027-01-20', reason: 'Libur daerah', action: 'cancel' }).expect(201);
    const expected = [
      'Kantor tutup mulai 30 November 2026 sampai pemberitahuan lebih lanjut: Gangguan jaringan SIAK',
      'Layanan Legalisir tutup 3–4 Desember 2026: Pelatihan petugas',
    ];
    expect(await board()).toEqual(expected);
    expect(await kiosk()).toEqual(expected);
    const english = (await s.store.boardState('demo', s.clock.now())).notices.map((n) => n.textEn);
    expect(english).toEqual([
      'The office is closed from 30 November 2026 until further notice: Gangguan jaringan SIAK',
      'Legalisation is closed 3–4 December 2026: Pelatihan petugas',
    ]);
    // The booking page has its own closures section, not a notice.
    expect(await bookingPage()).toEqual([]);
    expect((await request(s.app).get('/api/offices/demo')).body.closures).toHaveLength(3);
    // Once a closure has ended it is no longer announced.
    s.clock.set('2026-12-05T08:00:00.000+07:00');
    expect(await board()).toEqual([expected[0]]);
  });

  it('refuses a notice that ends before it starts or shows nowhere, and changes nothing', async () => {
    const backwards = await notice({ textId: 'Salah tanggal', startsOn: '2026-12-10', endsOn: '2026-12-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.endsOn).toBe('Tanggal akhir tidak boleh sebelum tanggal mulai.');
    expect((await notice({ textId: 'Tidak ke mana-mana', targets: [] })).status).toBe(400);
    expect((await notice({ textId: 'Tanggal aneh', startsOn: '2026-02-30' })).status).toBe(400);
    expect(await s.query('SELECT id FROM notices')).toEqual([]);
    const made = await notice({ textId: 'Jadwal baru', startsOn: '2026-12-01' });
    const moved = await admin.patch(`/api/offices/demo/notices/${made.body.id}`).send({ endsOn: '2026-11-30' });
    expect(moved.status).toBe(400);
    const kept = await admin.patch(`/api/offices/demo/notices/${made.body.id}`).send({ endsOn: '2026-12-02', targets: ['kiosk'] });
    expect(kept.status).toBe(200);
    const listed = (await admin.get('/api/offices/demo/admin').expect(200)).body.notices as { startsOn: string; endsOn: string; targets: string[] }[];
    expect(listed).toEqual([expect.objectContaining({ startsOn: '2026-12-01', endsOn: '2026-12-02', targets: ['kiosk'] })]);
  });
});
