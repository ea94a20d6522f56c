/** The booking page's HTTP calls: JSON in and out, error messages in the page's language. */
import { requestJson } from '../shared/apiClient';
import type { BookingView, OfficeDetail, OfficeSummary, SlotDay } from '../shared/types';
import { t, type Lang } from './texts';

export { ApiFailure } from '../shared/apiClient';

const call = <T>(lang: Lang, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
  requestJson<T>(method, `/api${path}`, body, {
    lang,
    networkMessage: t(lang, 'network'),
    failedMessage: (status) => t(lang, 'failed', { status }),
  });

export type OfficePage = OfficeDetail & { services: (OfficeDetail['services'][number] & { closedToday?: string })[] };
/** `altcha`: the proof of work's solution, where the server asks for one (proofOfWork.ts). */
export type BookingInput = { service: string; slotId: number; nik: string; name: string; phone: string; altcha?: string; admission?: string };

export const bookingApi = (lang: () => Lang) => ({
  offices: () => call<OfficeSummary[]>(lang(), 'GET', '/offices'),
  office: (id: string) => call<OfficePage>(lang(), 'GET', `/offices/${encodeURIComponent(id)}`),
  availability: (officeId: string, service: string, days: number) =>
    call<SlotDay[]>(lang(), 'GET', `/offices/${encodeURIComponent(officeId)}/availability?service=${encodeURIComponent(service)}&days=${days}`),
  book: (officeId: string, input: BookingInput) => call<BookingView>(lang(), 'POST', `/offices/${encodeURIComponent(officeId)}/bookings`, input),
  find: (code: string, nik4: string) => call<BookingView>(lang(), 'GET', `/bookings/${encodeURIComponent(code)}?nik4=${encodeURIComponent(nik4)}`),
  confirm: (code: string, nik4: string, otp: string) => call<BookingView>(lang(), 'POST', `/bookings/${encodeURIComponent(code)}/confirm`, { nik4, otp }),
  cancel: (code: string, nik4: string) => call<BookingView>(lang(), 'POST', `/bookings/${encodeURIComponent(code)}/cancel`, { nik4 }),
  reschedule: (code: string, nik4: string, slotId: number, altcha?: string) =>
    call<BookingView>(lang(), 'POST', `/bookings/${encodeURIComponent(code)}/reschedule`, { nik4, slotId, ...(altcha ? { altcha } : {}) }),
});

export const calendarUrl = (code: string, nik4: string): string =>
  `/api/bookings/${encodeURIComponent(code)}/calendar.ics?nik4=${encodeURIComponent(nik4)}`;
