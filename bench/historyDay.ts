/**
 * One working day of a busy office's past, as plain rows: the day's slots, its bookings (some
 * cancelled, some never checked in), its tickets (checked-in bookings and walk-ins) with every
 * step in ticket_events (issued, called, recalled, started, completed, no-show; a few left
 * waiting at closing time) and the outbox's messages. Pure and deterministic: a seeded PRNG in,
 * rows out. Times are office-local minutes after midnight, turned into instants at the end.
 * Rows point at each other by index (slotIndex, bookingIndex); the writer maps them to ids.
 */
import { maskPhone } from '../shared/phone';

/** mulberry32: small, fast and good enough to make a plausible day; the same seed gives the same day. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
type Rng = ReturnType<typeof prng>;

/** What a day is made of, read once from the seeded database. */
export type OfficeShape = {
  officeName: string;
  /** The office's UTC offset in minutes (Asia/Jakarta: +420, no daylight saving). */
  offsetMinutes: number;
  open: number;
  close: number;
  services: { id: number; code: string; name: string; typicalMinutes: number; walkInShare: number }[];
  /** The slot templates of the day's weekday. */
  templates: { serviceId: number; start: string; end: string; capacity: number }[];
  counters: { id: number; serviceIds: number[] }[];
  /** The staff member whose steps the events record. */
  userId: number;
};

export type DayInput = {
  date: string;
  midnightMs: number;
  /** Personal data of this day's bookings was erased by the retention job at this instant (null: still kept). */
  erasedAtMs: number | null;
  tickets: number;
  bookings: number;
  seed: number;
};

export type SlotRow = { service_id: number; date: string; start: string; end: string; start_at: number; end_at: number; capacity: number; booked: number };
export type BookingRow = {
  slotIndex: number; code: string; service_id: number; date: string; nik_hash: string | null; nik_last4: string | null; name: string | null;
  phone: string | null; status: 'booked' | 'checked_in' | 'cancelled'; cancel_reason: string | null; created_at: number; cancelled_at: number | null;
  checked_in_at: number | null; erased_at: number | null;
};
export type TicketRow = {
  id: string; date: string; sequence: number; number: string; service_id: number; source: 'walkin' | 'booking'; bookingIndex: number | null;
  slot_start_at: number | null; priority: string | null; status: 'waiting' | 'done' | 'no_show'; counter_id: number | null; recall_count: number;
  issued_at: number; called_at: number | null; last_called_at: number | null; started_at: number | null; completed_at: number | null; no_show_at: number | null;
};
export type EventRow = { ticket_id: string; type: string; at: number; counter_id: number | null; user_id: number | null; service_id: number };
export type NotificationRow = {
  bookingIndex: number; recipient: string; template: 'booked' | 'cancelled' | 'reminder'; payload: string; created_at: number; sent_at: number;
};
export type Day = { slots: SlotRow[]; bookings: BookingRow[]; tickets: TicketRow[]; events: EventRow[]; notifications: NotificationRow[] };

