/** Publishing an office to visitors, or taking it back to a draft (domain/publishing), under the office's lock; audited. */
import type { DateTime } from 'luxon';
import { assertOffice, type Actor } from '../../domain/policy';
import { checkPublishable } from '../../domain/publishing';
import { exec, officeLock, row, withTx, type PgCtx } from './connection';
import { audit } from './journal';
import { loadOffice, type OfficeRow } from './offices';

export const setOfficePublished = (ctx: PgCtx, officeId: string, published: boolean, actor: Actor, now: DateTime): Promise<OfficeRow> =>
  withTx(ctx, async (tx) => {
    assertOffice(actor, officeId);
    const office = await loadOffice(tx, officeId);
    if (published === (office.publishedAt !== null)) return office;
    if (published) {
      const counts = (await row<{ activeServices: number; openDays: number }>(
        tx,
        `SELECT (SELECT count(*)::int FROM services WHERE office_id = ? AND active) AS "activeServices",
                (SELECT count(*)::int FROM opening_hours WHERE office_id = ?) AS "openDays"`,
        officeId, officeId,
      ))!;
      checkPublishable(counts);
    }
    await exec(tx, 'UPDATE offices SET published_at = ? WHERE id = ?', published ? now.toMillis() : null, officeId);
    await audit(tx, { officeId, userId: actor.userId, action: published ? 'office.publish' : 'office.unpublish', target: officeId }, now);
    return loadOffice(tx, officeId);
  }, { locks: [officeLock(officeId)] });
