/** Changing one slot's capacity (a per-date change); never below the places already booked (`domain/slotPlan`). */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { checkSlotCapacity } from '../../domain/slotPlan';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { assertOffice, type Actor } from '../../domain/policy';
import { audit } from './journal';

export const setSlotCapacity = (ctx: StoreCtx, slotId: number, capacity: number, actor: Actor, now: DateTime) =>
  writeTx(ctx, () => {
    const slot = ctx.db.select().from(t.slots).where(eq(t.slots.id, slotId)).get() ?? fail('NOT_FOUND');
    assertOffice(actor, slot.officeId);
    checkSlotCapacity(slot, capacity);
    const updated = ctx.db.update(t.slots).set({ capacity }).where(eq(t.slots.id, slotId)).returning().get();
    audit(ctx, { officeId: slot.officeId, userId: actor.userId, action: 'slot.capacity', target: String(slotId), detail: { from: slot.capacity, to: capacity } }, now);
    return updated;
  });
