/**
 * Counter use cases (as ../sqlite/ticketSteps.ts): call the next ticket, step a ticket's life, open
 * or pause a counter. Each is one transaction under the office's lock, so a counter's check-then-act
 * never interleaves with another's in any process; the guards and the step are the domain's
 * (counter, queue, ticketState), and the ticket's status is still compared-and-set.
 */
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { completionUsesBlanko } from '../../domain/blanko';
import { checkCanCall, checkStatusChange } from '../../domain/counter';
import { fail, invalid } from '../../domain/errors';
import { chooseNext } from '../../domain/queue';
import { checkTicketDay, leavesCounter, STEP_EVENTS, stepStamps, stepTicket, type TicketAction, type TicketStatus } from '../../domain/ticketState';
import { todayIn } from '../../domain/time';
import * as t from './schema';
import type { CounterStatus } from '../../../shared/types';
import { allRows, columnsOf, exec, getRow, officeLock, row, withTx, type Conn, type PgCtx, type Tx } from './connection';
import { assertOffice, type Actor } from '../../domain/policy';
import { audit } from './journal';
import { closedReason, loadOffice, serviceByCode } from './offices';
import { decideUrgentTransfer, URGENT_AUDIT } from '../../domain/urgentCase';
import { loadCounters, toCandidate, type CounterRow } from './queueView';
import type { TicketRow } from './tickets';
import { inviteToSurvey } from './survey';

export type TicketChange = { ticket: TicketRow; event: string; counterId: number | null };

/** The office a counter or a ticket belongs to (it never changes): whose lock to take before reading it again inside. */
const officeOf = async (c: Conn, table: 'counters' | 'tickets', id: number | string): Promise<string> =>
  (await row<{ officeId: string }>(c, `SELECT office_id AS "officeId" FROM ${table} WHERE id = ?`, id))?.officeId ?? fail('NOT_FOUND');

const loadCounter = async (c: Conn, officeId: string, counterId: number): Promise<CounterRow> =>
  (await loadCounters(c, officeId)).find((counter) => counter.id === counterId) ?? fail('NOT_FOUND');

/** The ticket the counter last took, as the counter guards read it. */
const currentTicket = async (c: Conn, counter: CounterRow) =>
  counter.currentTicketId ? getRow(c, t.tickets, 'WHERE id = ?', counter.currentTicketId) : undefined;

const recordEvent = (tx: Tx, ticket: TicketRow, type: string, now: DateTime, actor: Actor, counterId: number | null) =>
  exec(
    tx,
    'INSERT INTO ticket_events (office_id, ticket_id, type, at, counter_id, user_id, service_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ticket.officeId, ticket.id, type, now.toMillis(), counterId, actor.userId, ticket.serviceId,
  );

const WAITING_SQL = "WHERE office_id = ? AND date = ? AND status = 'waiting'";
// Compare-and-set on the status: a ticket leaves 'waiting' exactly once.
const CALL_SQL = `UPDATE tickets SET status = 'called', counter_id = ?, recall_count = 0, called_at = coalesce(called_at, ?), last_called_at = ?
  WHERE id = ? AND status = 'waiting' RETURNING ${columnsOf(t.tickets)}`;

export const callNext = async (ctx: PgCtx, counterId: number, actor: Actor, now: DateTime): Promise<TicketChange | null> => {
  const officeId = await officeOf(ctx, 'counters', counterId);
  return withTx(ctx, async (tx) => {
    const counter = await loadCounter(tx, officeId, counterId);
    assertOffice(actor, counter.officeId);
    checkCanCall(counter, await currentTicket(tx, counter));
    const office = await loadOffice(tx, counter.officeId);
    const waiting = await allRows(tx, t.tickets, WAITING_SQL, office.id, todayIn(office, now));
    const choice = chooseNext(waiting.map(toCandidate), counter.serviceIds, now.toMillis(), { walkInEvery: office.walkInEvery }, counter.bookingStreak);
    if (!choice) return null;
    const ms = now.toMillis();
    const ticket = (await row<TicketRow>(tx, CALL_SQL, counterId, ms, ms, choice.ticketId)) ?? fail('CONFLICT');
    await exec(tx, 'UPDATE counters SET current_ticket_id = ?, booking_streak = ? WHERE id = ?', ticket.id, choice.bookingStreak, counterId);
    await recordEvent(tx, ticket, 'called', now, actor, counterId);
    return { ticket, event: 'called', counterId };
  }, { locks: [officeLock(officeId)] });
};

