/** Counters (loket) and the ordered list of services each one serves; changed under the office's lock (the live queue reads them). */
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import { checkCounterRemovable, counterServiceOrder } from '../../domain/counterSetup';
import * as t from './schema';
import { exec, getRow, insertReturning, officeLock, withTx, type Conn, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice } from './offices';
import { serviceIdsByCode } from './services';

type CounterRow = typeof t.counters.$inferSelect;

const counterOf = async (c: Conn, officeId: string, counterId: number): Promise<CounterRow> =>
  (await getRow(c, t.counters, 'WHERE id = ? AND office_id = ?', counterId, officeId)) ?? fail('NOT_FOUND');

const nameFree = async (c: Conn, officeId: string, name: string, except?: number): Promise<void> => {
  const other = await getRow(c, t.counters, 'WHERE office_id = ? AND name = ?', officeId, name);
  if (other && other.id !== except) invalid({ name: { key: 'taken' } });
};

const linkServices = async (c: Conn, counterId: number, serviceIds: number[]): Promise<void> => {
  await exec(c, 'DELETE FROM counter_services WHERE counter_id = ?', counterId);
  const links = counterServiceOrder(serviceIds).map((link) => ({ counterId, ...link }));
  if (links.length) await c.db.insert(t.counterServices).values(links);
};

export const createCounter = (ctx: PgCtx, officeId: string, input: { name: string; services: string[] }, actor: Actor, now: DateTime): Promise<CounterRow> =>
  withTx(ctx, async (tx) => {
    await loadOffice(tx, officeId);
    await nameFree(tx, officeId, input.name);
    const ids = await serviceIdsByCode(tx, officeId, input.services);
    // A new counter starts closed: it opens when someone sits down at it.
    const counter = await insertReturning(tx, t.counters, "INSERT INTO counters (office_id, name, status) VALUES (?, ?, 'closed')", officeId, input.name);
    await linkServices(tx, counter.id, ids);
    await audit(tx, { officeId, userId: actor.userId, action: 'counter.create', target: input.name, detail: { services: input.services } }, now);
    return counter;
  }, { locks: [officeLock(officeId)] });

export const updateCounter = (
  ctx: PgCtx,
  officeId: string,
  counterId: number,
  patch: { name?: string; services?: string[] },
  actor: Actor,
  now: DateTime,
): Promise<CounterRow> =>
  withTx(ctx, async (tx) => {
    const counter = await counterOf(tx, officeId, counterId);
    if (patch.name !== undefined && patch.name !== counter.name) {
      await nameFree(tx, officeId, patch.name, counterId);
      await exec(tx, 'UPDATE counters SET name = ? WHERE id = ?', patch.name, counterId);
    }
    if (patch.services) await linkServices(tx, counterId, await serviceIdsByCode(tx, officeId, patch.services));
    await audit(tx, { officeId, userId: actor.userId, action: 'counter.update', target: counter.name, detail: patch }, now);
    return counterOf(tx, officeId, counterId);
  }, { locks: [officeLock(officeId)] });

/** Removes a counter that is not handling anyone; its past calls stay in the reports by id. */
export const deleteCounter = (ctx: PgCtx, officeId: string, counterId: number, actor: Actor, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const counter = await counterOf(tx, officeId, counterId);
    checkCounterRemovable(counter.currentTicketId ? await getRow(tx, t.tickets, 'WHERE id = ?', counter.currentTicketId) : undefined);
    await exec(tx, 'DELETE FROM counter_services WHERE counter_id = ?', counterId);
    await exec(tx, 'DELETE FROM counters WHERE id = ?', counterId);
    await audit(tx, { officeId, userId: actor.userId, action: 'counter.delete', target: counter.name }, now);
  }, { locks: [officeLock(officeId)] });
