/** Daily report per service: issued, served, no-show, average wait and service minutes. */
import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema';
import type { StoreCtx } from './context';
import { loadOffice, loadServices } from './offices';

export type ServiceDayReport = {
  service: string;
  name: string;
  issued: number;
  served: number;
  noShow: number;
  cancelledBookings: number;
  averageWaitMinutes: number | null;
  averageServiceMinutes: number | null;
};

const average = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

export const dailyReport = (ctx: StoreCtx, officeId: string, date: string): ServiceDayReport[] => {
  loadOffice(ctx, officeId);
  const tickets = ctx.db.select().from(t.tickets).where(and(eq(t.tickets.officeId, officeId), eq(t.tickets.date, date))).all();
  const cancelled = ctx.db
    .select()
    .from(t.bookings)
    .where(and(eq(t.bookings.officeId, officeId), eq(t.bookings.date, date), eq(t.bookings.status, 'cancelled')))
    .all();
  return loadServices(ctx, officeId).map((s) => {
    const issued = tickets.filter((tk) => tk.issuedServiceId === s.id);
    const handled = tickets.filter((tk) => tk.serviceId === s.id);
    const served = handled.filter((tk) => tk.status === 'done');
    return {
      service: s.code,
      name: s.nameId,
      issued: issued.length,
      served: served.length,
      noShow: handled.filter((tk) => tk.status === 'no_show').length,
      cancelledBookings: cancelled.filter((b) => b.serviceId === s.id).length,
      averageWaitMinutes: average(handled.filter((tk) => tk.calledAt !== null).map((tk) => (tk.calledAt! - tk.issuedAt) / 60_000)),
      averageServiceMinutes: average(served.filter((tk) => tk.startedAt !== null).map((tk) => (tk.completedAt! - tk.startedAt!) / 60_000)),
    };
  });
};

/** CSV that opens correctly in a spreadsheet: UTF-8 with a BOM, a header row, CRLF line ends. */
export const reportCsv = (date: string, rows: ServiceDayReport[]): string => {
  const header = ['date', 'service', 'name', 'issued', 'served', 'no_show', 'cancelled_bookings', 'average_wait_minutes', 'average_service_minutes'];
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) =>
    [date, r.service, r.name, r.issued, r.served, r.noShow, r.cancelledBookings, r.averageWaitMinutes, r.averageServiceMinutes].map(cell).join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
};
