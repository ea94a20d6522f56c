/**
 * Whether a request comes from the server's own pages: the guard against forged cross-site
 * requests riding on a session cookie (writes over HTTP, the staff socket's handshake).
 *
 * The origin the browser names (`Origin`, else `Referer`) must be this server's host or a
 * configured origin; where it names none, the browser's own `Sec-Fetch-Site` must say
 * `same-origin`. A request with none of the three is no browser's (curl, an integrator, the
 * tests): a browser always sends `Origin` on a cross-site POST, PUT, PATCH or DELETE and on every
 * WebSocket handshake, so such a request cannot be a forged one.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** 'https://giliran.example.go.id/path' → 'https://giliran.example.go.id'; undefined for anything but an http(s) URL ('null' included). */
export const originOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/** The configured origins a signed-in write may come from besides the server's own host. */
export const trustedOrigins = (config: { allowedOrigins: string[]; publicBaseUrl: string | undefined }): ReadonlySet<string> =>
  new Set([...config.allowedOrigins, originOf(config.publicBaseUrl)].filter((o): o is string => o !== undefined));

/** The origin names the host the request was sent to (its `Host` header), compared as a URL would. */
const namesHost = (origin: string, host: string | undefined): boolean => {
  if (!host) return false;
  try {
    const named = new URL(origin);
    return new URL(`${named.protocol}//${host}`).host === named.host;
  } catch {
    return false;
  }
};

export const fromOwnOrigin = (headers: IncomingHttpHeaders, trusted: ReadonlySet<string>): boolean => {
  const named = originOf(headers.origin) ?? originOf(headers.referer);
  if (named) return trusted.has(named) || namesHost(named, headers.host);
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  // `Origin: null` (a sandboxed frame, a privacy redirect) is a browser's, and says nothing of where it came from.
  return headers.origin === undefined;
};
