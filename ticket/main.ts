/** The ticket status page (/t/{ticketId}): loads the public ticket, then follows it live over /ticket. */
import { io, type Socket } from 'socket.io-client';
import type { TicketClientToServer, TicketServerToClient } from '../shared/protocol';
import type { OfficeDetail, PublicTicket } from '../shared/types';
import { pageHtml, statusOf, titleOf, type PageState } from './view';
import { surveyFollows } from './survey';

const ticketIdFromUrl = (): string => {
  const m = /\/t\/([^/?#]+)/.exec(location.pathname);
  return decodeURIComponent(m?.[1] ?? new URLSearchParams(location.search).get('id') ?? '');
};

const root = document.getElementById('app')!;
const state: PageState = { ticketId: ticketIdFromUrl(), ticket: null, office: null, error: null, live: 'connecting', updatedAt: null };

const render = () => {
  root.innerHTML = pageHtml(state);
  document.title = titleOf(state);
  document.body.dataset.status = state.ticket ? statusOf(state.ticket).kind : (state.error ?? 'loading');
};

/** A new status worth noticing (called, or allowed in) makes the phone vibrate where it can. */
const update = (next: PublicTicket) => {
  const before = state.ticket ? statusOf(state.ticket).kind : null;
  state.ticket = next;
  state.error = null;
  state.updatedAt = Date.now();
  const after = statusOf(next).kind;
  if (before && before !== after && (after === 'called' || (before === 'outside' && after === 'inside'))) navigator.vibrate?.([300, 150, 300]);
  render();
  surveyFollows(next);
};

const loadOffice = async (officeId: string) => {
  if (state.office) return;
  const res = await fetch(`/api/offices/${encodeURIComponent(officeId)}`).catch(() => null);
  if (!res?.ok) return;
  const office = (await res.json()) as OfficeDetail;
  state.office = { name: office.name, timezone: office.timezone, serviceNamesEn: Object.fromEntries(office.services.map((sv) => [sv.code, sv.nameEn])) };
  render();
};

const fetchTicket = async (): Promise<void> => {
  const res = await fetch(`/api/tickets/${encodeURIComponent(state.ticketId)}`, { cache: 'no-store' }).catch(() => null);
  if (!res) {
    state.error = state.ticket ? null : 'network';
    state.live = 'offline';
    return render();
  }
  if (res.status === 404 || res.status === 400) {
    state.error = 'not_found';
    return render();
  }
  if (res.ok) {
    const ticket = (await res.json()) as PublicTicket;
    update(ticket);
    void loadOffice(ticket.office);
  }
};

const follow = () => {
  const socket: Socket<TicketServerToClient, TicketClientToServer> = io('/ticket', { auth: { ticketId: state.ticketId }, transports: ['websocket', 'polling'] });
  socket.on('connect', () => {
    state.live = 'live';
    render();
  });
  socket.on('ticket', (ticket) => update(ticket));
  socket.on('disconnect', () => {
    state.live = 'offline';
    render();
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'NOT_FOUND') {
      state.error = 'not_found';
      return render();
    }
    state.live = 'offline';
    render();
    // Refused by the server's middleware: socket.io does not retry that by itself.
    if (!socket.active) setTimeout(() => socket.connect(), 5000);
  });
};

// A phone that slept may have missed events: ask again when the page is looked at.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.ticketId) void fetchTicket();
});

render();
if (!state.ticketId) {
  state.error = 'not_found';
  render();
} else {
  void fetchTicket().then(() => {
    if (state.error !== 'not_found') follow();
  });
}
