/**
 * First-start setup: the first admin (password from ADMIN_PASSWORD or generated and printed
 * once) and, unless SEED_DEMO=0, the demo office of API.md with a paired kiosk.
 */
import type { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { hashPassword } from './security/passwords';
import type { OfficeSetup, Store } from './store/store';

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

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const WEEKDAYS = [1, 2, 3, 4, 5];

/** The demo office of API.md: Monday–Friday 08:00–15:00, hourly slots, three counters, a notice, two WhatsApp numbers. */
const DEMO_OFFICE: OfficeSetup = {
  office: { id: 'demo', name: 'Disdukcapil Kota Demo', timezone: 'Asia/Jakarta', roomCapacity: 30, blankoStock: 50 },
  hours: WEEKDAYS.map((weekday) => ({ weekday, open: '08:00', close: '15:00' })),
  services: DEMO_SERVICES.map(({ capacity, ...fields }) => ({
    ...fields,
    bookable: true,
    walkIn: true,
    serviceGroup: '',
    blankoReserve: 0,
    templates: WEEKDAYS.flatMap((weekday) => [8, 9, 10, 11, 12, 13, 14].map((hour) => ({ weekday, start: hh(hour), end: hh(hour + 1), capacity }))),
  })),
  counters: [
    { name: '1', services: ['A', 'B'] },
    { name: '2', services: ['B', 'A'] },
    { name: '3', services: ['C', 'A'] },
  ],
  notices: [
    {
      textId: 'Wajib memakai masker dan menjaga jarak. Pengaduan dan konsultasi melalui WhatsApp.',
      textEn: 'Masks and distancing required. Complaints and questions via WhatsApp.',
    },
  ],
  contacts: [
    { label: 'Pendaftaran Penduduk (KK, KTP-el, pindah datang)', phone: '+6281200000001', serviceGroup: 'Pendaftaran Penduduk' },
    { label: 'Pencatatan Sipil (akta lahir, akta mati, akta kawin)', phone: '+6281200000002', serviceGroup: 'Pencatatan Sipil' },
  ],
  slotDays: 14,
};

export const seedIfEmpty = async (
  store: Store,
  options: { seedDemo: boolean; adminPassword: string | undefined },
  now: DateTime,
): Promise<SeedResult> => {
  const result: SeedResult = { seededDemo: false };
  if ((await store.countUsers()) === 0) {
    const password = options.adminPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    await store.createUser({ username: 'admin', displayName: 'Administrator', passwordHash, role: 'admin', officeId: null }, now);
    if (!options.adminPassword) result.adminPassword = password;
  }
  if (options.seedDemo && (await store.countOffices()) === 0) {
    await store.setUpOffice(DEMO_OFFICE, now);
    result.kioskToken = (await store.createKiosk('demo', 'Kiosk Lobi', null, now)).token;
    result.seededDemo = true;
  }
  return result;
};
