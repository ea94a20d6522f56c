/**
 * The security headers of every answer (helmet). Our helmet options hold no per-request part (no
 * CSP nonce), so the headers are the same on every response: helmet runs once at start-up into a
 * list, and each response gets that list. On the booking burst, running helmet's fifteen
 * middlewares per request was a tenth of the server's time (see bench/); the lean lane
 * (leanLane.ts) writes the same list.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';

const helmetFor = (config: Pick<Config, 'secureCookies'>) =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        // 'self' covers the pages' own Socket.IO websocket (ws/wss to the same host); no other host.
        'connect-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS pins browsers to HTTPS for a year: only where the deployment serves HTTPS (its cookies are Secure).
    strictTransportSecurity: config.secureCookies,
    // The pages' own writes then carry their true Origin (under no-referrer a browser sends `Origin: null`);
    // other sites still get no Referer, so a ticket's or booking's URL never leaves the server.
    referrerPolicy: { policy: 'same-origin' },
  });

/** The headers helmet sets, in its order, as [name, value] pairs. */
export const securityHeaderList = (config: Pick<Config, 'secureCookies'>): [string, string][] => {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.push([name, String(value)]),
    removeHeader: () => {},
  };
  let finished = false;
  helmetFor(config)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // Helmet is synchronous; if a future version were not, the list would be incomplete: refuse to start.
  if (!finished || headers.length === 0) throw new Error('helmet did not set its headers synchronously');
  return headers;
};

/** Sets the list on every response (express). */
export const securityHeaders = (list: readonly [string, string][]): RequestHandler => (_req, res, next) => {
  for (const [name, value] of list) res.setHeader(name, value);
  next();
};
