/** The load side's few product calls besides the burst: staff sign-in, walk-in tickets, counter steps. */
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

export const staffPost = async (url: string, cookie: string, path: string): Promise<{ ticket: { id: string } } | null> =>
  json(await fetch(`${url}/api${path}`, { method: 'POST', headers: { cookie } }), path) as Promise<{ ticket: { id: string } } | null>;
