/** Publishing an office to visitors, or taking it back to a draft (domain/publishing); audited. */
import type { DateTime } from 'luxon';
import { assertOffice, type Actor } from '../../domain/policy';
import { checkPublishable } from '../../domain/publishing';
import { writeTx, type StoreCtx } from './connection';
import { audit } from './journal';
import { loadOffice, type OfficeRow } from './offices';
import { stmt } from './prepared';

export const setOfficePublished = (ctx: StoreCtx, officeId: string, published: boolean, actor: Actor, now: DateTime): OfficeRow =>
  writeTx(ctx, () => {
    assertOffice(actor, officeId);
    const office = loadOffice(ctx, officeId);
    if (published === (office.publishedAt !== null)) return office;
    if (published) {
      const counts = stmt(
        ctx,
        `SELECT (SELECT count(*) FROM services WHERE office_id = ? AND active = 1) AS activeServices,
                (SELECT count(*) FROM opening_hours WHERE office_id = ?) AS openDays`,
      ).get(officeId, officeId) as { activeServices: number; openDays: number };
      checkPublishable(counts);
    }
    stmt(ctx, 'UPDATE offices SET published_at = ? WHERE id = ?').run(published ? now.toMillis() : null, officeId);
    audit(ctx, { officeId, userId: actor.userId, action: published ? 'office.publish' : 'office.unpublish', target: officeId }, now);
    return loadOffice(ctx, officeId);
  });
