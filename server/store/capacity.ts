/** Changing one slot's capacity (a per-date change); never below the places already booked. */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../domain/errors';
import * as t from '../db/schema';
import { writeTx, type StoreCtx } from './context';
import { assertOffice, type Actor } from './actor';
import { audit } from './notify';

export const setSlotCapacity = (ctx: StoreCtx, slotId: number, capacity: number, actor: Actor, now: DateTime) =>
  writeTx(ctx, () => {
    const slot = ctx.db.select().from(t.slots).where(eq(t.slots.id, slotId)).get() ?? fail('NOT_FOUND');
    assertOffice(actor, slot.officeId);
    if (capacity < slot.booked) fail('CAPACITY_BELOW_BOOKED', { booked: slot.booked });
    const updated = ctx.db.update(t.slots).set({ capacity }).where(eq(t.slots.id, slotId)).returning().get();
    audit(ctx, { officeId: slot.officeId, userId: actor.userId, action: 'slot.capacity', target: String(slotId), detail: { from: slot.capacity, to: capacity } }, now);
    return updated;
  });
