/** The load side's few product calls besides the burst: staff sign-in, walk-in tickets, counter steps, reads, reports, health. */
import { get as httpGet } from 'node:http';
import { ADMIN_PASSWORD } from './prepare';

const json = async (res: Response, what: string) => {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
};

export const signInCookie = async (url: string): Promise<string> => {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  await json(res, 'sign-in');
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie.split(';')[0]!;
};

export const issueWalkIn = async (url: string, kioskToken: string, service = 'A'): Promise<{ id: string; number: string }> =>
  json(
    await fetch(`${url}/api/offices/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
      body: JSON.stringify({ service }),
      signal: AbortSignal.timeout(30_000),
    }),
    'walk-in',
  );

/** Issues `count` walk-in tickets, `parallel` at a time, in issue order. */
export const issueWalkIns = async (url: string, kioskToken: string, count: number, parallel = 8): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, () => issueWalkIn(url, kioskToken)));
    ids.push(...batch.map((t) => t.id));
  }
  return ids;
};

export const staffPost = async (url: string, cookie: string, path: string): Promise<{ ticket: { id: string; number: string } } | null> =>
  json(await fetch(`${url}/api${path}`, { method: 'POST', headers: { cookie }, signal: AbortSignal.timeout(30_000) }), path) as Promise<{ ticket: { id: string; number: string } } | null>;

/** A signed-in GET (reports, counters); `timeoutMs` bounds it, as every request of the bench. */
export const staffGet = async <T>(url: string, cookie: string, path: string, timeoutMs = 120_000): Promise<T> =>
  json(await fetch(`${url}/api${path}`, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) }), path) as Promise<T>;

/** The public ticket read (GET /api/tickets/{id}). */
export const readTicket = async (url: string, id: string): Promise<unknown> =>
  json(await fetch(`${url}/api/tickets/${id}`, { signal: AbortSignal.timeout(30_000) }), 'ticket read');

/**
 * One GET /api/health on a connection of its own (as a monitor's probe: no pooled keep-alive
 * socket that a blocked server may reset); resolves when it answers 200.
 */
export const probeHealth = (url: string, timeoutMs = 120_000): Promise<void> =>
  new Promise((resolve, reject) => {
    const req = httpGet(`${url}/api/health`, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`health: HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('health: timeout')));
    req.on('error', reject);
  });

/** One GET /api/health; resolves when it answers 200. */
export const health = async (url: string, timeoutMs = 120_000): Promise<void> => {
  await json(await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) }), 'health');
};
