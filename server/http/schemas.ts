/** The zod schemas of the public contract: requests parsed at the edge, responses for the OpenAPI document. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DATE_RE } from '../domain/time';

/**
 * A whole number as a path or query string carries it: decimal digits only, so '', '0x10', '1e3',
 * ' 7' and '-1' are refused rather than read as numbers.
 */
export const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d{1,12}$/, 'invalid').transform(Number).pipe(z.number().int().min(min).max(max));
/** An id in a path: 1 and up. */
export const idNumber = wholeNumber(1, Number.MAX_SAFE_INTEGER);

/** A local day 'YYYY-MM-DD' that the calendar has: 2026-02-30, 2026-13-01 and 0000-00-00 are refused. */
export const localDate = z
  .string()
  .regex(DATE_RE, 'date')
  .refine((value) => !value.startsWith('0000') && DateTime.fromISO(value, { zone: 'utc' }).isValid, 'date_invalid');

export const officeParams = z.object({ officeId: z.string().min(1).max(64) });
/** Whether an office's visitors receive messages: 'none' where NOTIFY_CHANNEL=log (they are only written to the server's log). */
export const messagesBy = z.enum(['whatsapp', 'none']);
/** GET /api/offices/{officeId}, documented in part (the whole shape: shared/types OfficeDetail). */
export const officeDetail = z.looseObject({ id: z.string(), name: z.string(), timezone: z.string(), messagesBy });
export const codeParams = z.object({ code: z.string().min(4).max(32) });
export const ticketParams = z.object({ ticketId: z.string().min(8).max(64) });
export const counterParams = z.object({ counterId: idNumber });

export const serviceCode = z.string().min(1).max(4);
export const nik4 = z.string().regex(/^\d{4}$/, 'invalid');

export const availabilityQuery = z.object({
  service: serviceCode,
  from: localDate.optional(),
  days: wholeNumber(1, 31).default(7),
});

/** A slot id in a body: a number, or (as integrators have sent it) its digits; never null, false, '' or '0x10'. */
const slotId = z.union([z.number().int().positive(), idNumber]);

export const bookingBody = z.object({
  service: serviceCode,
  slotId,
  nik: z.string().max(32).transform((s) => s.replace(/[\s.\-]/g, '')),
  name: z.string().max(100),
  phone: z.string().max(32),
});
/** The ALTCHA payload (base64) solving a challenge of GET /api/challenge; checked by the route (proof of work). */
const altcha = z.string().optional();
/** A visitor's own booking: the booking and its proof of work (staff book with `bookingBody`). */
/** `admission`: a waiting-room entry's token, needed while that day's room is active (API.md "Release and waiting room"). */
export const publicBookingBody = bookingBody.extend({ altcha, admission: z.string().max(200).optional() });
export const nik4Query = z.object({ nik4 });
export const cancelBody = z.object({ nik4 });
/** The confirmation code sent by WhatsApp: six digits. */
export const confirmBody = z.object({ nik4, otp: z.string().regex(/^\d{6}$/, 'invalid') });
export const rescheduleBody = z.object({ nik4, slotId, altcha });
export const challengeView = z.object({ algorithm: z.string(), challenge: z.string(), maxnumber: z.number().int().optional(), salt: z.string(), signature: z.string() });

export const priority = z.enum(['elderly', 'disabled', 'pregnant']);
export const walkInBody = z.object({ service: serviceCode, priority: priority.nullish() });
export const checkInBody = z.object({ code: z.string().trim().min(4).max(32) });

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export const transferBody = z.object({ service: serviceCode });
export const counterPatchBody = z.object({ status: z.enum(['open', 'paused', 'closed']) });
export const kioskBody = z.object({ name: z.string().trim().min(1).max(60) });
export const closureBody = z
  .object({
    from: localDate,
    to: localDate.nullish(),
    service: serviceCode.nullish(),
    reason: z.string().trim().min(3).max(300),
    action: z.enum(['cancel', 'move']).default('cancel'),
  });
export const reportQuery = z.object({ date: localDate, format: z.enum(['json', 'csv']).default('json') });

// Response shapes (documentation).
export const slotView = z.object({
  id: z.number(), start: z.string(), end: z.string(), capacity: z.number(), booked: z.number(), remaining: z.number(), bookable: z.boolean(),
  opensAt: z.string().optional(),
});
export const slotDay = z.object({ date: z.string(), closed: z.boolean(), reason: z.string().optional(), slots: z.array(slotView), opensAt: z.string().optional() });
export const publicTicket = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  serviceName: z.string(),
  status: z.enum(['waiting', 'called', 'serving', 'done', 'no_show']),
  position: z.number().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  counter: z.string().optional(),
  waitOutside: z.boolean(),
  issuedAt: z.string(),
  date: z.string(),
  priority: priority.nullable(),
  statusUrl: z.string(),
  /** A booking's ticket: its booked session (instants with the office's offset). */
  slot: z.object({ start: z.string(), end: z.string() }).optional(),
  suket: z.boolean().optional(),
  /** A completed ticket's satisfaction survey (SKM): 'open' to answer, 'answered', or 'closed' (past its window). */
  survey: z.enum(['open', 'answered', 'closed']).optional(),
});
export const bookingView = z.object({
  code: z.string(), office: z.string(), service: z.string(), serviceName: z.string(), date: z.string(), start: z.string(), end: z.string(),
  slotId: z.number(), status: z.enum(['pending', 'booked', 'checked_in', 'cancelled', 'expired']), statusUrl: z.string(), nikMasked: z.string(), phoneMasked: z.string(),
  cancelReason: z.string().optional(), ticketId: z.string().optional(), holdUntil: z.string().optional(),
  requirements: z.string().optional(), requirementsEn: z.string().optional(),
});
export const counterView = z.object({
  id: z.number(), name: z.string(), services: z.array(z.string()), status: z.enum(['open', 'paused', 'closed']),
  current: z.object({ id: z.string(), number: z.string(), service: z.string(), status: z.string() }).optional(),
});
