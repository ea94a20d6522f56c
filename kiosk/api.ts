/** The kiosk's calls to the server, with its bearer token. Errors keep the server's code and message. */
import { requestJson } from '../shared/apiClient';
import type { KioskState, Priority, PublicTicket } from '../shared/types';

export { ApiFailure } from '../shared/apiClient';

export type KioskIdentity = { id: number; name: string; officeId: string };

const call = <T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
  requestJson<T>(method, path, body, {
    headers: { Authorization: `Bearer ${token}` },
    networkMessage: 'Server tidak menjawab.',
    failedMessage: (status) => `HTTP ${status}`,
  });

export const kioskApi = (token: string) => ({
  me: () => call<KioskIdentity>(token, 'GET', '/api/kiosk/me'),
  state: () => call<KioskState>(token, 'GET', '/api/kiosk/state'),
  issue: (officeId: string, service: string, priority: Priority | null) =>
    call<PublicTicket>(token, 'POST', `/api/offices/${encodeURIComponent(officeId)}/tickets`, { service, priority }),
  checkIn: (officeId: string, code: string) =>
    call<PublicTicket>(token, 'POST', `/api/offices/${encodeURIComponent(officeId)}/check-ins`, { code }),
});
export type KioskApi = ReturnType<typeof kioskApi>;
