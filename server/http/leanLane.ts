/**
 * The lean lane: the public booking POST answered straight from node's HTTP server, without
 * express. When a day's places open, thousands of attempts arrive in seconds and most are
 * refused; express's routing, middleware chain and response helpers cost more per attempt than
 * the booking itself (bench/RESULTS.md, "Booking burst").
 *
 * It serves only the plain form of its routes (leanRoute in route.ts), and gives the same answer
 * express would: the same security headers (securityHeaders.ts), the same JSON parsing rules
 * (body-parser's strict mode), the same rate-limit counter and headers, the same schemas, handler
 * and error bodies. Anything else — a query string, percent-escapes, another content type or
 * charset, a compressed or chunked body, a body over the limit, a cookie (the same-origin rule of
 * writeGuard.ts), any other method or path — is left to express, which answers as it always did.
 */
import { parse as parseBytes } from 'bytes';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../domain/errors';
import { pickLang } from '../domain/messages';
import { answerableError, errorBody, STATUS } from './errors';
import type { PerMinute } from './rateLimits';
import type { RouteDoc } from './route';

export type LeanRouteEntry = {
  doc: RouteDoc;
  limit: PerMinute;
  run: (params: Record<string, string>, body: unknown, ip: string) => Promise<unknown>;
};

export type LeanLane = {
  add: (route: LeanRouteEntry) => void;
  /** Answers the request and returns true, or returns false without touching it (express then serves it). */
  serve: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Requests answered here (tests check which way a request went). */
  served: () => number;
};

type Compiled = LeanRouteEntry & { pattern: RegExp; names: string[] };

/** `application/json`, optionally with `charset=utf-8`: what body-parser reads as UTF-8 JSON (any other parameter goes to express). */
const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** body-parser's strict mode: the first non-blank character must open an object or an array. */
const STRICT_START = /^[\x20\x09\x0a\x0d]*[{[]/;

export const createLeanLane = ({
  prefix,
  bodyLimit,
  securityHeaders,
  clientIp,
  log,
}: {
  prefix: string;
  bodyLimit: string;
  securityHeaders: readonly [string, string][];
  /** The caller's address as express's `req.ip` gives it (the same `trust proxy` setting). */
  clientIp: (req: IncomingMessage) => string;
  log: { error: (obj: object, msg: string) => void };
}): LeanLane => {
  const routes: Compiled[] = [];
  const limitBytes = parseBytes(bodyLimit) ?? 0;
  const security = securityHeaders.flat();
  let served = 0;

  const match = (url: string): { route: Compiled; params: Record<string, string> } | undefined => {
    for (const route of routes) {
      const found = route.pattern.exec(url);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = found[i + 1]!));
      return { route, params };
    }
    return undefined;
  };

  /** Whether express would read this request's body exactly as the lane does. */
  const plainBody = (req: IncomingMessage): boolean => {
    const h = req.headers;
    if (h.cookie !== undefined || h['transfer-encoding'] !== undefined) return false;
    if (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') return false;
    if (h['content-type'] === undefined || !PLAIN_JSON.test(h['content-type'])) return false;
    const length = Number(h['content-length']);
    return Number.isInteger(length) && length > 0 && length <= limitBytes;
  };

  const answer = (res: ServerResponse, status: number, body: unknown, limitHeaders: string[]) => {
    if (res.headersSent || res.destroyed) return;
    served++;
    if (body === undefined || body === null) {
      res.writeHead(204, [...security, ...limitHeaders]);
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, [...security, ...limitHeaders, 'Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(text))]);
    res.end(text);
  };

  const refuse = (req: IncomingMessage, res: ServerResponse, error: unknown, path: string, limitHeaders: string[]) => {
    const domain = answerableError(error, log, path);
    answer(res, STATUS[domain.code], errorBody(domain, pickLang(req.headers['accept-language'])), limitHeaders);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, route: Compiled, params: Record<string, string>, raw: Buffer) => {
    const path = req.url!;
    let body: unknown;
    try {
      // As body-parser: UTF-8 (a leading byte-order mark dropped), strict JSON.
      const text = raw.toString('utf8').replace(/^\uFEFF/, '');
      if (!STRICT_START.test(text)) throw new Error('not an object or array');
      body = JSON.parse(text);
    } catch {
      return refuse(req, res, new DomainError('VALIDATION', {}, { body: { key: 'invalid' } }), path, []);
    }
    let limitHeaders: string[] = [];
    try {
      const ip = clientIp(req);
      const hit = await route.limit.hit(ip);
      limitHeaders = hit.headers;
      if (hit.limited) return refuse(req, res, new DomainError('RATE_LIMITED'), path, limitHeaders);
      const result = await route.run(params, body, ip);
      answer(res, route.doc.responseStatus ?? 200, result, limitHeaders);
    } catch (error) {
      refuse(req, res, error, path, limitHeaders);
    }
  };

  return {
    add: (route) => {
      if (route.doc.method !== 'post') throw new Error(`the lean lane serves POST routes only: ${route.doc.path}`);
      const names: string[] = [];
      // `/offices/{officeId}/bookings`: each parameter one path segment, without escapes (those go to express).
      const source = route.doc.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/?%]+)';
      });
      routes.push({ ...route, names, pattern: new RegExp(`^${prefix}${source}$`) });
    },
    serve: (req, res) => {
      if (req.method !== 'POST' || routes.length === 0) return false;
      const found = match(req.url ?? '');
      if (!found || !plainBody(req)) return false;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        handle(req, res, found.route, found.params, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).catch((error: unknown) => {
          // Only a failure to write the answer itself lands here: the connection is closed rather than left hanging.
          answerableError(error, log, req.url ?? '');
          res.destroy();
        });
      });
      // A client that goes away mid-body: nothing was done, nothing to answer.
      req.on('error', () => res.destroy());
      return true;
    },
    served: () => served,
  };
};
