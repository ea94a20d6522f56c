/**
 * The counter's two ticket dialogs: transferring the current ticket to another service (into a
 * service closed today only as an urgent case, by a supervisor or admin, with its reason), and
 * requeueing a chosen no-show after a confirmation. main.ts wires them to buttons and keys.
 */
import type { PublicTicket } from '../shared/types';
import * as view from './view';
import type { Desk } from './view';

export type TicketDialogDeps = {
  getDesk: () => Desk | null;
  say: (kind: 'info' | 'error', text: string) => void;
  step: (path: string, done: (ticket: PublicTicket | null) => string, body?: unknown) => Promise<void>;
  refreshNoShows: () => Promise<void>;
};

const $ = (id: string) => document.getElementById(id)!;

export const createTicketDialogs = ({ getDesk, say, step, refreshNoShows }: TicketDialogDeps) => {
  const currentTicket = () => {
    const desk = getDesk();
    return desk ? view.myCounter(desk)?.current : undefined;
  };

  const transferDialog = () => document.getElementById('transfer-dialog') as HTMLDialogElement | null;
  /** The closed service an urgent transfer is being asked for (its reason form is open). */
  let urgentService: string | null = null;

  const openTransfer = () => {
    const desk = getDesk();
    const current = currentTicket();
    const d = transferDialog();
    if (!desk || !current || !d) return;
    $('transfer-what').textContent = `Nomor ${current.number} akan menunggu di layanan tujuan dengan nomor yang sama.`;
    $('transfer-list').innerHTML = view.transferView(desk, current.service);
    $('transfer-list').hidden = false;
    $('urgent-form').hidden = true;
    urgentService = null;
    d.showModal();
  };

  const transferTo = (service: string) => {
    const desk = getDesk();
    const current = currentTicket();
    if (!desk || !current) return void transferDialog()?.close();
    // Into a service closed today: an urgent case, for a supervisor or an admin, with its reason.
    const closed = desk.closedServices[service];
    if (closed !== undefined) {
      if (!view.mayDecideUrgent(desk)) {
        transferDialog()?.close();
        return say('error', `Layanan ${service} tutup hari ini. Pengalihan ke layanan yang tutup hanya untuk kasus mendesak, oleh supervisor atau admin.`);
      }
      urgentService = service;
      $('transfer-list').hidden = true;
      $('urgent-form').hidden = false;
      $('urgent-what').textContent = `Layanan ${service} tutup hari ini (${closed}). Nomor ${current.number} dilayani sebagai kasus mendesak: alasannya dicatat.`;
      $('urgent-error').textContent = '';
      ($('urgent-reason') as HTMLInputElement).value = '';
      ($('urgent-reason') as HTMLInputElement).focus();
      return;
    }
    transferDialog()?.close();
    void step(`/tickets/${current.id}/transfer`, (t) => `${t?.number} dialihkan ke layanan ${service}.`, { service });
  };

  const submitUrgentTransfer = () => {
    const current = currentTicket();
    const reason = ($('urgent-reason') as HTMLInputElement).value.trim();
    if (!current || !urgentService) return void transferDialog()?.close();
    if (reason.length < 5) return void ($('urgent-error').textContent = 'Tulis alasan kasus mendesak (minimal 5 karakter).');
    const service = urgentService;
    transferDialog()?.close();
    void step(`/tickets/${current.id}/transfer`, (t) => `${t?.number} dialihkan ke layanan ${service} sebagai kasus mendesak.`, { service, reason });
  };

  const requeueDialog = () => document.getElementById('requeue-dialog') as HTMLDialogElement | null;
  const chosenNoShow = (desk: Desk) => desk.noShows.find((n) => n.id === desk.selectedNoShow);

  /** K, or a row's button: asks before requeueing the selected no-show (and only that one). */
  const confirmRequeue = () => {
    const desk = getDesk();
    const chosen = desk && chosenNoShow(desk);
    const d = requeueDialog();
    if (!chosen || !d) return;
    $('requeue-what').textContent = `Nomor ${chosen.number} (layanan ${chosen.service}) menunggu lagi di akhir antrean layanannya.`;
    d.showModal();
  };

  const requeueChosen = () => {
    requeueDialog()?.close();
    const desk = getDesk();
    const chosen = desk && chosenNoShow(desk);
    if (!desk || !chosen) return;
    desk.selectedNoShow = null;
    void step(`/tickets/${chosen.id}/requeue`, (t) => `${t?.number} dikembalikan ke antrean.`).then(refreshNoShows);
  };

  return { transferDialog, openTransfer, transferTo, submitUrgentTransfer, requeueDialog, confirmRequeue, requeueChosen };
};
