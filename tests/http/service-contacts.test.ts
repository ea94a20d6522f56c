/**
 * OKI: one WhatsApp number for population registration, one for civil records. Each service
 * belongs to a contact group; the office detail and the kiosk name each service's number, and a
 * WhatsApp-only service answers SERVICE_UNAVAILABLE with that number as the next step. Both engines.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstBookableSlot, kioskAuth, person, signIn } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

const POPULATION = { label: 'Pendaftaran Penduduk (KK, KTP-el, pindah datang)', phone: '+6281200000001' };
const CIVIL = { label: 'Pencatatan Sipil (akta lahir, akta mati, akta kawin)', phone: '+6281200000002' };

describe.each(ENGINES)('services and their WhatsApp on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await start();
    admin = await signIn(s.app);
    expect((await admin.patch('/api/offices/demo/services/B').send({ serviceGroup: 'Pencatatan Sipil' })).status).toBe(200);
  });
  afterEach(() => s.stop());

  it('the office detail returns each service\'s group and its number (the office\'s first where the group has none)', async () => {
    const detail = (await request(s.app).get('/api/offices/demo')).body;
    const byCode = Object.fromEntries(detail.services.map((x: { code: string }) => [x.code, x]));
    expect(byCode.B).toMatchObject({ serviceGroup: 'Pencatatan Sipil', whatsapp: CIVIL });
    expect(byCode.A).toMatchObject({ serviceGroup: '', whatsapp: POPULATION });
    const kiosk = (await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken))).body;
    expect(kiosk.services.find((x: { code: string }) => x.code === 'B')).toMatchObject({ serviceGroup: 'Pencatatan Sipil', whatsapp: CIVIL });
  });

  it('a WhatsApp-only service refuses a booking and a walk-in with its number as the next step, in both languages', async () => {
    const slot = await firstBookableSlot(s.app, 'B');
    expect((await admin.patch('/api/offices/demo/services/B').send({ bookable: false, walkIn: false })).status).toBe(200);
    const booking = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...person(1) });
    expect(booking.status).toBe(409);
    expect(booking.body.error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: `Layanan ini hanya dilayani melalui WhatsApp: hubungi ${CIVIL.label} di ${CIVIL.phone}.`,
    });
    const english = await request(s.app).post('/api/offices/demo/bookings').set('Accept-Language', 'en').send({ service: 'B', slotId: slot.id, ...person(1) });
    expect(english.body.error.message).toBe(`This service is handled by WhatsApp only: write to ${CIVIL.label} at ${CIVIL.phone}.`);
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' });
    expect(walkIn.status).toBe(409);
    expect(walkIn.body.error.message).toContain(CIVIL.phone);
  });

  it('a service that is only booked online still says plainly that the kiosk cannot issue it', async () => {
    expect((await admin.patch('/api/offices/demo/services/B').send({ walkIn: false })).status).toBe(200);
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' });
    expect(walkIn.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'Layanan ini tidak tersedia untuk cara ini.' });
  });
});
