/** The satisfaction survey's report (SKM): the IKM per service and over all services for a period (admins and supervisors). */
import type { Router } from 'express';
import * as commands from '../../commands';
import { skmCsv } from '../../domain/skmCsv';
import { requireStaff, staffOf } from '../auth';
import type { Deps } from '../deps';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const skmRoutes = (deps: Deps, router: Router): void => {
  const reader = requireStaff(deps, 'admin', 'supervisor');

  route(
    router,
    adminDoc({
      method: 'get', path: '/offices/{officeId}/reports/skm',
      summary: 'Satisfaction survey (SKM, PermenPANRB 14/2017) of the tickets of days from–to (at most 366): per service and over all services the responses, the mean score of each element U1–U9 (NRR, 1–4), the weighted mean, the IKM (25–100, two decimals) and its grade (A–D) with its words, and the latest comments; format=csv (UTF-8 with BOM, header row; delimiter=semicolon for a spreadsheet set to Indonesian)',
      params: officeParams, query: s.rangeQuery,
    }),
    async ({ params, query }, _req, res) => {
      const report = await commands.readSkmReport(deps, staffOf(res), params.officeId, query.from, query.to);
      if (query.format !== 'csv') return report;
      const name = report.from === report.to ? report.from : `${report.from}_${report.to}`;
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="giliran-skm-${params.officeId}-${name}.csv"`);
      res.send(skmCsv(report, query.delimiter === 'semicolon' ? ';' : ','));
      return undefined;
    },
    reader,
  );
};
