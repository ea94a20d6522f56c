/**
 * Tries on a booking code with the NIK's last four digits, counted per code (domain/codeAttempts
 * decides; this keeps the count), as ../sqlite/codeAttempts.ts. Asked before every operation
 * that takes `nik4`:
 * - a locked code refuses the try, right or wrong: TOO_MANY_ATTEMPTS;
 * - a wrong answer, or a code that does not exist, is counted and audited (code, address, time;
 *   never the digits) in a transaction of its own, committed before the NOT_FOUND it answers;
 *   the answer that locks the code queues a WhatsApp message to the booking's holder.
 *
 * Counting is atomic across processes: under the code's advisory lock the count is read again and
 * the domain decides from it, so wrong answers sent at once to several processes count one each
 * and no more than the limit pass before the lock. A right answer takes no lock and writes
 * nothing: read from committed rows, it comes before any wrong answer not yet committed.
 */
import type { DateTime } from 'luxon';
import { afterWrongAnswer, attemptKey, codeLockedUntil, WINDOW_MS, type CodeAttempts } from '../../domain/codeAttempts';
import { DomainError, fail } from '../../domain/errors';
import { isoInZone } from '../../domain/time';
import * as t from './schema';
import { exec, getRow, row, withTx, type Conn, type PgCtx } from './connection';
import { audit, enqueueNotification } from './journal';
import { loadOffice } from './offices';

/** The advisory lock of a booking code's count. */
export const codeKey = (key: string): string => `code:${key}`;

const attemptsOf = (c: Conn, key: string) => getRow(c, t.codeAttempts, 'WHERE code = ?', key);

const bookingOf = (c: Conn, key: string) =>
  row<{ id: number; officeId: string; nikLast4: string | null; phone: string | null }>(
    c, 'SELECT id, office_id AS "officeId", nik_last4 AS "nikLast4", phone FROM bookings WHERE code = ?', key,
  );

/**
 * Forgets the counts that no longer matter: window passed and lock (if any) ended, so that the next
 * wrong answer would start afresh anyway (domain/codeAttempts). The table then holds only codes tried lately; the retention job runs it. A count being raised now
 * has a fresh window and is not touched.
 */
export const forgetCodeAttempts = async (c: Conn, now: DateTime): Promise<number> =>
  exec(c, 'DELETE FROM code_attempts WHERE window_started_at <= ? AND coalesce(locked_until, 0) <= ?', now.toMillis() - WINDOW_MS, now.toMillis());

/** Lets a right answer on an unlocked code through; otherwise counts what must be counted and refuses. */
export const checkCodeTry = async (ctx: PgCtx, code: string, nik4: string, now: DateTime, address: string, notifyChannel: string): Promise<void> => {
  const key = attemptKey(code);
  if (codeLockedUntil(await attemptsOf(ctx, key), now.toMillis()) !== null) fail('TOO_MANY_ATTEMPTS');
  const booking = await bookingOf(ctx, key);
  if (booking?.nikLast4 && booking.nikLast4 === nik4) return;
  if (!(await recordWrongTry(ctx, key, booking, now, address, notifyChannel, 'booking.wrong_nik4'))) fail('TOO_MANY_ATTEMPTS');
  throw new DomainError('NOT_FOUND');
};

/** A wrong confirmation code counts like a wrong `nik4` (API.md "Confirmation"); false when the code was locked meanwhile. */
export const recordWrongOtp = async (ctx: PgCtx, code: string, now: DateTime, address: string, notifyChannel: string): Promise<boolean> => {
  const key = attemptKey(code);
  return recordWrongTry(ctx, key, await bookingOf(ctx, key), now, address, notifyChannel, 'booking.wrong_otp');
};

/**
 * Counts and audits one wrong answer on a code in a transaction of its own under the code's lock, and
 * queues the holder's message when it locks the code; false (nothing counted) when another process locked it meanwhile.
 */
const recordWrongTry = async (
  ctx: PgCtx, key: string, booking: Awaited<ReturnType<typeof bookingOf>>, now: DateTime, address: string, notifyChannel: string, action: string,
): Promise<boolean> => {
  const counted = await withTx(ctx, async (tx): Promise<CodeAttempts | null> => {
    const before = await attemptsOf(tx, key);
    // Locked meanwhile by another process's try: refused, not counted again.
    if (codeLockedUntil(before, now.toMillis()) !== null) return null;
    const next = afterWrongAnswer(before, now.toMillis());
    await exec(
      tx,
      `INSERT INTO code_attempts (code, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
      key, next.failures, next.windowStartedAt, next.lockedUntil,
    );
    const lockedUntil = next.lockedUntil !== null ? { lockedUntil: next.lockedUntil } : {};
    await audit(tx, { officeId: booking?.officeId ?? null, userId: null, action, target: key, detail: { address, failures: next.failures, ...lockedUntil } }, now);
    if (next.lockedUntil !== null && booking?.phone) {
      const office = await loadOffice(tx, booking.officeId);
      const payload = { code: key, office: office.name, until: isoInZone(next.lockedUntil, office.timezone) };
      await enqueueNotification(tx, { officeId: office.id, bookingId: booking.id, recipient: booking.phone, template: 'code_locked', payload }, notifyChannel, now);
    }
    return next;
  }, { locks: [codeKey(key)] });
  return counted !== null;
};