const DAY_MS = 86_400_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PRIORITIES = ['elderly', 'disabled', 'pregnant'];

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const chars = (rng: Rng, alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const pickWeighted = <T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T => {
  let r = rng() * items.reduce((sum, i) => sum + weight(i), 0);
  for (const item of items) if ((r -= weight(item)) < 0) return item;
  return items[items.length - 1]!;
};

export const generateDay = (shape: OfficeShape, day: DayInput): Day => {
  const rng = prng(day.seed);
  const at = (minute: number) => day.midnightMs + Math.round(minute * 60_000);
  const iso = (minute: number) => {
    const local = new Date(at(minute) + shape.offsetMinutes * 60_000).toISOString().slice(0, 19);
    const sign = shape.offsetMinutes >= 0 ? '+' : '-';
    const off = Math.abs(shape.offsetMinutes);
    return `${local}${sign}${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`;
  };
  const serviceById = new Map(shape.services.map((s) => [s.id, s]));

  // Slots, filled by bookings that each pick a slot of their service with room left.
  const slots = shape.templates.map((t) => ({ ...t, startMin: minutesOf(t.start), active: 0 }));
  const capacityOf = (serviceId: number) => slots.filter((s) => s.serviceId === serviceId).reduce((sum, s) => sum + s.capacity, 0);
  const bookable = shape.services.filter((s) => capacityOf(s.id) > 0);
  const bookings: BookingRow[] = [];
  /** Each booking's number as the outbox keeps it: masked once the retention job has erased the booking. */
  const recipients: string[] = [];
  for (let i = 0; i < day.bookings && bookable.length > 0; i++) {
    const service = pickWeighted(rng, bookable, (s) => capacityOf(s.id));
    const withRoom = slots.filter((s) => s.serviceId === service.id && s.active < s.capacity);
    const slot = withRoom.length ? pick(rng, withRoom) : pick(rng, slots.filter((s) => s.serviceId === service.id));
    const cancelled = withRoom.length === 0 || rng() < 0.08;
    if (!cancelled) slot.active++;
    const status = cancelled ? 'cancelled' : rng() < 0.88 ? 'checked_in' : 'booked';
    const slotStartMs = at(slot.startMin);
    const createdAt = slotStartMs - Math.round((1 + rng() * 13) * DAY_MS);
    const phone = `+62812${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`;
    const erased = day.erasedAtMs !== null;
    recipients.push(erased ? maskPhone(phone) : phone);
    bookings.push({
      slotIndex: slots.indexOf(slot),
      code: chars(rng, CODE_ALPHABET, 8),
      service_id: service.id,
      date: day.date,
      nik_hash: erased ? null : chars(rng, '0123456789abcdef', 64),
      nik_last4: erased ? null : String(Math.floor(rng() * 1e4)).padStart(4, '0'),
      name: erased ? null : `Warga ${day.date} ${i + 1}`,
      phone: erased ? null : phone,
      status,
      cancel_reason: cancelled ? 'holder' : null,
      created_at: createdAt,
      cancelled_at: cancelled ? createdAt + Math.round(rng() * (slotStartMs - createdAt)) : null,
      // Check-in opens 30 minutes before the slot; nobody checks in outside opening hours.
      checked_in_at: status === 'checked_in' ? at(Math.min(shape.close - 10, Math.max(shape.open, slot.startMin - 25 + rng() * 35))) : null,
      erased_at: day.erasedAtMs,
    });
  }

  // The day's tickets: every checked-in booking, then walk-ins up to the day's total, most of them in the morning.
  type Draft = { serviceId: number; issuedMin: number; source: 'walkin' | 'booking'; bookingIndex: number | null; slotStartAt: number | null; priority: string | null };
  const drafts: Draft[] = bookings.flatMap((b, i) =>
    b.status === 'checked_in'
      ? [{ serviceId: b.service_id, issuedMin: (b.checked_in_at! - day.midnightMs) / 60_000, source: 'booking' as const, bookingIndex: i, slotStartAt: at(slots[b.slotIndex]!.startMin), priority: null }]
      : [],
  );
  const lastArrival = shape.close - 30;
  const walkInServices = shape.services.filter((s) => s.walkInShare > 0);
  while (drafts.length < day.tickets && walkInServices.length > 0) {
    drafts.push({
      serviceId: pickWeighted(rng, walkInServices, (s) => s.walkInShare).id,
      issuedMin: shape.open + (lastArrival - shape.open) * rng() ** 1.4,
      source: 'walkin',
      bookingIndex: null,
      slotStartAt: null,
      priority: rng() < 0.04 ? pick(rng, PRIORITIES) : null,
    });
  }
  drafts.sort((a, b) => a.issuedMin - b.issuedMin);

  const sequences = new Map<number, number>();
  const tickets: TicketRow[] = [];
  const events: EventRow[] = [];
  for (const d of drafts) {
    const service = serviceById.get(d.serviceId)!;
    const sequence = (sequences.get(d.serviceId) ?? 0) + 1;
    sequences.set(d.serviceId, sequence);
    const id = chars(rng, ID_ALPHABET, 16);
    const counterId = pick(rng, shape.counters.filter((c) => c.serviceIds.includes(d.serviceId))).id;
    const event = (type: string, minute: number, withCounter = true) =>
      events.push({ ticket_id: id, type, at: at(minute), counter_id: withCounter ? counterId : null, user_id: withCounter ? shape.userId : null, service_id: d.serviceId });
    event('issued', d.issuedMin, false);
    const ticket: TicketRow = {
      id, date: day.date, sequence, number: `${service.code}${String(sequence).padStart(3, '0')}`, service_id: d.serviceId, source: d.source,
      bookingIndex: d.bookingIndex, slot_start_at: d.slotStartAt, priority: d.priority, status: 'waiting', counter_id: null, recall_count: 0,
      issued_at: at(d.issuedMin), called_at: null, last_called_at: null, started_at: null, completed_at: null, no_show_at: null,
    };
    tickets.push(ticket);
    const outcome = rng();
    if (outcome < 0.005) continue; // still waiting when the office closed
    const noShow = outcome < 0.055;
    const recalls = noShow ? 1 + Math.floor(rng() * 3) : rng() < 0.08 ? 1 : 0;
    let wait = (1 + rng() * 45) * (d.priority ? 0.3 : 1);
    let duration = Math.max(1, service.typicalMinutes * (0.5 + rng() * 1.5));
    const startDelay = 0.3 + rng() * 1.5;
    const tail = recalls * 2 + (noShow ? 2 : startDelay + duration);
    // Everything happens within opening hours: a late ticket waits less, then is served faster.
    const overflow = d.issuedMin + wait + tail - shape.close;
    if (overflow > 0) {
      const shorter = Math.min(overflow, wait - 0.5);
      wait -= shorter;
      if (!noShow) duration = Math.max(1, duration - (overflow - shorter));
    }
    const calledMin = d.issuedMin + wait;
    event('called', calledMin);
    for (let r = 1; r <= recalls; r++) event('recalled', calledMin + r * 2);
    const lastCalledMin = calledMin + recalls * 2;
    Object.assign(ticket, { counter_id: counterId, recall_count: recalls, called_at: at(calledMin), last_called_at: at(lastCalledMin) });
    if (noShow) {
      event('no_show', lastCalledMin + 2);
      Object.assign(ticket, { status: 'no_show', no_show_at: at(lastCalledMin + 2) });
    } else {
      event('started', lastCalledMin + startDelay);
      event('completed', lastCalledMin + startDelay + duration);
      Object.assign(ticket, { status: 'done', started_at: at(lastCalledMin + startDelay), completed_at: at(lastCalledMin + startDelay + duration) });
    }
  }
  events.sort((a, b) => a.at - b.at);

  // The outbox: a confirmation per booking, a notice per cancellation, a reminder the afternoon before.
  const notifications: NotificationRow[] = [];
  bookings.forEach((b, i) => {
    const slot = slots[b.slotIndex]!;
    const payload = JSON.stringify({ code: b.code, office: shape.officeName, service: serviceById.get(b.service_id)!.name, date: b.date, start: iso(slot.startMin), end: iso(minutesOf(slot.end)) });
    const recipient = recipients[i]!;
    const message = (template: NotificationRow['template'], createdAt: number) =>
      notifications.push({ bookingIndex: i, recipient, template, payload, created_at: createdAt, sent_at: createdAt + 1_500 });
    message('booked', b.created_at);
    const reminderAt = at(16 * 60) - DAY_MS;
    if (b.created_at < reminderAt && (b.cancelled_at === null || b.cancelled_at > reminderAt)) message('reminder', reminderAt);
    if (b.cancelled_at !== null) message('cancelled', b.cancelled_at);
  });

  return {
    slots: slots.map((s) => ({ service_id: s.serviceId, date: day.date, start: s.start, end: s.end, start_at: at(s.startMin), end_at: at(minutesOf(s.end)), capacity: s.capacity, booked: s.active })),
    bookings,
    tickets,
    events,
    notifications,
  };
};
