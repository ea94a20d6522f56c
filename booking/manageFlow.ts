/**
 * Confirming a pending booking and managing one (find it with code + nik4, cancel, move): the
 * booking page's flows after a booking exists. main.ts wires them with what they share (the
 * state, the API, drawing and moving between screens).
 */
import type { ApiFailure, bookingApi } from './api';
import type { Screen, State } from './state';
import { t } from './texts';

export type FlowDeps = {
  state: State;
  api: ReturnType<typeof bookingApi>;
  render: (focus?: string) => void;
  go: (screen: Screen, opts?: { replace?: boolean }) => void;
  failed: (err: unknown) => ApiFailure;
  focusFirstInvalid: () => void;
  drawQr: (code: string) => Promise<void>;
  loadOffice: (id: string) => Promise<void>;
  loadDays: (officeId: string, service: string, pickFirst: boolean) => Promise<void>;
  withProof: <T>(send: (altcha: string | undefined) => Promise<T>) => Promise<T>;
  /** Where focus goes after a new screen: its title. */
  title: string;
};

export const createManageFlow = ({ state, api, render, go, failed, focusFirstInvalid, drawQr, loadOffice, loadDays, withProof, title: TITLE }: FlowDeps) => {
  // ——— Confirming a pending booking ———

  const submitConfirm = async (): Promise<void> => {
    if (state.busy || !state.booking) return;
    const { lang } = state;
    const otp = state.otp.replace(/\s/g, '');
    state.flash = null;
    if (!/^\d{6}$/.test(otp)) {
      state.fieldErrors = { otp: t(lang, 'otpInvalid') };
      state.error = null;
      return focusFirstInvalid();
    }
    state.busy = true;
    render();
    try {
      state.booking = await api.confirm(state.booking.code, state.nik4, otp);
      state.fieldErrors = {};
      state.error = null;
      state.flash = t(lang, 'confirmed');
      state.busy = false;
      go('done', { replace: true });
    } catch (err) {
      const f = failed(err);
      state.busy = false;
      state.fieldErrors = f.fields.otp ? { otp: f.fields.otp } : {};
      state.error = f.fields.otp ? null : f.message;
      if (f.code === 'BOOKING_EXPIRED') {
        // The place has gone back: the booking is shown as it is now, with the way to book again.
        state.booking = { ...state.booking!, status: 'expired' };
        go('manage', { replace: true });
        return;
      }
      if (state.fieldErrors.otp) return focusFirstInvalid();
      render(TITLE);
    }
  };

  const cancelPending = async (): Promise<void> => {
    if (state.busy || !state.booking) return;
    state.busy = true;
    render();
    try {
      state.booking = await api.cancel(state.booking.code, state.nik4);
      state.flash = t(state.lang, 'cancelled');
      state.error = null;
    } catch (err) {
      state.error = failed(err).message;
    }
    state.busy = false;
    go('manage', { replace: true });
  };

  // ——— Managing a booking ———

  const openBooking = async (code: string, nik4: string, replace = false): Promise<void> => {
    state.booking = await api.find(code, nik4);
    state.nik4 = nik4;
    state.qrSvg = null;
    state.confirmCancel = false;
    state.otp = '';
    try {
      await loadOffice(state.booking.office);
    } catch {
      // The booking is shown without the office's extras.
    }
    // Found: the next screen's buttons are live (a find form that sent this is done).
    state.busy = false;
    go(state.booking.status === 'pending' ? 'confirm' : 'manage', { replace });
    void drawQr(state.booking.code);
  };

  const submitFind = async (): Promise<void> => {
    if (state.busy) return;
    const { lang } = state;
    const code = state.find.code.replace(/[\s-]/g, '').toUpperCase();
    const nik4 = state.find.nik4.trim();
    const errors: Record<string, string> = {};
    if (code.length < 4) errors.code = t(lang, 'required');
    if (!/^\d{4}$/.test(nik4)) errors.nik4 = t(lang, 'nik4Invalid');
    state.fieldErrors = errors;
    state.error = Object.keys(errors).length ? t(lang, 'fixFields') : null;
    state.flash = null;
    if (state.error) return focusFirstInvalid();
    state.busy = true;
    render();
    try {
      await openBooking(code, nik4);
    } catch (err) {
      const f = failed(err);
      state.error = f.code === 'NOT_FOUND' ? t(lang, 'notFound') : f.message;
      render(TITLE);
    } finally {
      state.busy = false;
      if (state.screen === 'find') render(state.error ? '#f-code' : TITLE);
    }
  };

  const cancelBooking = async (): Promise<void> => {
    if (state.busy || !state.booking) return;
    state.busy = true;
    render('[data-action="cancel-yes"]');
    try {
      state.booking = await api.cancel(state.booking.code, state.nik4);
      state.flash = t(state.lang, 'cancelled');
      state.error = null;
    } catch (err) {
      state.error = failed(err).message;
    }
    state.busy = false;
    state.confirmCancel = false;
    render(TITLE);
  };

  const startReschedule = async (): Promise<void> => {
    const booking = state.booking!;
    state.service = booking.service;
    state.days = null;
    state.date = booking.date;
    state.slotId = null;
    state.error = null;
    state.flash = null;
    go('reschedule');
    await loadDays(booking.office, booking.service, false);
    render(TITLE);
  };

  const moveBooking = async (): Promise<void> => {
    if (state.busy || !state.booking || state.slotId === null) return;
    state.busy = true;
    render();
    try {
      const { code } = state.booking;
      const slotId = state.slotId;
      state.booking = await withProof((altcha) => api.reschedule(code, state.nik4, slotId, altcha));
      state.flash = t(state.lang, 'moved');
      state.error = null;
      state.busy = false;
      go('manage', { replace: true });
    } catch (err) {
      state.error = failed(err).message;
      state.busy = false;
      state.slotId = null;
      await loadDays(state.booking.office, state.booking.service, false);
      render(TITLE);
    }
  };

  return { submitConfirm, cancelPending, openBooking, submitFind, cancelBooking, startReschedule, moveBooking };
};
