/**
 * Reports for a day or a date range: the rows of the range read here, the figures computed by
 * `domain/rangeReport`. (The CSV forms are `domain/reportCsv`.)
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { rangeReportOf } from '../../domain/rangeReport';
import * as t from './schema';
import type { StoreCtx } from './connection';
import { loadOffice } from './offices';
import type { RangeReport, ServiceDayReport } from '../../../shared/staffTypes';

export const rangeReport = (ctx: StoreCtx, officeId: string, from: string, to: string): RangeReport => {
  const office = loadOffice(ctx, officeId);
  const inRange = and(eq(t.tickets.officeId, officeId), gte(t.tickets.date, from), lte(t.tickets.date, to));
  return rangeReportOf({
    office,
    from,
    to,
    services: ctx.db.select().from(t.services).where(eq(t.services.officeId, officeId)).orderBy(asc(t.services.position), asc(t.services.code)).all(),
    tickets: ctx.db.select().from(t.tickets).where(inRange).all(),
    events: ctx.db
      .select({ ticketId: t.ticketEvents.ticketId, type: t.ticketEvents.type, at: t.ticketEvents.at, counterId: t.ticketEvents.counterId, serviceId: t.ticketEvents.serviceId })
      .from(t.ticketEvents)
      .innerJoin(t.tickets, eq(t.tickets.id, t.ticketEvents.ticketId))
      .where(inRange)
      .orderBy(asc(t.ticketEvents.at), asc(t.ticketEvents.id))
      .all(),
    cancelled: ctx.db
      .select({ serviceId: t.bookings.serviceId, date: t.bookings.date })
      .from(t.bookings)
      .where(and(eq(t.bookings.officeId, officeId), eq(t.bookings.status, 'cancelled'), gte(t.bookings.date, from), lte(t.bookings.date, to)))
      .all(),
    counters: ctx.db.select().from(t.counters).where(eq(t.counters.officeId, officeId)).orderBy(asc(t.counters.id)).all(),
    hours: ctx.db.select().from(t.openingHours).where(eq(t.openingHours.officeId, officeId)).all(),
  });
};

export const dailyReport = (ctx: StoreCtx, officeId: string, date: string): ServiceDayReport[] => rangeReport(ctx, officeId, date, date).services;
