/** The booking page's state: everything the views draw from. Only main.ts changes it. */
import type { BookingView, OfficeSummary, SlotDay, SlotView } from '../shared/types';
import type { OfficePage } from './api';
import type { Lang } from './texts';

export type Screen = 'offices' | 'services' | 'slots' | 'form' | 'confirm' | 'done' | 'find' | 'manage' | 'reschedule';

export type State = {
  lang: Lang;
  screen: Screen;
  /** A screen's data is being fetched. */
  loading: boolean;
  /** A form is being sent. */
  busy: boolean;
  /** What went wrong, shown as an alert. */
  error: string | null;
  /** What just went right, announced politely. */
  flash: string | null;
  offices: OfficeSummary[] | null;
  office: OfficePage | null;
  service: string | null;
  days: SlotDay[] | null;
  date: string | null;
  slotId: number | null;
  form: { nik: string; name: string; phone: string };
  fieldErrors: Record<string, string>;
  /** The booking just made, or found with code and nik4. */
  booking: BookingView | null;
  /** The holder's last four NIK digits: with the code, the key to the booking. */
  nik4: string;
  find: { code: string; nik4: string };
  /** The confirmation code being typed (a pending booking). */
  otp: string;
  confirmCancel: boolean;
  qrSvg: string | null;
};

export const initialState = (lang: Lang): State => ({
  lang,
  screen: 'offices',
  loading: true,
  busy: false,
  error: null,
  flash: null,
  offices: null,
  office: null,
  service: null,
  days: null,
  date: null,
  slotId: null,
  form: { nik: '', name: '', phone: '' },
  fieldErrors: {},
  booking: null,
  nik4: '',
  find: { code: '', nik4: '' },
  otp: '',
  confirmCancel: false,
  qrSvg: null,
});

export const selectedSlot = (state: State): (SlotView & { date: string }) | undefined => {
  for (const day of state.days ?? []) {
    const slot = day.slots.find((s) => s.id === state.slotId);
    if (slot) return { ...slot, date: day.date };
  }
  return undefined;
};

export const serviceOf = (state: State, code: string | null = state.service) => state.office?.services.find((s) => s.code === code);

/** The availability API answers at most this many days at once. */
const MOST_DAYS = 31;
/** An office's booking horizon before its details have loaded (the default of the office settings). */
const USUAL_HORIZON = 14;

/** How many days the calendar shows: the office's booking horizon, since no place past it is open yet. */
export const calendarDays = (state: State, officeId: string): number =>
  Math.min(state.office?.id === officeId ? state.office.bookingHorizonDays : USUAL_HORIZON, MOST_DAYS);

/** Places still bookable on a day: the sum over its bookable slots. */
export const placesLeft = (day: SlotDay): number => day.slots.filter((s) => s.bookable).reduce((n, s) => n + s.remaining, 0);
