/** Reports for a day or a date range (admins and supervisors) and the audit log (admins). */
import { Router } from 'express';
import { DomainError } from '../../domain/errors';
import { addDays } from '../../domain/time';
import { rangeCsv, reportCsv } from '../../domain/reportCsv';
import { requireStaff, staffOf } from '../auth';
import type { Deps } from '../deps';
import * as commands from '../../commands';
import { route } from '../route';
import * as publicSchemas from '../schemas';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const reportRoutes = (deps: Deps, router: Router): void => {
  const reads = commands.staffReads(deps);
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
      const report = await reads.rangeReport(staffOf(res), params.officeId, query.from, query.to);
      if (query.format !== 'csv') return report;
      const name = report.from === report.to ? report.from : `${report.from}_${report.to}`;
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
    ({ params, query }, _req, res) => reads.readAudit(staffOf(res), params.officeId, query),
    admin,
  );

  route(
    router,
    { method: 'get', path: '/offices/{officeId}/reports/daily', summary: 'Daily report per service; format=csv for a spreadsheet', tag: 'admin', auth: 'session', params: officeParams, query: publicSchemas.reportQuery, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] },
    async ({ params, query }, _req, res) => {
      const rows = await reads.dailyReport(staffOf(res), params.officeId, query.date);
      if (query.format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="giliran-${params.officeId}-${query.date}.csv"`);
        res.send(reportCsv(query.date, rows));
        return undefined;
      }
      return { office: params.officeId, date: query.date, services: rows };
    },
    reader,
  );
};
