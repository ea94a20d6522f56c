/**
 * OKI's "wajib masker dan sarung tangan" where a visitor reads about the booking: the booking
 * answer, the WhatsApp confirmation and the reminder the day before. Both engines.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../server/jobs/templates';
import { person } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

const PPE = 'Wajib masker dan sarung tangan. Bawa bukti keperluan mendesak.';

describe.each(ENGINES)('requirements of a booked service on $name', ({ start }) => {
  let s: EngineServer;
  beforeEach(async () => (s = await start()));
  afterEach(() => s.stop());

  const bookTomorrow = async (service: string) => {
    const day = (await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=2026-11-25&days=1`)).body[0];
    return request(s.app).post('/api/offices/demo/bookings').send({ service, slotId: day.slots[0].id, ...person(7) });
  };
  const rendered = async (template: string) =>
    (await s.query<{ template: string; payload: string }>('SELECT template, payload FROM notifications WHERE template = ? ORDER BY id', template)).map((m) =>
      renderMessage(m.template, JSON.parse(m.payload)),
    );

  it('the booking answer, the WhatsApp confirmation and the reminder name them', async () => {
    const booked = await bookTomorrow('C');
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ requirements: PPE, requirementsEn: 'Mask and gloves required. Bring proof of urgency.' });
    const again = await request(s.app).get(`/api/bookings/${booked.body.code}?nik4=${person(7).nik.slice(-4)}`);
    expect(again.body.requirements).toBe(PPE);

    expect((await rendered('booked'))[0]).toContain(`Persyaratan: ${PPE} Tunjukkan kode ini`);
    // The reminders of Wednesday's bookings are queued on Tuesday from 09:00.
    expect(await s.store.enqueueReminders(s.clock.now(), 'log', '09:00')).toBe(1);
    expect((await rendered('reminder'))[0]).toContain(`Persyaratan: ${PPE} Jika berhalangan`);
  });
});
