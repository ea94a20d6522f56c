/**
 * The satisfaction survey (SKM, PermenPANRB 14/2017) over HTTP on both engines: a completed
 * ticket's status offers it, once and anonymously, for 7 days; refusals are clear in Indonesian and
 * English and change nothing; a booked ticket's holder is invited once by WhatsApp (the outbox);
 * the admin report gives the IKM per service and over all, as JSON and CSV. Now is Tuesday
 * 2026-11-24 09:30 WIB (injected clock).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../server/jobs/templates';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, person, signIn } from '../support/factories';
import { OPEN_TUESDAY, startServer } from '../support/server';

const BASE = 'https://antrian.example.go.id';
const GOOD = [4, 4, 3, 3, 4, 3, 4, 3, 4];

describe.each(ENGINES)('the satisfaction survey on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    s = await start({ listen: false, config: { publicBaseUrl: BASE } });
    admin = await signIn(s.app);
  });
  afterAll(() => s.stop());

  const walkIn = async (service = 'A'): Promise<string> => {
    const res = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** Calls, starts and completes the ticket at the counter that serves its service first (1: A and B, 3: C). */
  const serve = async (id: string, counter = 1) => {
    const call = await admin.post(`/api/counters/${counter}/call-next`);
    expect(call.body.ticket?.id ?? call.body.id).toBe(id);
    expect((await admin.post(`/api/tickets/${id}/start`)).status).toBe(200);
    expect((await admin.post(`/api/tickets/${id}/complete`)).status).toBe(200);
  };
  const answer = (id: string, body: object, lang = 'id') => request(s.app).post(`/api/tickets/${id}/survey`).set('Accept-Language', lang).send(body);
  const stored = async () => s.query<Record<string, unknown>>('SELECT * FROM survey_responses ORDER BY answered_at, ticket_id');

  it('offers nothing before completion, refuses an answer then (409 SURVEY_NOT_OPEN, id/en), and an unknown ticket (404)', async () => {
    const id = await walkIn();
    const ticket = await request(s.app).get(`/api/tickets/${id}`);
    expect(ticket.body.status).toBe('waiting');
    expect(ticket.body.survey).toBeUndefined();
    const refused = await answer(id, { answers: GOOD });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'SURVEY_NOT_OPEN', message: 'Survei kepuasan dibuka setelah layanan untuk nomor ini selesai.' });
    expect((await answer(id, { answers: GOOD }, 'en')).body.error.message).toBe('The satisfaction survey opens once the service for this ticket is complete.');
    const unknown = await answer('TIDAKADA12345678', { answers: GOOD });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect(await stored()).toEqual([]);
    await serve(id);
  });

  it('once completed: open; malformed answers are 400 VALIDATION; one anonymous answer is kept (201); then answered, and a second is refused', async () => {
    const id = await walkIn('B');
    await serve(id);
    expect((await request(s.app).get(`/api/tickets/${id}`)).body).toMatchObject({ status: 'done', survey: 'open' });

    for (const body of [{}, { answers: GOOD.slice(0, 8) }, { answers: [...GOOD, 4] }, { answers: [5, ...GOOD.slice(1)] }, { answers: [0, ...GOOD.slice(1)] },
      { answers: [1.5, ...GOOD.slice(1)] }, { answers: ['4', ...GOOD.slice(1)] }, { answers: GOOD, comment: 'x'.repeat(501) }, { answers: GOOD, comment: 7 }]) {
      const res = await answer(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
    }
    expect(await stored()).toEqual([]);

    const ok = await answer(id, { answers: GOOD, comment: '  Petugas ramah. Hubungi saya di 0812-3456-7890 atau siti@example.co.id  ' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ ticketId: id, survey: 'answered', answeredAt: '2026-11-24T02:30:00.000Z' });
    const rows = await stored();
    expect(rows).toHaveLength(1);
    // Anonymous: the ticket id (once per ticket), the office, service and day, the scores, the cleaned comment. Nothing else.
    expect(Object.keys(rows[0]!).sort()).toEqual(['answered_at', 'comment', 'date', 'office_id', 'service_id', 'ticket_id', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(rows[0]).toMatchObject({ ticket_id: id, office_id: 'demo', date: '2026-11-24', u1: 4, u9: 4, comment: 'Petugas ramah. Hubungi saya di […] atau […]' });

    expect((await request(s.app).get(`/api/tickets/${id}`)).body.survey).toBe('answered');
    const again = await answer(id, { answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] }, 'en');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_ANSWERED', message: 'The survey for this ticket has already been answered. Thank you.' });
    expect(await stored()).toHaveLength(1);
  });

  it('two answers sent at once: one is kept, the other is ALREADY_ANSWERED', async () => {
    const id = await walkIn();
    await serve(id);
    const both = await Promise.all([answer(id, { answers: GOOD }), answer(id, { answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await s.query('SELECT ticket_id FROM survey_responses WHERE ticket_id = ?', id))).toHaveLength(1);
  });

  it('closes 7 days after completion (409 SURVEY_CLOSED); the status says closed', async () => {
    const id = await walkIn();
    await serve(id);
    try {
      s.clock.set('2026-12-01T09:30:00.000+07:00');
      expect((await request(s.app).get(`/api/tickets/${id}`)).body.survey).toBe('open');
      s.clock.set('2026-12-01T09:31:00.000+07:00');
      expect((await request(s.app).get(`/api/tickets/${id}`)).body.survey).toBe('closed');
      const late = await answer(id, { answers: GOOD });
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'SURVEY_CLOSED', message: 'Survei untuk nomor ini sudah ditutup: survei dapat diisi sampai 7 hari setelah layanan selesai.' });
    } finally {
      s.clock.set(OPEN_TUESDAY);
    }
  });

  it("invites a booked ticket's holder once by WhatsApp with the status page's link; a walk-in gets no message", async () => {
    const day = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-24&days=1')).body[0];
    const slot = day.slots.find((x: { start: string }) => x.start.includes('T11:00'));
    const holder = person(77);
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...holder });
    expect(booked.status).toBe(201);
    try {
      s.clock.set('2026-11-24T10:45:00.000+07:00');
      const checkedIn = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
      expect(checkedIn.status).toBe(201);
      const walkInId = await walkIn('C');
      await serve(checkedIn.body.id);
      await serve(walkInId, 3);
      const sent = await s.query<{ template: string; recipient: string; payload: string; dedupe_key: string }>(
        "SELECT template, recipient, payload, dedupe_key FROM notifications WHERE template = 'survey'",
      );
      expect(sent).toHaveLength(1);
      expect(sent[0]!.recipient).toBe('+6281234561077');
      expect(sent[0]!.dedupe_key).toBe(`survey:${checkedIn.body.id}`);
      const payload = JSON.parse(sent[0]!.payload) as Record<string, string>;
      expect(payload).toEqual({ number: checkedIn.body.number, office: expect.any(String), service: 'Pengambilan Dokumen', link: `${BASE}/t/${checkedIn.body.id}` });
      // No personal data in the payload (the phone is the recipient only).
      expect(sent[0]!.payload).not.toMatch(/Warga|0812|6281|3174/);
      expect(renderMessage('survey', payload)).toBe(
        `Terima kasih telah datang ke ${payload.office} (nomor antrean ${checkedIn.body.number}, Pengambilan Dokumen). Bantu kami memperbaiki pelayanan: ` +
          `isi Survei Kepuasan Masyarakat, 9 pertanyaan singkat tanpa nama, di ${BASE}/t/${checkedIn.body.id} dalam 7 hari.`,
      );
      expect((await request(s.app).get(`/api/tickets/${checkedIn.body.id}`)).body.survey).toBe('open');
    } finally {
      s.clock.set(OPEN_TUESDAY);
    }
  });

  it('reports the IKM per service and over all for a period, as JSON and CSV, to admins and supervisors only', async () => {
    await s.query('DELETE FROM survey_responses');
    // Four answers to service A (the worked example of tests/unit/skm.test.ts), one to B.
    const example = [[4, 4, 3, 3, 4, 3, 4, 3, 4], [3, 3, 3, 4, 3, 3, 3, 2, 3], [4, 3, 4, 4, 4, 4, 4, 3, 3], [2, 3, 3, 4, 3, 3, 3, 2, 3]];
    for (const [i, answers] of example.entries()) {
      const id = await walkIn('A');
      await serve(id);
      s.clock.set(`2026-11-24T${10 + i}:00:00.000+07:00`);
      expect((await answer(id, { answers, comment: i === 0 ? 'Antrean tertib' : '' })).status).toBe(201);
      s.clock.set(OPEN_TUESDAY);
    }
    const b = await walkIn('B');
    await serve(b);
    expect((await answer(b, { answers: Array(9).fill(4) })).status).toBe(201);

    const res = await admin.get('/api/offices/demo/reports/skm?from=2026-11-24&to=2026-11-24');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ office: 'demo', from: '2026-11-24', to: '2026-11-24' });
    const byService = Object.fromEntries(res.body.services.map((r: { service: string }) => [r.service, r]));
    expect(byService.A).toMatchObject({ responses: 4, nrr: [3.25, 3.25, 3.25, 3.75, 3.5, 3.25, 3.5, 2.5, 3.25], average: 3.2778, ikm: 81.94, grade: 'B', gradeText: { id: 'Baik', en: 'Good' } });
    expect(byService.B).toMatchObject({ responses: 1, ikm: 100, grade: 'A' });
    expect(byService.C).toMatchObject({ responses: 0, ikm: null, grade: null });
    // Over all: (118 + 36) / (9 × 5) = 3.4222… → 85.56, B.
    expect(res.body.total).toMatchObject({ responses: 5, average: 3.4222, ikm: 85.56, grade: 'B' });
    expect(res.body.comments).toEqual([{ date: '2026-11-24', service: 'A', text: 'Antrean tertib' }]);

    // Another period has no answers.
    expect((await admin.get('/api/offices/demo/reports/skm?from=2026-11-25&to=2026-11-30')).body.total).toMatchObject({ responses: 0, ikm: null });

    const csv = await admin.get('/api/offices/demo/reports/skm?from=2026-11-24&to=2026-11-24&format=csv&delimiter=semicolon');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="giliran-skm-demo-2026-11-24.csv"');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Dari \/ From;Sampai \/ To;.*;Responden \/ Responses;NRR U1 Persyaratan \/ Mean U1;/);
    expect(lines.find((l) => l.includes(';layanan;A;'))).toContain(';4;3,25;3,25;3,25;3,75;3,5;3,25;3,5;2,5;3,25;3,2778;81,94;B;Baik / Good');
    expect(lines.at(-1)).toContain(';total;;Semua layanan / All services;5;');

    // Bounded like the other range reports, and for admins and supervisors only.
    expect((await admin.get('/api/offices/demo/reports/skm?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    const tooLong = await admin.get('/api/offices/demo/reports/skm?from=2025-01-01&to=2026-11-24');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.to).toBe('Rentang terlalu panjang (maksimal 366 hari).');
    expect((await request(s.app).get('/api/offices/demo/reports/skm?from=2026-11-24')).status).toBe(401);
    const account = async (username: string, role: string) => {
      const made = await admin.post('/api/offices/demo/staff').send({ username, displayName: `Staf ${username}`, role });
      expect(made.status).toBe(201);
      return signIn(s.app, username, made.body.password as string);
    };
    expect((await (await account('pengawas', 'supervisor')).get('/api/offices/demo/reports/skm?from=2026-11-24')).status).toBe(200);
    expect((await (await account('petugas', 'counter')).get('/api/offices/demo/reports/skm?from=2026-11-24')).status).toBe(403);
  });
});

describe('the survey answer is a public write', () => {
  it('is rate-limited with the other public writes (429 RATE_LIMITED)', async () => {
    const s = await startServer({ listen: false, config: { publicWriteRateLimit: 2 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await request(s.app).post('/api/tickets/TIDAKADA12345678/survey').send({ answers: GOOD })).status);
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await s.stop();
    }
  });
});
