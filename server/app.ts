/** Builds the whole application (HTTP, pages, live layer) around a store; never listens. */
import compression from 'compression';
import express, { type Express } from 'express';
import proxyAddr from 'proxy-addr';
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Server as IoServer, ServerOptions } from 'socket.io';
import type { Clock } from './clock';
import type { Config } from './config';
import { DomainError } from './domain/errors';
import type { Deps } from './http/deps';
import type { LimitCounters } from './http/rateLimits';
import type { ChangeBus } from './events/bus';
import { adminRoutes } from './http/adminRoutes';
import { errorHandler } from './http/errors';
import { createLeanLane, type LeanLane } from './http/leanLane';
import { securityHeaderList, securityHeaders } from './http/securityHeaders';
import { writeGuard } from './http/writeGuard';
import { kioskRoutes } from './http/kiosk/kioskRoutes';
import { openApiDocument } from './http/openapi';
import { publicBookingRoutes } from './http/public/bookingRoutes';
import { challengeRoutes } from './http/public/challengeRoutes';
import { waitingRoomRoutes } from './http/public/waitingRoomRoutes';
import { publicOfficeRoutes } from './http/public/officeRoutes';
import { publicTicketRoutes } from './http/public/ticketRoutes';
import { staffAuthRoutes } from './http/staff/authRoutes';
import { staffBookingRoutes } from './http/staff/bookingRoutes';
import { staffCounterRoutes } from './http/staff/counterRoutes';
import { createRealtime } from './realtime';
import type { Store } from './store/store';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export type App = { app: Express; httpServer: HttpServer; io: IoServer; store: Store; bus: ChangeBus; leanLane: LeanLane };

/** What several processes share (REDIS_URL): rate-limit counters and the Socket.IO adapter (see boot.ts). */
export type Shared = { limitCounters: LimitCounters; adapter: ServerOptions['adapter'] };

export const createApp = ({ store, bus, clock, config, log, shared }: { store: Store; bus: ChangeBus; clock: Clock; config: Config; log: Logger; shared?: Shared }): App => {
  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached, so hashing each body for an ETag is wasted work (static pages keep theirs).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  const headers = securityHeaderList(config);
  const trust = app.get('trust proxy fn') as (addr: string, i: number) => boolean;
  const leanLane = createLeanLane({ prefix: '/api', bodyLimit: config.bodyLimit, securityHeaders: headers, clientIp: (req) => proxyAddr(req, trust), log });
  const deps: Deps = { store, bus, clock, config, log, leanLane, ...(shared ? { limitCounters: shared.limitCounters } : {}) };
  app.use(securityHeaders(headers));
  app.use('/api', writeGuard(config), express.json({ limit: config.bodyLimit }));

  const api = express.Router();
  api.use(publicOfficeRoutes(deps));
  api.use(publicBookingRoutes(deps));
  api.use(challengeRoutes(deps));
  api.use(waitingRoomRoutes(deps));
  api.use(publicTicketRoutes(deps));
  api.use(kioskRoutes(deps));
  api.use(staffAuthRoutes(deps));
  api.use(staffCounterRoutes(deps));
  api.use(staffBookingRoutes(deps));
  api.use(adminRoutes(deps));
  api.get('/openapi.json', (_req, res) => void res.json(openApiDocument()));
  api.use((_req, _res, next) => next(new DomainError('NOT_FOUND')));
  app.use('/api', api);

  // The pages, built by Vite into dist/pages (npm run build), gzipped for slow phone connections.
  // The API stays uncompressed: its answers are small and its hot path is the booking burst.
  const PAGES_DIR = resolve(ROOT, config.pagesDir);
  app.use(compression());
  if (existsSync(PAGES_DIR)) {
    app.get('/t/:ticketId', (_req, res) => res.sendFile(join(PAGES_DIR, 'ticket', 'index.html')));
    app.use(express.static(PAGES_DIR, { index: 'index.html', maxAge: '1h', setHeaders: (res, path) => {
      if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    } }));
    app.get('/', (_req, res) => res.redirect('/booking/'));
  } else {
    app.get(['/', '/t/:id', '/booking', '/kiosk', '/display', '/counter', '/admin', '/assist'], (_req, res) =>
      void res.status(503).type('text').send('Pages are not built: run `npm run build`.'),
    );
  }
  app.use(errorHandler(log));

  // The booking POST in its plain form is answered by the lean lane; everything else by express.
  const httpServer = createServer((req, res) => {
    if (!leanLane.serve(req, res)) void app(req, res);
  });
  const io = createRealtime(httpServer, deps, shared?.adapter);
  return { app, httpServer, io, store, bus, leanLane };
};
