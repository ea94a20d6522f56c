/**
 * The audit log as admins read it: every staff action of an office with who, what, when.
 * Two sources make it complete: audit_log (settings, closures, accounts, sign-ins…) and the
 * ticket steps staff took at the counters (ticket_events with a user).
 */
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { localDaysWindow, mergedPage } from '../../domain/auditTrail';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import type { StoreCtx } from './connection';
import type { OfficeRow } from './offices';
import type { AuditEntry, AuditQuery } from '../../../shared/staffTypes';



export const readAudit = (ctx: StoreCtx, office: OfficeRow, q: AuditQuery): { entries: AuditEntry[]; more: boolean } => {
  const { fromMs, toMs } = localDaysWindow(q.from, q.to, office.timezone);
  const take = q.offset + q.limit + 1;
  const officeUsers = ctx.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.officeId, office.id)).all().map((u) => u.id);
  const logRows =
    q.kind === 'tickets'
      ? []
      : ctx.db
          .select()
          .from(t.auditLog)
          .where(
            and(
              // Sign-ins are logged without an office: they belong to the office of the one signing in.
              or(eq(t.auditLog.officeId, office.id), officeUsers.length ? and(isNull(t.auditLog.officeId), inArray(t.auditLog.userId, officeUsers)) : undefined),
              gte(t.auditLog.at, fromMs),
              lt(t.auditLog.at, toMs),
            ),
          )
          .orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
          .limit(take)
          .all()
          .map((r) => ({ at: r.at, id: r.id, officeId: r.officeId ?? office.id, userId: r.userId, action: r.action, target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  const stepRows =
    q.kind === 'admin'
      ? []
      : ctx.db
          .select({ e: t.ticketEvents, number: t.tickets.number, counter: t.counters.name })
          .from(t.ticketEvents)
          .innerJoin(t.tickets, eq(t.tickets.id, t.ticketEvents.ticketId))
          .leftJoin(t.counters, eq(t.counters.id, t.ticketEvents.counterId))
          .where(and(eq(t.ticketEvents.officeId, office.id), isNotNull(t.ticketEvents.userId), gte(t.ticketEvents.at, fromMs), lt(t.ticketEvents.at, toMs)))
          .orderBy(desc(t.ticketEvents.at), desc(t.ticketEvents.id))
          .limit(take)
          .all()
          .map(({ e, number, counter }) => ({
            at: e.at,
            id: e.id,
            officeId: office.id,
            userId: e.userId,
            action: `ticket.${e.type}`,
            target: number,
            detail: counter ? { counter } : {},
          }));
  const { page, more } = mergedPage<(typeof logRows)[number] | (typeof stepRows)[number]>([logRows, stepRows], q.offset, q.limit);
  const userIds = [...new Set(page.map((r) => r.userId).filter((id): id is number => id !== null))];
  const users = new Map(
    (userIds.length ? ctx.db.select().from(t.users).where(inArray(t.users.id, userIds)).all() : []).map((u) => [u.id, { id: u.id, username: u.username, displayName: u.displayName }]),
  );
  return {
    entries: page.map((r) => ({
      at: isoInZone(r.at, office.timezone),
      officeId: r.officeId,
      user: r.userId === null ? null : (users.get(r.userId) ?? null),
      action: r.action,
      target: r.target,
      detail: r.detail,
    })),
    more,
  };
};
