/**
 * Urgent-only mode (Lebong, Balikpapan): the office keeps only the chosen services open. The mode
 * is a set of open-ended service closures of kind `urgent_only`, one per other service; these
 * rules say what the mode is now, what may be asked of it, and which of its closures end.
 */
import type { UrgentOnlyState } from '../../shared/staffTypes';
import { closureCurrent, type ClosureDays } from './closures';
import { invalid } from './errors';
import { addDays } from './time';

export type UrgentClosure = ClosureDays & { id: number; serviceId: number | null; reason: string };
type Service = { id: number; code: string };

/** The mode's closures that still cover today or a later day (withdrawn ones do not). */
export const currentUrgentClosures = <C extends UrgentClosure>(closures: readonly C[], today: string): C[] =>
  closures.filter((c) => closureCurrent(c, today));

/** The mode as the admin sees it: on or off, which services are open and closed, since when and why. */
export const urgentOnlyView = (services: readonly Service[], closures: readonly UrgentClosure[], today: string): UrgentOnlyState => {
  const current = currentUrgentClosures(closures, today);
  const closedIds = new Set(current.map((c) => c.serviceId));
  const first = [...current].sort((a, b) => a.from.localeCompare(b.from))[0];
  return {
    active: current.length > 0,
    open: services.filter((s) => !closedIds.has(s.id)).map((s) => s.code),
    closed: services.filter((s) => closedIds.has(s.id)).map((s) => s.code),
    from: first?.from ?? null,
    reason: first?.reason ?? null,
  };
};

/** The services to close for the mode: every service not kept open; refuses no open service, or an unknown one. */
export const urgentOnlyClosings = <S extends Service>(services: readonly S[], open: readonly string[]): S[] => {
  if (open.length === 0) invalid({ open: { key: 'required' } });
  for (const code of open) if (!services.some((s) => s.code === code)) invalid({ open: { key: 'unknown_service' } });
  return services.filter((s) => !open.includes(s.code));
};

/**
 * Ending the mode's current closures after `lastDay`: never before yesterday (what is past stays
 * as it was), and a closure already ending by then is left alone. Returns the last closed day and
 * the closures to end on it.
 */
export const urgentOnlyEnding = <C extends UrgentClosure>(
  closures: readonly C[],
  lastDay: string,
  today: string,
): { last: string; end: C[] } => {
  const yesterday = addDays(today, -1);
  const last = lastDay < yesterday ? yesterday : lastDay;
  return { last, end: currentUrgentClosures(closures, today).filter((c) => c.to === null || c.to > last) };
};
