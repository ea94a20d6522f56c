/** Reports for a day or a date range (admins and supervisors) and the audit log (admins). */
import { Router } from 'express';
import { DomainError } from '../../domain/errors';
import { addDays } from '../../domain/time';
import { rangeCsv } from '../../store/reports';
import { requireStaff, staffOf } from '../auth';
import type { Deps } from '../deps';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

const MAX_REPORT_DAYS = 366;

export const reportRoutes = (deps: Deps, router: Router): void => {
  const { store, clock } = deps;
  const admin = requireStaff(deps, 'admin');
  const reader = requireStaff(deps, 'admin', 'supervisor');

  route(
    router,
    adminDoc({
      method: 'get', path: '/offices/{officeId}/reports',
      summary: 'Report for a date range: per service and per counter issued, called, served, no-show, cancelled, average and p90 wait and service minutes; arrivals per hour; format=csv (UTF-8 with BOM, header row; delimiter=semicolon for a spreadsheet set to Indonesian)',
      params: officeParams, query: s.rangeQuery,
    }),
    async ({ params, query }, _req, res) => {
      const to = query.to ?? query.from;
      if (to < query.from) throw new DomainError('VALIDATION', {}, { to: { key: 'date_order' } });
      if (addDays(query.from, MAX_REPORT_DAYS - 1) < to) throw new DomainError('VALIDATION', {}, { to: { key: 'range_too_long', params: { max: MAX_REPORT_DAYS } } });
      const report = await store.rangeReport(params.officeId, query.from, to, staffOf(res));
      if (query.format !== 'csv') return report;
      const name = query.from === to ? query.from : `${query.from}_${to}`;
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="giliran-${params.officeId}-${name}.csv"`);
      res.send(rangeCsv(report, query.delimiter === 'semicolon' ? ';' : ','));
      return undefined;
    },
    reader,
  );

  route(
    router,
    adminDoc({
      method: 'get', path: '/offices/{officeId}/audit',
      summary: "Audit log: every staff action of the office (settings, closures, accounts, sign-ins, and the counters' ticket steps), newest first",
      params: officeParams, query: s.auditQuery,
    }),
    async ({ params, query }, _req, res) => {
      const today = clock.now().setZone((await store.listOffices()).find((o) => o.id === params.officeId)?.timezone ?? 'UTC').toISODate()!;
      const to = query.to ?? today;
      const from = query.from ?? addDays(to, -6);
      if (to < from) throw new DomainError('VALIDATION', {}, { to: { key: 'date_order' } });
      return { from, to, ...(await store.readAudit(params.officeId, { from, to, limit: query.limit, offset: query.offset, kind: query.kind }, staffOf(res))) };
    },
    admin,
  );
};
