/**
 * Counter use cases: call the next ticket, step a ticket's life, open or pause a counter. Each is
 * one transaction: the guards and the step are the domain's (counter, queue, ticketState); the
 * ticket's status is compared-and-set.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { completionUsesBlanko } from '../../domain/blanko';
import { checkCanCall, checkStatusChange } from '../../domain/counter';
import { fail, invalid } from '../../domain/errors';
import { chooseNext } from '../../domain/queue';
import { checkTicketDay, leavesCounter, STEP_EVENTS, stepStamps, stepTicket, type TicketAction, type TicketStatus } from '../../domain/ticketState';
import { todayIn } from '../../domain/time';
import * as t from './schema';
import type { CounterStatus } from '../../../shared/types';
import { writeTx, type StoreCtx } from './connection';
import { assertOffice, type Actor } from '../../domain/policy';
import { audit } from './journal';
import { closedReason, loadOffice, serviceByCode } from './offices';
import { decideUrgentTransfer, URGENT_AUDIT } from '../../domain/urgentCase';
import { loadCounters, toCandidate, type CounterRow } from './queueView';
import type { TicketRow } from './tickets';
import { inviteToSurvey } from './survey';

export type TicketChange = { ticket: TicketRow; event: string; counterId: number | null };

const loadCounter = (ctx: StoreCtx, counterId: number): CounterRow => {
  const row = ctx.db.select().from(t.counters).where(eq(t.counters.id, counterId)).get() ?? fail('NOT_FOUND');
  return loadCounters(ctx, row.officeId).find((c) => c.id === counterId)!;
};

/** The ticket the counter last took, as the counter guards read it. */
const currentTicket = (ctx: StoreCtx, counter: CounterRow) =>
  counter.currentTicketId ? ctx.db.select().from(t.tickets).where(eq(t.tickets.id, counter.currentTicketId)).get() : undefined;

const recordEvent = (ctx: StoreCtx, ticket: TicketRow, type: string, now: DateTime, actor: Actor, counterId: number | null) =>
  ctx.db
    .insert(t.ticketEvents)
    .values({ officeId: ticket.officeId, ticketId: ticket.id, type, at: now.toMillis(), counterId, userId: actor.userId, serviceId: ticket.serviceId })
    .run();

export const callNext = (ctx: StoreCtx, counterId: number, actor: Actor, now: DateTime): TicketChange | null =>
  writeTx(ctx, () => {
    const counter = loadCounter(ctx, counterId);
    assertOffice(actor, counter.officeId);
    checkCanCall(counter, currentTicket(ctx, counter));
    const office = loadOffice(ctx, counter.officeId);
    const waiting = ctx.db
      .select()
      .from(t.tickets)
      .where(and(eq(t.tickets.officeId, office.id), eq(t.tickets.date, todayIn(office, now)), eq(t.tickets.status, 'waiting')))
      .all();
    const choice = chooseNext(waiting.map(toCandidate), counter.serviceIds, now.toMillis(), { walkInEvery: office.walkInEvery }, counter.bookingStreak);
    if (!choice) return null;
    const ms = now.toMillis();
    // Compare-and-set on the status: a ticket leaves 'waiting' exactly once.
    const ticket = ctx.db
      .update(t.tickets)
      .set({ status: 'called', counterId, recallCount: 0, calledAt: sql`coalesce(${t.tickets.calledAt}, ${ms})`, lastCalledAt: ms })
      .where(and(eq(t.tickets.id, choice.ticketId), eq(t.tickets.status, 'waiting')))
      .returning()
      .get() ?? fail('CONFLICT');
    ctx.db.update(t.counters).set({ currentTicketId: ticket.id, bookingStreak: choice.bookingStreak }).where(eq(t.counters.id, counterId)).run();
    recordEvent(ctx, ticket, 'called', now, actor, counterId);
    return { ticket, event: 'called', counterId };
  });

