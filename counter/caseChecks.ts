/**
 * The counter's case checks: issuing an urgent ticket for a service closed today (supervisors and
 * admins, with a reason), and checking a booked ticket's holder against the NIK on the visitor's
 * KTP (cocok / tidak cocok; the NIK is neither kept nor shown). main.ts wires them.
 */
import type { PublicTicket } from '../shared/types';
import { api, ApiFailure } from './api';
import * as view from './view';
import type { Desk } from './view';

export type CaseDeps = {
  getDesk: () => Desk | null;
  say: (kind: 'info' | 'error', text: string) => void;
  render: () => void;
  handleError: (err: unknown) => void;
};

const $ = (id: string) => document.getElementById(id)!;

export const createCaseChecks = ({ getDesk, say, render, handleError }: CaseDeps) => {
  /** An urgent ticket, issued by a supervisor or admin for a service closed today (with a reason). */

  const urgentTicketDialog = () => document.getElementById('urgent-ticket-dialog') as HTMLDialogElement | null;

  const openUrgentTicket = () => {
    const d = urgentTicketDialog();
    if (!getDesk() || !d) return;
    const options = view.urgentServiceOptions(getDesk()!);
    if (!options) return say('error', 'Tidak ada layanan yang tutup hari ini: nomor biasa diambil di kiosk.');
    $('urgent-ticket-service').innerHTML = options;
    ($('urgent-ticket-form') as HTMLFormElement).reset();
    $('urgent-ticket-error').textContent = '';
    d.showModal();
  };

  const issueUrgentTicket = async (form: HTMLFormElement) => {
    if (!getDesk()) return;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    if (reason.length < 5) return void ($('urgent-ticket-error').textContent = 'Tulis alasan kasus mendesak (minimal 5 karakter).');
    const priority = String(data.get('priority') ?? '') || null;
    try {
      const res = await api<{ ticket: PublicTicket }>('POST', `/offices/${encodeURIComponent(getDesk()!.officeId)}/urgent-tickets`, { service: data.get('service'), reason, priority });
      urgentTicketDialog()?.close();
      say('info', `Nomor ${res?.ticket.number} diterbitkan sebagai kasus mendesak. Sampaikan nomornya kepada warga.`);
    } catch (err) {
      if (err instanceof ApiFailure && err.status !== 401) return void ($('urgent-ticket-error').textContent = err.message);
      handleError(err);
    }
  };


  /** Sends the NIK typed or scanned from the visitor's KTP; shows only cocok / tidak cocok, and empties the field. */
  const checkHolder = async (form: HTMLFormElement) => {
    const input = form.querySelector<HTMLInputElement>('input[name=nik]')!;
    const nik = input.value;
    input.value = '';
    const ticketId = form.dataset.ticket!;
    if (!getDesk() || !nik.trim()) return void say('error', 'Ketik atau pindai NIK dari KTP pengunjung, lalu tekan Enter.');
    try {
      const res = await api<{ match: boolean }>('POST', `/tickets/${encodeURIComponent(ticketId)}/verify-holder`, { nik });
      if (!getDesk() || !res) return;
      getDesk()!.holderCheck = { ticketId, match: res.match };
      render();
      say(res.match ? 'info' : 'error', res.match ? 'NIK cocok dengan pemesan.' : 'NIK tidak cocok dengan pemesan. Periksa KTP sekali lagi.');
    } catch (err) {
      handleError(err);
    }
  };

  return { urgentTicketDialog, openUrgentTicket, issueUrgentTicket, checkHolder };
};
