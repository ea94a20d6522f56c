/** Helpers for the socket tests: real HTTP (fetch) and real socket.io-client against a listening server. */
import { io, type Socket } from 'socket.io-client';
import { ADMIN_PASSWORD } from '../support/server';

export const json = async (url: string, init: RequestInit & { cookie?: string; token?: string } = {}) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
};

/** Signs in over HTTP and returns the session cookie ("giliran_session=…"). */
export const login = async (base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> => {
  const res = await json(`${base}/api/auth/login`, { method: 'POST', body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
};

export const walkIn = async (base: string, token: string, service: string, officeId = 'demo') => {
  const res = await json(`${base}/api/offices/${officeId}/tickets`, { method: 'POST', token, body: JSON.stringify({ service }) });
  if (res.status !== 201) throw new Error(`walk-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: string };
};

export const post = (base: string, path: string, cookie: string, body?: unknown) =>
  json(`${base}/api${path}`, { method: 'POST', cookie, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** Resolves with the next `event` whose payload passes `accept`; fails after `ms`. */
export const next = <T = unknown>(socket: Socket, event: string, accept: (payload: T) => boolean = () => true, ms = 5000): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for "${event}"`));
    }, ms);
    const handler = (payload: T) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });

export const connected = (socket: Socket, ms = 5000): Promise<void> =>
  socket.connected
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('not connected in time')), ms);
        socket.once('connect', () => (clearTimeout(timer), resolve()));
        socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
      });

export const displaySocket = (base: string, officeId = 'demo') => io(`${base}/display`, { auth: { officeId }, transports: ['websocket'], forceNew: true });
export const ticketSocket = (base: string, ticketId: string) => io(`${base}/ticket`, { auth: { ticketId }, transports: ['websocket'], forceNew: true });
export const counterSocket = (base: string, cookie?: string) =>
  io(`${base}/counter`, { transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
