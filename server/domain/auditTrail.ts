/**
 * What the audit trail records of a change, and how its two sources (the audit log and the
 * ticket steps staff took) read as one list, newest first.
 */
import { addDays, atLocal } from './time';

/** The fields of `patch` that differ from `before`: what an update really changed. */
export const changedFields = (before: object, patch: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(patch).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v));

/** The instants [from, to) of local days `from` to `to` inclusive, in the office's zone. */
export const localDaysWindow = (from: string, to: string, zone: string): { fromMs: number; toMs: number } => ({
  fromMs: atLocal(from, '00:00', zone).toMillis(),
  toMs: atLocal(addDays(to, 1), '00:00', zone).toMillis(),
});

/**
 * One page of entries from several sources, each already newest first and at least
 * `offset + limit + 1` long where it has that many: newest first (ties: the higher id first),
 * and whether more follow.
 */
export const mergedPage = <E extends { at: number; id: number }>(
  sources: readonly (readonly E[])[],
  offset: number,
  limit: number,
): { page: E[]; more: boolean } => {
  const merged = sources.flat().sort((a, b) => b.at - a.at || b.id - a.id);
  return { page: merged.slice(offset, offset + limit), more: merged.length > offset + limit };
};
