/**
 * Estimated wait from measured service times: a moving average of the service's
 * most recent service durations (falling back to its typical minutes), spread
 * over the counters currently open for it.
 */
export const movingAverageMinutes = (recentDurations: readonly number[], typicalMinutes: number, window = 10): number => {
  const recent = recentDurations.slice(-window);
  if (recent.length === 0) return typicalMinutes;
  return recent.reduce((a, b) => a + b, 0) / recent.length;
};

export const estimateWaitMinutes = (ahead: number, averageServiceMinutes: number, openCounters: number): number =>
  Math.ceil((ahead * averageServiceMinutes) / Math.max(1, openCounters));
