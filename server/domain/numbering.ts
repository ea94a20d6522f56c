/**
 * Ticket numbers: the service's prefix letter and a sequence that restarts at the
 * office's local midnight. Three digits up to 999 (A001…A999); past that the
 * number simply grows (A1000, A1001, …) rather than wrapping, because a wrapped
 * number would give two visitors of the same day the same ticket.
 */
export const formatTicketNumber = (prefix: string, sequence: number): string => {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad ticket sequence ${sequence}`);
  return `${prefix}${String(sequence).padStart(3, '0')}`;
};

export const nextSequence = (lastIssued: number | null): number => (lastIssued ?? 0) + 1;
