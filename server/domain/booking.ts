/**
 * Booking a place (PRODUCT.md rules 1, 2, 7): the checks a booking request, its slot and its
 * holder pass, in the order their refusals are given. Pure: the store loads the facts, asks, and
 * takes the place by compare-and-set in the same transaction.
 *
 * The holder's other bookings (decideHolder) are asked apart, after the slot: they need the
 * NIK's hash and a read that most refused attempts of a booking burst never get to.
 */
import type { DateTime } from 'luxon';
import { blankoEmpty } from './blanko';
import { fail, invalid, type FieldProblem } from './errors';
import { checkUrgentDay } from './urgentCase';
import { bilingualText } from './messages';
import { checkNik } from './nik';
import { normalisePhone } from './phone';
import { closedReasonOn, slotBookability, slotFitsHours, type BookingRules, type DayFacts, type OpeningHours } from './slots';
import { todayIn } from './time';

/** The office settings the booking rules read. */
export type BookingOffice = {
  timezone: string;
  bookingCutoffMinutes: number;
  bookingHorizonDays: number;
  blankoStock: number;
  onePerServicePerDay: boolean;
  maxActiveBookingsPerNik: number;
  maxActiveBookingsPerPhone: number;
  /** Null while the office is a draft (not yet published to visitors); absent where it does not matter. */
  publishedAt?: number | null;
};
export type BookingService = { bookable: boolean; needsBlanko: boolean };
/**
 * `startAt`, when known from the stored slot, saves a zone conversion per attempt. `end`, when
 * given, lets the opening hours refuse a slot they no longer hold (hours changed after it was made).
 */
export type SlotFacts = { serviceId: number; date: string; start: string; end?: string; capacity: number; booked: number; startAt?: number };
/** A slot with the facts of its day (the closures covering it, the opening hours of its weekday). */
export type SlotOnDay = { slot: SlotFacts; day: DayFacts };
export type PersonInput = { nik: string; name: string; phone: string };
/** The holder as stored: the NIK as given, the phone in E.164, the name trimmed. */
export type Holder = { nik: string; name: string; phone: string };

export type BookingFacts = {
  office: BookingOffice;
  /** The active service named by the request; undefined when the office has none by that code. */
  service: BookingService | undefined;
  person: PersonInput;
  /** The slot named by the request; undefined when the service has no such slot. */
  target: SlotOnDay | undefined;
  now: DateTime;
  /** Staff book on a citizen's behalf (a draft office is theirs to try out). */
  byStaff?: boolean;
  /** Staff book an urgent case (domain/urgentCase): only a closed day takes it, which then does not refuse it. */
  urgent?: boolean;
};

/** What the holder already holds, this booking aside: active bookings (booked or checked in). */
export type HolderBookings = {
  /** One of them is for the same service on the slot's day. */
  sameServiceSameDay: boolean;
  /** How many of them are for today or later. */
  activeFromToday: number;
  /** How many active bookings of today or later the holder's phone number (normalised) holds in the office, whatever their NIK. */
  phoneActiveFromToday: number;
};

const rulesOf = (office: BookingOffice): BookingRules => ({ cutoffMinutes: office.bookingCutoffMinutes, horizonDays: office.bookingHorizonDays });

/** A well-formed NIK, a mobile number and a name, all refused together field by field. */
export const checkPerson = (input: PersonInput, today: string): Holder => {
  const fields: Record<string, FieldProblem> = {};
  const nik = checkNik(input.nik, today);
  if (!nik.ok) fields.nik = { key: nik.problem };
  const phone = normalisePhone(input.phone);
  if (!phone) fields.phone = { key: 'phone' };
  const name = input.name.trim();
  if (name.length < 2) fields.name = { key: 'too_short', params: { min: 2 } };
  if (Object.keys(fields).length) invalid(fields);
  return { nik: input.nik, phone: phone!, name };
};

/** Refusals that depend on the slot alone: its service closed that day, begun, beyond the horizon, past the cut-off, or full. */
export const decideSlot = (office: BookingOffice, { slot, day }: SlotOnDay, now: DateTime, urgent = false): void => {
  const reason = closedReasonOn(day.closures, day.hours, slot.serviceId, slot.date);
  if (urgent) checkUrgentDay(reason);
  else if (reason) fail('CLOSED', { reason });
  // A slot kept for its bookings after the hours changed around it takes nobody new.
  if (!urgent && !withinHours(slot, day.hours)) fail('SLOT_NOT_BOOKABLE');
  const state = slotBookability(slot, now, office.timezone, rulesOf(office));
  if (state === 'full') fail('SLOT_FULL');
  if (state !== 'ok') fail('SLOT_NOT_BOOKABLE');
};

