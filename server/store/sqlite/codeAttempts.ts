/**
 * Tries on a booking code with the NIK's last four digits, counted per code (domain/codeAttempts
 * decides; this keeps the count). Asked before every operation that takes `nik4`:
 * - a locked code refuses the try, right or wrong: TOO_MANY_ATTEMPTS;
 * - a wrong answer, or a code that does not exist, is counted and audited (code, address, time;
 *   never the digits) in a transaction of its own, committed before the NOT_FOUND it answers;
 *   the answer that locks the code queues a WhatsApp message to the booking's holder.
 * A right answer writes nothing.
 */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { afterWrongAnswer, attemptKey, codeLockedUntil, WINDOW_MS } from '../../domain/codeAttempts';
import { DomainError, fail } from '../../domain/errors';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { audit, enqueueNotification } from './journal';
import { loadOffice } from './offices';

const attemptsOf = (ctx: StoreCtx, key: string) => ctx.db.select().from(t.codeAttempts).where(eq(t.codeAttempts.code, key)).get();

const bookingOf = (ctx: StoreCtx, key: string) =>
  ctx.db
    .select({ id: t.bookings.id, officeId: t.bookings.officeId, nikLast4: t.bookings.nikLast4, phone: t.bookings.phone })
    .from(t.bookings)
    .where(eq(t.bookings.code, key))
    .get();

/**
 * Forgets the counts that no longer matter: window passed and lock (if any) ended, so that the next
 * wrong answer would start afresh anyway (domain/codeAttempts). The table then holds only codes tried lately; the retention job runs it.
 */
export const forgetCodeAttempts = (ctx: StoreCtx, now: DateTime): number =>
  ctx.sqlite
    .prepare('DELETE FROM code_attempts WHERE window_started_at <= ? AND coalesce(locked_until, 0) <= ?')
    .run(now.toMillis() - WINDOW_MS, now.toMillis()).changes;

/** Lets a right answer on an unlocked code through; otherwise counts what must be counted and refuses. */
export const checkCodeTry = (ctx: StoreCtx, code: string, nik4: string, now: DateTime, address: string, notifyChannel: string): void => {
  const key = attemptKey(code);
  if (codeLockedUntil(attemptsOf(ctx, key), now.toMillis()) !== null) fail('TOO_MANY_ATTEMPTS');
  const booking = bookingOf(ctx, key);
  if (booking?.nikLast4 && booking.nikLast4 === nik4) return;
  if (!recordWrongTry(ctx, key, booking, now, address, notifyChannel, 'booking.wrong_nik4')) fail('TOO_MANY_ATTEMPTS');
  throw new DomainError('NOT_FOUND');
};

/** A wrong confirmation code counts like a wrong `nik4` (API.md "Confirmation"); false when the code was locked meanwhile. */
export const recordWrongOtp = (ctx: StoreCtx, code: string, now: DateTime, address: string, notifyChannel: string): boolean => {
  const key = attemptKey(code);
  return recordWrongTry(ctx, key, bookingOf(ctx, key), now, address, notifyChannel, 'booking.wrong_otp');
};

/**
 * Counts and audits one wrong answer on a code in a transaction of its own, and queues the holder's
 * message when it locks the code; false (nothing counted) when another process locked it meanwhile.
 */
const recordWrongTry = (
  ctx: StoreCtx, key: string, booking: ReturnType<typeof bookingOf>, now: DateTime, address: string, notifyChannel: string, action: string,
): boolean =>
  writeTx(ctx, () => {
    const before = attemptsOf(ctx, key);
    // Locked meanwhile by another process on the same file: refused, not counted again.
    if (codeLockedUntil(before, now.toMillis()) !== null) return false;
    const next = afterWrongAnswer(before, now.toMillis());
    ctx.db.insert(t.codeAttempts).values({ code: key, ...next }).onConflictDoUpdate({ target: t.codeAttempts.code, set: next }).run();
    const lockedUntil = next.lockedUntil !== null ? { lockedUntil: next.lockedUntil } : {};
    audit(ctx, { officeId: booking?.officeId ?? null, userId: null, action, target: key, detail: { address, failures: next.failures, ...lockedUntil } }, now);
    if (next.lockedUntil !== null && booking?.phone) {
      const office = loadOffice(ctx, booking.officeId);
      const payload = { code: key, office: office.name, until: isoInZone(next.lockedUntil, office.timezone) };
      enqueueNotification(ctx, { officeId: office.id, bookingId: booking.id, recipient: booking.phone, template: 'code_locked', payload }, notifyChannel, now);
    }
    return true;
  });
