/**
 * The figures of a day's (or a range's) work, from the tickets and the steps taken on them.
 * Pure: plain rows in, numbers out.
 *
 * - wait: from joining a service's queue (issue, transfer or requeue) to the next call;
 * - service: from starting to completing at a counter;
 * - p90: the nearest-rank 90th percentile (the smallest value with at least 90% of the
 *   samples at or below it), so every figure is one that really happened.
 */
export type StepEvent = { ticketId: string; type: string; at: number; counterId: number | null; serviceId: number | null };
export type Sample = { serviceId: number; counterId: number | null; minutes: number };

export const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);

export const percentile = (values: readonly number[], p: number): number | null => percentileInPlace([...values], p);

/** `percentile`, reordering `values` instead of copying them (for samples nobody reads afterwards). */
export const percentileInPlace = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  return round1(kthSmallest(values, Math.max(0, Math.ceil((p / 100) * values.length) - 1)));
};

/**
 * The value at index `k` of `values` once sorted ascending (the array is reordered): selection in
 * linear time, since a year of waits is too many to sort on every report.
 */
export const kthSmallest = (values: number[], k: number): number => {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    // Median of three as the pivot, then Hoare's partition.
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!, b = values[mid]!, c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
};

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Wait and service samples, calls, completions and no-shows (those no requeue took back) per counter, walking each ticket's steps in order. */
export const measureSteps = (events: readonly StepEvent[]) => {
  const waits: Sample[] = [];
  const services: Sample[] = [];
  const calls: { counterId: number | null; serviceId: number }[] = [];
  const completions: { counterId: number | null; serviceId: number }[] = [];
  const noShows: { counterId: number | null; serviceId: number }[] = [];
  const byTicket = new Map<string, StepEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  }
  for (const steps of byTicket.values()) {
    let queued: { at: number; serviceId: number } | null = null;
    let started: number | null = null;
    // A requeue takes back the no-show before it: the visitor came after all. Counted so, a counter's
    // no-shows are its tickets that stayed no-shows, as a service's are (rangeReport).
    const missed: { counterId: number | null; serviceId: number }[] = [];
    for (const e of steps) {
      const serviceId: number = e.serviceId ?? queued?.serviceId ?? -1;
      switch (e.type) {
        case 'issued':
        case 'transferred':
        case 'requeued':
          if (e.type === 'requeued') missed.pop();
          queued = { at: e.at, serviceId };
          started = null;
          break;
        case 'called':
          calls.push({ counterId: e.counterId, serviceId });
          if (queued) waits.push({ serviceId: queued.serviceId, counterId: e.counterId, minutes: (e.at - queued.at) / 60_000 });
          queued = null;
          break;
        case 'started':
          started = e.at;
          break;
        case 'completed':
          completions.push({ counterId: e.counterId, serviceId });
          if (started !== null) services.push({ serviceId, counterId: e.counterId, minutes: (e.at - started) / 60_000 });
          started = null;
          break;
        case 'no_show':
          missed.push({ counterId: e.counterId, serviceId });
          break;
      }
    }
    noShows.push(...missed);
  }
  return { waits, services, calls, completions, noShows };
};

/** Count per local hour of day (0–23) of the given local hours. */
export const perHour = (hours: readonly number[]): number[] => {
  const counts = Array.from({ length: 24 }, () => 0);
  for (const h of hours) counts[h] = (counts[h] ?? 0) + 1;
  return counts;
};