/**
 * Everything a new booking's request and slot decide, in the order the refusals are given: an
 * unknown service, the person's fields, a service not booked online, no blanko, an unknown slot,
 * then the slot (decideSlot). Returns the holder to store.
 */
export const decideBooking = (facts: BookingFacts): Holder => {
  // A draft office (being set up, not published) takes no visitor's booking; staff may try it out.
  if (!facts.byStaff) checkPublished(facts.office);
  const service = facts.service ?? invalid({ service: { key: 'unknown_service' } });
  const holder = checkPerson(facts.person, todayIn(facts.office, facts.now));
  if (!service.bookable) fail('SERVICE_UNAVAILABLE');
  if (blankoEmpty(facts.office, service)) fail('BLANKO_EMPTY');
  decideSlot(facts.office, facts.target ?? fail('NOT_FOUND'), facts.now, facts.urgent);
  return holder;
};

/**
 * One NIK: one active booking per service per day (where the office says so), and at most its
 * limit of active bookings. One phone number: at most its own limit, whatever NIKs it books
 * with (a NIK has no check digit, so made-up NIKs would otherwise pass the per-NIK rules).
 */
export const decideHolder = (
  office: Pick<BookingOffice, 'onePerServicePerDay' | 'maxActiveBookingsPerNik' | 'maxActiveBookingsPerPhone'>,
  mine: HolderBookings,
): void => {
  if (office.onePerServicePerDay && mine.sameServiceSameDay) fail('DUPLICATE_BOOKING');
  if (mine.activeFromToday >= office.maxActiveBookingsPerNik) fail('BOOKING_LIMIT', { limit: office.maxActiveBookingsPerNik });
  if (mine.phoneActiveFromToday >= office.maxActiveBookingsPerPhone) fail('BOOKING_LIMIT', { limit: office.maxActiveBookingsPerPhone, variant: 'phone' });
};

/** A holder may move a booking only while it is booked (confirmed, not checked in, not cancelled). */
export const checkChangeable = (booking: { status: string }): void => {
  if (booking.status === 'pending') fail('BOOKING_NOT_CONFIRMED');
  if (booking.status === 'expired') fail('BOOKING_EXPIRED');
  if (booking.status !== 'booked') fail('INVALID_STATE', { status: booking.status });
};

/** A holder may cancel a booking while it holds a place and is not checked in: booked, or pending its confirmation. */
export const checkCancellable = (booking: { status: string }): void => {
  if (booking.status !== 'pending') checkChangeable(booking);
};

/** The reason stored on a booking its holder cancelled. */
export const holderCancelReason = (): string => bilingualText('cancelled_by_holder');

/**
 * Moving a booking to another slot of its service: the service must still take online bookings
 * (the rule behind availability's `bookable`), the slot must exist, and, unless it is the slot
 * already held, pass decideSlot. The holder's other bookings are asked next (decideHolder).
 */
export const decideMove = (
  office: BookingOffice,
  service: { bookable: boolean } | undefined,
  target: SlotOnDay | undefined,
  held: { slotId: number; targetSlotId: number },
  now: DateTime,
): 'unchanged' | 'move' => {
  if (!service?.bookable) fail('SERVICE_UNAVAILABLE');
  const found = target ?? fail('NOT_FOUND');
  if (held.targetSlotId === held.slotId) return 'unchanged';
  decideSlot(office, found, now);
  return 'move';
};

/** Whether a visitor could book this slot now: the availability calendar's `bookable`. `hours`: the office's week, when known. */
export const slotOpenForBooking = (
  office: BookingOffice,
  service: { bookable: boolean },
  slot: Omit<SlotFacts, 'serviceId'>,
  now: DateTime,
  hours?: readonly OpeningHours[],
): boolean => service.bookable && (!hours || withinHours(slot, hours)) && slotBookability(slot, now, office.timezone, rulesOf(office)) === 'ok';

/** A slot whose end is unknown is taken as made from the plan, which only makes slots inside the hours. */
const withinHours = (slot: { date: string; start: string; end?: string }, hours: readonly OpeningHours[]): boolean =>
  slot.end === undefined || slotFitsHours(hours, { date: slot.date, start: slot.start, end: slot.end });

/** Visitors see an office only once an admin has published it: a draft answers as if it did not exist. */
export const checkPublished = (office: { publishedAt?: number | null }): void => {
  if (office.publishedAt === null) fail('NOT_FOUND');
};
