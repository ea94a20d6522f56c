/**
 * First-start setup: the first admin (password from ADMIN_PASSWORD or generated and printed
 * once) and, unless SEED_DEMO=0, the demo office of API.md with a paired kiosk.
 */
import { count } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import * as t from './db/schema';
import type { StoreCtx } from './store/context';
import { hashPassword } from './store/passwords';
import { createKiosk, createUser } from './store/staff';
import { ensureSlots, loadOffice, todayIn } from './store/offices';

export type SeedResult = { adminPassword?: string; kioskToken?: string; seededDemo: boolean };

const DEMO_SERVICES = [
  {
    code: 'A', nameId: 'Pengambilan Dokumen', nameEn: 'Document pickup', typicalMinutes: 5, walkInQuota: 100, capacity: 20, needsBlanko: false,
    requirementsId: 'Bawa tanda terima / bukti pengajuan. Wajib masker.', requirementsEn: 'Bring your receipt. Masks required.',
  },
  {
    code: 'B', nameId: 'Legalisir', nameEn: 'Legalisation', typicalMinutes: 8, walkInQuota: 60, capacity: 15, needsBlanko: false,
    requirementsId: 'Bawa dokumen asli dan fotokopi. Wajib masker.', requirementsEn: 'Bring the original and copies. Masks required.',
  },
  {
    code: 'C', nameId: 'Perekaman KTP-el Mendesak', nameEn: 'Urgent KTP-el recording', typicalMinutes: 15, walkInQuota: 20, capacity: 5, needsBlanko: true,
    requirementsId: 'Wajib masker dan sarung tangan. Bawa bukti keperluan mendesak.', requirementsEn: 'Mask and gloves required. Bring proof of urgency.',
  },
];

const seedDemoOffice = (ctx: StoreCtx, now: DateTime): void => {
  const officeId = 'demo';
  ctx.db.insert(t.offices).values({
    id: officeId, name: 'Disdukcapil Kota Demo', timezone: 'Asia/Jakarta', roomCapacity: 30, blankoStock: 50, createdAt: now.toMillis(),
  }).run();
  for (let weekday = 1; weekday <= 5; weekday++) {
    ctx.db.insert(t.openingHours).values({ officeId, weekday, open: '08:00', close: '15:00' }).run();
  }
  const serviceIds: number[] = [];
  DEMO_SERVICES.forEach((s, position) => {
    const { capacity, ...fields } = s;
    const service = ctx.db.insert(t.services).values({ officeId, position, ...fields }).returning().get();
    serviceIds.push(service.id);
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (let hour = 8; hour < 15; hour++) {
        const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
        ctx.db.insert(t.slotTemplates).values({ officeId, serviceId: service.id, weekday, start: hh(hour), end: hh(hour + 1), capacity }).run();
      }
    }
  });
  const [a, b, c] = serviceIds as [number, number, number];
  const counterServices: [string, number[]][] = [['1', [a, b]], ['2', [b, a]], ['3', [c, a]]];
  for (const [name, ids] of counterServices) {
    const counter = ctx.db.insert(t.counters).values({ officeId, name, status: 'open' }).returning().get();
    ids.forEach((serviceId, position) => ctx.db.insert(t.counterServices).values({ counterId: counter.id, serviceId, position }).run());
  }
  ctx.db.insert(t.notices).values({
    officeId,
    textId: 'Wajib memakai masker dan menjaga jarak. Pengaduan dan konsultasi melalui WhatsApp.',
    textEn: 'Masks and distancing required. Complaints and questions via WhatsApp.',
    createdAt: now.toMillis(),
  }).run();
  ctx.db.insert(t.whatsappContacts).values([
    { officeId, label: 'Pendaftaran Penduduk (KK, KTP-el, pindah datang)', phone: '+6281200000001', serviceGroup: 'Pendaftaran Penduduk' },
    { officeId, label: 'Pencatatan Sipil (akta lahir, akta mati, akta kawin)', phone: '+6281200000002', serviceGroup: 'Pencatatan Sipil' },
  ]).run();
  ensureSlots(ctx, loadOffice(ctx, officeId), serviceIds, todayIn(loadOffice(ctx, officeId), now), 14);
};

export const seedIfEmpty = async (
  ctx: StoreCtx,
  options: { seedDemo: boolean; adminPassword: string | undefined },
  now: DateTime,
): Promise<SeedResult> => {
  const result: SeedResult = { seededDemo: false };
  const [users] = ctx.db.select({ n: count() }).from(t.users).all();
  if ((users?.n ?? 0) === 0) {
    const password = options.adminPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    createUser(ctx, { username: 'admin', displayName: 'Administrator', passwordHash, role: 'admin', officeId: null }, now);
    if (!options.adminPassword) result.adminPassword = password;
  }
  const [offices] = ctx.db.select({ n: count() }).from(t.offices).all();
  if (options.seedDemo && (offices?.n ?? 0) === 0) {
    ctx.sqlite.transaction(() => seedDemoOffice(ctx, now)).immediate();
    result.kioskToken = createKiosk(ctx, 'demo', 'Kiosk Lobi', null, now).token;
    result.seededDemo = true;
  }
  return result;
};
