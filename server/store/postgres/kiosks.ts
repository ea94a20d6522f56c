/** Kiosks of an office: listed without their tokens (only hashes are stored), revoked for good. */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { exec, officeLock, row, rows, withTx, type Conn, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import type { KioskView } from '../../../shared/staffTypes';

const KIOSKS = 'SELECT id, name, created_at AS "createdAt", revoked_at AS "revokedAt" FROM kiosks';

export const listKiosks = (c: Conn, officeId: string): Promise<KioskView[]> => rows<KioskView>(c, `${KIOSKS} WHERE office_id = ? ORDER BY id`, officeId);

export const revokeKiosk = (ctx: PgCtx, officeId: string, kioskId: number, actor: Actor, now: DateTime): Promise<KioskView> =>
  withTx(ctx, async (tx) => {
    const kiosk = (await row<{ name: string }>(tx, 'SELECT name FROM kiosks WHERE id = ? AND office_id = ?', kioskId, officeId)) ?? fail('NOT_FOUND');
    await exec(tx, 'UPDATE kiosks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', now.toMillis(), kioskId);
    await audit(tx, { officeId, userId: actor.userId, action: 'kiosk.revoke', target: kiosk.name }, now);
    return (await row<KioskView>(tx, `${KIOSKS} WHERE id = ?`, kioskId))!;
  }, { locks: [officeLock(officeId)] });
