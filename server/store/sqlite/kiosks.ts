/** Kiosks of an office: listed without their tokens (only hashes are stored), revoked for good. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import type { KioskView } from '../../../shared/staffTypes';


export const listKiosks = (ctx: StoreCtx, officeId: string): KioskView[] =>
  ctx.db
    .select({ id: t.kiosks.id, name: t.kiosks.name, createdAt: t.kiosks.createdAt, revokedAt: t.kiosks.revokedAt })
    .from(t.kiosks)
    .where(eq(t.kiosks.officeId, officeId))
    .orderBy(asc(t.kiosks.id))
    .all();

export const revokeKiosk = (ctx: StoreCtx, officeId: string, kioskId: number, actor: Actor, now: DateTime): KioskView =>
  writeTx(ctx, () => {
    const kiosk = ctx.db.select().from(t.kiosks).where(and(eq(t.kiosks.id, kioskId), eq(t.kiosks.officeId, officeId))).get() ?? fail('NOT_FOUND');
    ctx.db.update(t.kiosks).set({ revokedAt: now.toMillis() }).where(and(eq(t.kiosks.id, kioskId), isNull(t.kiosks.revokedAt))).run();
    audit(ctx, { officeId, userId: actor.userId, action: 'kiosk.revoke', target: kiosk.name }, now);
    return listKiosks(ctx, officeId).find((k) => k.id === kioskId)!;
  });
