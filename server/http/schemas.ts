/** The zod schemas of the public contract: requests parsed at the edge, responses for the OpenAPI document. */
import { z } from 'zod';
import { DATE_RE } from '../domain/time';

export const officeParams = z.object({ officeId: z.string().min(1).max(64) });
export const codeParams = z.object({ code: z.string().min(4).max(32) });
export const ticketParams = z.object({ ticketId: z.string().min(8).max(64) });
export const counterParams = z.object({ counterId: z.coerce.number().int().positive() });

export const date = z.string().regex(DATE_RE, 'date');
export const serviceCode = z.string().min(1).max(4);
export const nik4 = z.string().regex(/^\d{4}$/, 'invalid');

export const availabilityQuery = z.object({
  service: serviceCode,
  from: date.optional(),
  days: z.coerce.number().int().min(1).max(31).default(7),
});

export const bookingBody = z.object({
  service: serviceCode,
  slotId: z.coerce.number().int().positive(),
  nik: z.string().max(32).transform((s) => s.replace(/[\s.\-]/g, '')),
  name: z.string().max(100),
  phone: z.string().max(32),
});
export const nik4Query = z.object({ nik4 });
export const cancelBody = z.object({ nik4 });
export const rescheduleBody = z.object({ nik4, slotId: z.coerce.number().int().positive() });

export const priority = z.enum(['elderly', 'disabled', 'pregnant']);
export const walkInBody = z.object({ service: serviceCode, priority: priority.nullish() });
export const checkInBody = z.object({ code: z.string().trim().min(4).max(32) });

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export const transferBody = z.object({ service: serviceCode });
export const counterPatchBody = z.object({ status: z.enum(['open', 'paused', 'closed']) });
export const kioskBody = z.object({ name: z.string().trim().min(1).max(60) });
export const closureBody = z
  .object({
    from: date,
    to: date.nullish(),
    service: serviceCode.nullish(),
    reason: z.string().trim().min(3).max(300),
    action: z.enum(['cancel', 'move']).default('cancel'),
  });
export const reportQuery = z.object({ date, format: z.enum(['json', 'csv']).default('json') });

// Response shapes (documentation).
export const slotView = z.object({
  id: z.number(), start: z.string(), end: z.string(), capacity: z.number(), booked: z.number(), remaining: z.number(), bookable: z.boolean(),
});
export const slotDay = z.object({ date: z.string(), closed: z.boolean(), reason: z.string().optional(), slots: z.array(slotView) });
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
});
export const bookingView = z.object({
  code: z.string(), office: z.string(), service: z.string(), serviceName: z.string(), date: z.string(), start: z.string(), end: z.string(),
  slotId: z.number(), status: z.enum(['booked', 'checked_in', 'cancelled']), statusUrl: z.string(), nikMasked: z.string(), phoneMasked: z.string(),
  cancelReason: z.string().optional(), ticketId: z.string().optional(),
});
export const counterView = z.object({
  id: z.number(), name: z.string(), services: z.array(z.string()), status: z.enum(['open', 'paused', 'closed']),
  current: z.object({ id: z.string(), number: z.string(), service: z.string(), status: z.string() }).optional(),
});