export const stepTicketAt = (
  ctx: StoreCtx,
  ticketId: string,
  action: Exclude<TicketAction, 'call'>,
  actor: Actor,
  now: DateTime,
  options: { service?: string; reason?: string } = {},
): TicketChange =>
  writeTx(ctx, () => {
    const ticket = ctx.db.select().from(t.tickets).where(eq(t.tickets.id, ticketId)).get() ?? fail('NOT_FOUND');
    assertOffice(actor, ticket.officeId);
    const office = loadOffice(ctx, ticket.officeId);
    checkTicketDay(ticket.date, todayIn(office, now), action);
    let targetServiceId: number | undefined;
    let urgent: string | undefined;
    if (action === 'transfer') {
      if (!options.service) invalid({ service: { key: 'required' } });
      targetServiceId = (serviceByCode(ctx, office.id, options.service!) ?? invalid({ service: { key: 'unknown_service' } })).id;
      // Into a service closed today, a transfer is an urgent case: who, why, on the record.
      const closedNow = closedReason(ctx, office, targetServiceId, todayIn(office, now));
      urgent = decideUrgentTransfer({ actor, officeId: office.id, closedReason: closedNow, reason: options.reason });
    }
    const { ticket: next, event } = stepTicket(
      { status: ticket.status as TicketStatus, recallCount: ticket.recallCount, counterId: ticket.counterId, serviceId: ticket.serviceId },
      action,
      { recallLimit: office.recallLimit, ...(targetServiceId !== undefined ? { serviceId: targetServiceId } : {}) },
    );
    const stamp: Partial<TicketRow> = stepStamps(event, now.toMillis());
    if (urgent !== undefined) stamp.urgentReason = urgent;
    if (event === 'complete') {
      // Each KTP-el printed uses a blanko; with none left the visitor gets a suket instead.
      const service = ctx.db.select().from(t.services).where(eq(t.services.id, ticket.serviceId)).get();
      if (completionUsesBlanko(service)) {
        const used = ctx.db
          .update(t.offices)
          .set({ blankoStock: sql`${t.offices.blankoStock} - 1` })
          .where(and(eq(t.offices.id, office.id), sql`${t.offices.blankoStock} > 0`))
          .run();
        if (used.changes === 0) stamp.suket = true;
      }
    }
    const updated = ctx.db
      .update(t.tickets)
      .set({ ...stamp, status: next.status, recallCount: next.recallCount, counterId: next.counterId, serviceId: next.serviceId })
      .where(and(eq(t.tickets.id, ticket.id), eq(t.tickets.status, ticket.status)))
      .returning()
      .get() ?? fail('CONFLICT');
    const counterId = ticket.counterId;
    if (counterId !== null && leavesCounter(next.status)) {
      ctx.db.update(t.counters).set({ currentTicketId: null }).where(and(eq(t.counters.id, counterId), eq(t.counters.currentTicketId, ticket.id))).run();
    }
    recordEvent(ctx, updated, STEP_EVENTS[event], now, actor, counterId);
    if (event === 'complete') inviteToSurvey(ctx, updated, now);
    if (urgent !== undefined) {
      audit(ctx, { officeId: office.id, userId: actor.userId, action: URGENT_AUDIT, target: updated.number, detail: { via: 'transfer', service: options.service!, reason: urgent } }, now);
    }
    return { ticket: updated, event: STEP_EVENTS[event], counterId };
  });

export const setCounterStatus = (ctx: StoreCtx, counterId: number, status: CounterStatus, actor: Actor, now: DateTime): CounterRow =>
  writeTx(ctx, () => {
    const counter = loadCounter(ctx, counterId);
    assertOffice(actor, counter.officeId);
    checkStatusChange(status, currentTicket(ctx, counter));
    ctx.db.update(t.counters).set({ status }).where(eq(t.counters.id, counterId)).run();
    audit(ctx, { officeId: counter.officeId, userId: actor.userId, action: `counter.${status}`, target: counter.name }, now);
    return loadCounter(ctx, counterId);
  });