export const stepTicketAt = async (
  ctx: PgCtx,
  ticketId: string,
  action: Exclude<TicketAction, 'call'>,
  actor: Actor,
  now: DateTime,
  options: { service?: string; reason?: string } = {},
): Promise<TicketChange> => {
  const officeId = await officeOf(ctx, 'tickets', ticketId);
  return withTx(ctx, async (tx) => {
    const ticket = (await getRow(tx, t.tickets, 'WHERE id = ?', ticketId)) ?? fail('NOT_FOUND');
    assertOffice(actor, ticket.officeId);
    const office = await loadOffice(tx, ticket.officeId);
    checkTicketDay(ticket.date, todayIn(office, now), action);
    let targetServiceId: number | undefined;
    let urgent: string | undefined;
    if (action === 'transfer') {
      if (!options.service) invalid({ service: { key: 'required' } });
      targetServiceId = ((await serviceByCode(tx, office.id, options.service!)) ?? invalid({ service: { key: 'unknown_service' } })).id;
      // Into a service closed today, a transfer is an urgent case: who, why, on the record.
      const closedNow = await closedReason(tx, office, targetServiceId, todayIn(office, now));
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
      const service = await getRow(tx, t.services, 'WHERE id = ?', ticket.serviceId);
      if (completionUsesBlanko(service)) {
        const used = await exec(tx, 'UPDATE offices SET blanko_stock = blanko_stock - 1 WHERE id = ? AND blanko_stock > 0', office.id);
        if (used === 0) stamp.suket = true;
      }
    }
    const [updated] = await tx.db
      .update(t.tickets)
      .set({ ...stamp, status: next.status, recallCount: next.recallCount, counterId: next.counterId, serviceId: next.serviceId })
      .where(and(eq(t.tickets.id, ticket.id), eq(t.tickets.status, ticket.status)))
      .returning();
    if (!updated) fail('CONFLICT');
    const counterId = ticket.counterId;
    if (counterId !== null && leavesCounter(next.status)) {
      await exec(tx, 'UPDATE counters SET current_ticket_id = NULL WHERE id = ? AND current_ticket_id = ?', counterId, ticket.id);
    }
    await recordEvent(tx, updated!, STEP_EVENTS[event], now, actor, counterId);
    if (event === 'complete') await inviteToSurvey(tx, updated!, now);
    if (urgent !== undefined) {
      await audit(tx, { officeId: office.id, userId: actor.userId, action: URGENT_AUDIT, target: updated!.number, detail: { via: 'transfer', service: options.service!, reason: urgent } }, now);
    }
    return { ticket: updated!, event: STEP_EVENTS[event], counterId };
  }, { locks: [officeLock(officeId)] });
};

export const setCounterStatus = async (ctx: PgCtx, counterId: number, status: CounterStatus, actor: Actor, now: DateTime): Promise<CounterRow> => {
  const officeId = await officeOf(ctx, 'counters', counterId);
  return withTx(ctx, async (tx) => {
    const counter = await loadCounter(tx, officeId, counterId);
    assertOffice(actor, counter.officeId);
    checkStatusChange(status, await currentTicket(tx, counter));
    await exec(tx, 'UPDATE counters SET status = ? WHERE id = ?', status, counterId);
    await audit(tx, { officeId: counter.officeId, userId: actor.userId, action: `counter.${status}`, target: counter.name }, now);
    return loadCounter(tx, officeId, counterId);
  }, { locks: [officeLock(officeId)] });
};
