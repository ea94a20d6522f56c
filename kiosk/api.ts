/** The kiosk's calls to the server, with its bearer token. Errors keep the server's code and message. */
import type { KioskState, Priority, PublicTicket } from '../shared/types';

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type KioskIdentity = { id: number; name: string; officeId: string };

const call = async <T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Accept-Language': 'id',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiFailure('NETWORK', 0, 'Server tidak menjawab.');
  }
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiFailure(json?.error?.code ?? 'INTERNAL', res.status, json?.error?.message ?? `HTTP ${res.status}`);
  return json as T;
};

export const kioskApi = (token: string) => ({
  me: () => call<KioskIdentity>(token, 'GET', '/api/kiosk/me'),
  state: () => call<KioskState>(token, 'GET', '/api/kiosk/state'),
  issue: (officeId: string, service: string, priority: Priority | null) =>
    call<PublicTicket>(token, 'POST', `/api/offices/${encodeURIComponent(officeId)}/tickets`, { service, priority }),
  checkIn: (officeId: string, code: string) =>
    call<PublicTicket>(token, 'POST', `/api/offices/${encodeURIComponent(officeId)}/check-ins`, { code }),
});
export type KioskApi = ReturnType<typeof kioskApi>;
