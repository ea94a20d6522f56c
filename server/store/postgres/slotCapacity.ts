/**
 * Changing one slot's capacity (a per-date change); never below the places already booked in it
 * (`domain/slotPlan`). The slot row is locked first: a booking taking a place in it now is waited
 * for, and counted.
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { checkSlotCapacity } from '../../domain/slotPlan';
import * as t from './schema';
import { columnsOf, getRow, row, withTx, type PgCtx } from './connection';
import { assertOffice, type Actor } from '../../domain/policy';
import { audit } from './journal';
import type { SlotRow } from './offices';

export const setSlotCapacity = (ctx: PgCtx, slotId: number, capacity: number, actor: Actor, now: DateTime): Promise<SlotRow> =>
  withTx(ctx, async (tx) => {
    const slot = (await getRow(tx, t.slots, 'WHERE id = ? FOR UPDATE', slotId)) ?? fail('NOT_FOUND');
    assertOffice(actor, slot.officeId);
    checkSlotCapacity(slot, capacity);
    const updated = (await row<SlotRow>(tx, `UPDATE slots SET capacity = ? WHERE id = ? RETURNING ${columnsOf(t.slots)}`, capacity, slotId))!;
    await audit(tx, { officeId: slot.officeId, userId: actor.userId, action: 'slot.capacity', target: String(slotId), detail: { from: slot.capacity, to: capacity } }, now);
    return updated;
  });
