/** Request schemas of the admin API, parsed at the edge. */
import { z } from 'zod';
import { TIME_RE } from '../../domain/time';
import { MIN_PASSWORD_LENGTH } from '../../security/passwordStrength';
import { idNumber, localDate, officeParams, wholeNumber } from '../schemas';

export const time = z.string().regex(TIME_RE, 'time');
const text = (max: number) => z.string().trim().max(max);
/** A number in a body is a JSON number: null, false, '', [] and '0x10' are the wrong type, not 0 or 16. */
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const count = (max: number) => int(0, max);
/** A PATCH changes at least one thing: an empty one is refused, not sent to the store as nothing to set. */
const patch = <S extends z.ZodRawShape>(shape: S) =>
  z.object(shape).partial().refine((body) => Object.values(body).some((value) => value !== undefined), 'nothing_to_change');

export const letter = z.string().regex(/^[A-Z]$/, 'letter');
export const serviceParams = officeParams.extend({ code: letter });
export const overrideParams = serviceParams.extend({ date: localDate });
export const idParams = officeParams.extend({ id: idNumber });

export const officeCreateBody = z.object({
  id: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'slug').min(2),
  name: text(120).min(3),
  timezone: z.string().min(3).max(64),
});

export const officeSettingsBody = patch({
  name: text(120).min(3),
  roomCapacity: int(1, 10_000).nullable(),
  bookingHorizonDays: int(1, 90),
  bookingCutoffMinutes: count(24 * 60),
  checkInEarlyMinutes: count(240),
  maxActiveBookingsPerNik: int(1, 20),
  maxActiveBookingsPerPhone: int(1, 20),
  onePerServicePerDay: z.boolean(),
  walkInEvery: int(1, 20),
  recallLimit: count(10),
  issueEarlyMinutes: count(240),
  boardVoice: z.enum(['auto', 'clips', 'browser']),
  releaseTime: time.nullable(),
  releaseDaysAhead: int(1, 90),
  waitingRoomMinutes: int(1, 120),
  admissionMinutes: int(1, 60),
});

export const hoursBody = z.object({
  // One row per opening interval: up to three a day (e.g. morning, after lunch, evening).
  hours: z.array(z.object({ weekday: z.number().int().min(1).max(7), open: time, close: time })).max(21),
});

export const blankoSetBody = z.object({ stock: count(1_000_000) });
export const blankoAddBody = z.object({ add: int(-1_000_000, 1_000_000) });

const serviceFields = {
  nameId: text(120).min(2),
  nameEn: text(120).default(''),
  requirementsId: text(1000).default(''),
  requirementsEn: text(1000).default(''),
  bookable: z.boolean().default(true),
  walkIn: z.boolean().default(true),
  typicalMinutes: int(1, 480).default(10),
  walkInQuota: count(100_000).nullable().default(null),
  needsBlanko: z.boolean().default(false),
  serviceGroup: text(80).default(''),
  blankoReserve: count(1_000_000).default(0),
};
export const serviceCreateBody = z.object({ code: letter, ...serviceFields });
export const servicePatchBody = patch({
  code: letter,
  nameId: serviceFields.nameId,
  nameEn: text(120),
  requirementsId: text(1000),
  requirementsEn: text(1000),
  bookable: z.boolean(),
  walkIn: z.boolean(),
  typicalMinutes: int(1, 480),
  walkInQuota: count(100_000).nullable(),
  needsBlanko: z.boolean(),
  serviceGroup: text(80),
  blankoReserve: count(1_000_000),
});
export const serviceOrderBody = z.object({ codes: z.array(letter).max(26) });

const slot = { start: time, end: time, capacity: int(1, 10_000) };
export const templatesBody = z.object({ slots: z.array(z.object({ weekday: z.number().int().min(1).max(7), ...slot })).max(7 * 48) });
export const overrideBody = z.object({ slots: z.array(z.object(slot)).max(48) });

export const counterBody = z.object({ name: text(40).min(1), services: z.array(letter).max(26).default([]) });
export const counterPatchBody = patch({ name: text(40).min(1), services: z.array(letter).max(26) });

/** `assistant`: a kelurahan helper who books on citizens' behalf and nothing else. */
export const role = z.enum(['admin', 'supervisor', 'counter', 'assistant']);
/** The account's own WhatsApp number (an assistant's); '' or null removes it (domain/staffAccounts checkContactPhone). */
const contactPhone = z.string().max(32).nullable();
export const staffCreateBody = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, 'invalid'),
  displayName: text(80).min(2),
  role,
  contactPhone: contactPhone.optional(),
});
export const staffPatchBody = patch({ displayName: text(80).min(2), role, disabled: z.boolean(), contactPhone });
export const ownPasswordBody = z.object({ current: z.string().min(1).max(200), next: z.string().min(MIN_PASSWORD_LENGTH).max(200) });

/** Where a notice shows: the lobby board, the booking page, the kiosk (domain/notices). */
const noticeTargets = z.array(z.enum(['board', 'booking', 'kiosk'])).min(1).max(3);
export const noticeBody = z.object({
  textId: text(500).min(3), textEn: text(500).default(''), active: z.boolean().default(true),
  startsOn: localDate.nullable().default(null), endsOn: localDate.nullable().default(null), targets: noticeTargets.default(['board', 'booking', 'kiosk']),
});
export const noticePatchBody = patch({
  textId: text(500).min(3), textEn: text(500), active: z.boolean(), startsOn: localDate.nullable(), endsOn: localDate.nullable(), targets: noticeTargets,
});
export const contactBody = z.object({ label: text(120).min(2), phone: z.string().max(32), serviceGroup: text(80).default('') });
export const contactPatchBody = patch({ label: text(120).min(2), phone: z.string().max(32), serviceGroup: text(80) });

export const endClosureBody = z.object({ to: localDate });
export const urgentOnlyBody = z.object({
  open: z.array(letter).min(1).max(26),
  reason: text(300).min(3),
  from: localDate.optional(),
  action: z.enum(['cancel', 'move']).default('cancel'),
});
export const urgentOnlyEndQuery = z.object({ from: localDate.optional() });

export const rangeQuery = z.object({
  from: localDate,
  to: localDate.optional(),
  format: z.enum(['json', 'csv']).default('json'),
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
});
export const auditQuery = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  limit: wholeNumber(1, 500).default(100),
  offset: wholeNumber(0, 100_000).default(0),
  kind: z.enum(['all', 'admin', 'tickets']).default('all'),
});
