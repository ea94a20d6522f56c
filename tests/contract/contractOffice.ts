/**
 * The office every contract test starts from, set up through the `Store` interface only, and
 * the people who book there. Plain data: any engine gets exactly the same office.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../../server/domain/errors';
import type { Actor } from '../../server/store/records';
import type { BookInput, OfficeSetup, Store } from '../../server/store/store';
import type { OfficeSettings, TemplateSlot } from '../../shared/staffTypes';
import type { SlotView } from '../../shared/types';

export const OFFICE = 'kota';
export const WIB = 'Asia/Jakarta';
export const WITA = 'Asia/Makassar';

/** A local time in the office's zone: `at('2026-11-24T09:30')` is Tuesday 09:30 WIB. */
export const at = (local: string, zone = WIB): DateTime => DateTime.fromISO(local, { zone });

/** Tuesday 24 November 2026, 09:30 WIB: the office is open. */
export const TUESDAY_0930 = at('2026-11-24T09:30');
export const TUESDAY = '2026-11-24';
export const WEDNESDAY = '2026-11-25';
export const THURSDAY = '2026-11-26';
export const FRIDAY = '2026-11-27';

/** The rules the tests rely on, set explicitly rather than taken from an engine's defaults. */
export const SETTINGS: OfficeSettings = {
  name: 'Disdukcapil Kota Uji',
  roomCapacity: null,
  bookingHorizonDays: 14,
  bookingCutoffMinutes: 30,
  checkInEarlyMinutes: 30,
  maxActiveBookingsPerNik: 3,
  // As high as the per-NIK limit, so that the per-NIK tests (one person, one phone) meet that one; the per-phone tests set their own.
  maxActiveBookingsPerPhone: 3,
  onePerServicePerDay: true,
  walkInEvery: 2,
  recallLimit: 2,
  issueEarlyMinutes: 0,
  boardVoice: 'auto',
  releaseTime: null,
  releaseDaysAhead: 7,
  waitingRoomMinutes: 15,
  admissionMinutes: 10,
};

/** Hourly slots 08:00–15:00, Monday to Friday. */
const hourlySlots = (capacity: number): TemplateSlot[] =>
  [1, 2, 3, 4, 5].flatMap((weekday) =>
    [8, 9, 10, 11, 12, 13, 14].map((hour) => ({
      weekday,
      start: `${String(hour).padStart(2, '0')}:00`,
      end: `${String(hour + 1).padStart(2, '0')}:00`,
      capacity,
    })),
  );

const service = (code: string, nameId: string, nameEn: string, capacity: number, bookable = true): OfficeSetup['services'][number] => ({
  code,
  nameId,
  nameEn,
  requirementsId: 'Wajib masker.',
  requirementsEn: 'Masks required.',
  bookable,
  walkIn: true,
  typicalMinutes: 10,
  walkInQuota: null,
  needsBlanko: false,
  serviceGroup: 'Pendaftaran Penduduk',
  blankoReserve: 0,
  templates: bookable ? hourlySlots(capacity) : [],
});

/**
 * Three services: A and B with 3 places an hour, C with 20 (the two-process test fills one).
 * Counter 1 serves A then B, counter 2 B then A, counter 3 C only.
 */
export const officeSetup = (office: { id?: string; timezone?: string; hours?: OfficeSetup['hours'] } = {}): OfficeSetup => ({
  office: { id: office.id ?? OFFICE, name: SETTINGS.name, timezone: office.timezone ?? WIB, roomCapacity: null, blankoStock: 10 },
  hours: office.hours ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })),
  services: [
    service('A', 'Pengambilan Dokumen', 'Document pickup', 3),
    service('B', 'Legalisir', 'Legalisation', 3),
    service('C', 'Perekaman KTP-el Mendesak', 'Urgent KTP-el recording', 20),
  ],
  counters: [
    { name: '1', services: ['A', 'B'] },
    { name: '2', services: ['B', 'A'] },
    { name: '3', services: ['C'] },
  ],
  notices: [{ textId: 'Wajib memakai masker.', textEn: 'Masks required.' }],
  contacts: [{ label: 'Pencatatan Sipil', phone: '+6281200000002', serviceGroup: 'Pencatatan Sipil' }],
  slotDays: 14,
});

/** Sets up an office and the deployment's first admin; returns the admin as an actor. */
export const setUpOffice = async (
  store: Store,
  now: DateTime,
  options: { setup?: OfficeSetup; settings?: Partial<OfficeSettings> } = {},
): Promise<Actor> => {
  const setup = options.setup ?? officeSetup();
  await store.setUpOffice(setup, now);
  const admin =
    (await store.findUserByUsername('admin')) ??
    (await store.createUser({ username: 'admin', displayName: 'Administrator', passwordHash: 'not-used-by-the-store', role: 'admin', officeId: null }, now));
  const actor: Actor = { userId: admin.id, role: 'admin', officeId: null };
  await store.updateOffice(setup.office.id, { ...SETTINGS, ...options.settings }, actor, now);
  return actor;
};

/**
 * A structurally valid NIK, distinct for each n below 979,902 (98 districts × 9,999 serials):
 * Jakarta Selatan (31 74), district from n, born 17-08-1990 (women add 40 to the day), serial from n.
 */
export const nik = (n: number, female = false): string =>
  `3174${String((Math.floor(n / 9999) % 98) + 1).padStart(2, '0')}${female ? '57' : '17'}0890${String((n % 9999) + 1).padStart(4, '0')}`;

/** A citizen with a valid NIK and phone, distinct for each n. */
export const citizen = (n: number) => ({ nik: nik(n), name: `Warga ${n}`, phone: `0812${String(n).padStart(8, '0')}` });

export const nik4 = (n: number) => nik(n).slice(-4);

/** 'OK', or the code of the DomainError the operation refused with; anything else is a failure. */
export const outcome = async (operation: () => Promise<unknown>): Promise<string> => {
  try {
    await operation();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

/** The DomainError an operation refused with (the test fails if it succeeds or throws anything else). */
export const refusal = async (operation: () => Promise<unknown>): Promise<DomainError> => {
  try {
    await operation();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal, but the operation succeeded');
};

export type FoundSlot = SlotView & { date: string };

/** The slot of a service starting at `start` ('HH:mm', office time) on a date, as availability shows it. */
export const slotAt = async (store: Store, now: DateTime, service: string, date: string, start: string, officeId = OFFICE): Promise<FoundSlot> => {
  const [day] = await store.availability(officeId, service, date, 1, now);
  const office = (await store.listOffices()).find((o) => o.id === officeId)!;
  const slot = day?.slots.find((s) => DateTime.fromISO(s.start, { zone: office.timezone }).toFormat('HH:mm') === start);
  if (!slot) throw new Error(`no ${service} slot at ${date} ${start}: ${JSON.stringify(day)}`);
  return { ...slot, date };
};

/** The booking request of citizen n for a slot. */
export const bookingOf = (n: number, service: string, slotId: number): BookInput => ({ service, slotId, ...citizen(n) });

/** A counter's id by its name. */
export const counterId = async (store: Store, now: DateTime, name: string, officeId = OFFICE): Promise<number> => {
  const counter = (await store.listCounters(officeId, now)).find((c) => c.name === name);
  if (!counter) throw new Error(`no counter ${name}`);
  return counter.id;
};
