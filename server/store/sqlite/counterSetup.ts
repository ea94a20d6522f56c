/** Counters (loket) and the ordered list of services each one serves. */
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import { checkCounterRemovable, counterServiceOrder } from '../../domain/counterSetup';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice } from './offices';
import { serviceIdsByCode } from './services';

type CounterRow = typeof t.counters.$inferSelect;

const counterOf = (ctx: StoreCtx, officeId: string, counterId: number): CounterRow =>
  ctx.db.select().from(t.counters).where(and(eq(t.counters.id, counterId), eq(t.counters.officeId, officeId))).get() ?? fail('NOT_FOUND');

const nameFree = (ctx: StoreCtx, officeId: string, name: string, except?: number): void => {
  const other = ctx.db.select().from(t.counters).where(and(eq(t.counters.officeId, officeId), eq(t.counters.name, name))).get();
  if (other && other.id !== except) invalid({ name: { key: 'taken' } });
};

const linkServices = (ctx: StoreCtx, counterId: number, serviceIds: number[]): void => {
  ctx.db.delete(t.counterServices).where(eq(t.counterServices.counterId, counterId)).run();
  const links = counterServiceOrder(serviceIds).map((link) => ({ counterId, ...link }));
  if (links.length) ctx.db.insert(t.counterServices).values(links).run();
};

export const createCounter = (ctx: StoreCtx, officeId: string, input: { name: string; services: string[] }, actor: Actor, now: DateTime): CounterRow =>
  writeTx(ctx, () => {
    loadOffice(ctx, officeId);
    nameFree(ctx, officeId, input.name);
    const ids = serviceIdsByCode(ctx, officeId, input.services);
    // A new counter starts closed: it opens when someone sits down at it.
    const counter = ctx.db.insert(t.counters).values({ officeId, name: input.name, status: 'closed' }).returning().get();
    linkServices(ctx, counter.id, ids);
    audit(ctx, { officeId, userId: actor.userId, action: 'counter.create', target: input.name, detail: { services: input.services } }, now);
    return counter;
  });

export const updateCounter = (
  ctx: StoreCtx,
  officeId: string,
  counterId: number,
  patch: { name?: string; services?: string[] },
  actor: Actor,
  now: DateTime,
): CounterRow =>
  writeTx(ctx, () => {
    const counter = counterOf(ctx, officeId, counterId);
    if (patch.name !== undefined && patch.name !== counter.name) {
      nameFree(ctx, officeId, patch.name, counterId);
      ctx.db.update(t.counters).set({ name: patch.name }).where(eq(t.counters.id, counterId)).run();
    }
    if (patch.services) linkServices(ctx, counterId, serviceIdsByCode(ctx, officeId, patch.services));
    audit(ctx, { officeId, userId: actor.userId, action: 'counter.update', target: counter.name, detail: patch }, now);
    return counterOf(ctx, officeId, counterId);
  });

/** Removes a counter that is not handling anyone; its past calls stay in the reports by id. */
export const deleteCounter = (ctx: StoreCtx, officeId: string, counterId: number, actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    const counter = counterOf(ctx, officeId, counterId);
    checkCounterRemovable(counter.currentTicketId ? ctx.db.select().from(t.tickets).where(eq(t.tickets.id, counter.currentTicketId)).get() : undefined);
    ctx.db.delete(t.counterServices).where(eq(t.counterServices.counterId, counterId)).run();
    ctx.db.delete(t.counters).where(eq(t.counters.id, counterId)).run();
    audit(ctx, { officeId, userId: actor.userId, action: 'counter.delete', target: counter.name }, now);
  });
