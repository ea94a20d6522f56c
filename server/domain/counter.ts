/**
 * Guards of a counter (loket): it calls only while open and free, and it is not closed while it
 * still holds a called or served ticket. Which ticket it calls is domain/queue.ts's chooseNext.
 */
import { heldAtCounter } from '../../shared/ticketSteps';
import type { CounterStatus } from '../../shared/types';
import { fail } from './errors';

/** The ticket the counter last took, if any: its status and number. */
export type CounterTicket = { status: string; number: string } | undefined;

const refuseWhileHeld = (current: CounterTicket): void => {
  if (current && heldAtCounter(current.status)) fail('COUNTER_BUSY', { number: current.number });
};

/** Refuses COUNTER_NOT_OPEN, then COUNTER_BUSY while its ticket is still called or being served. */
export const checkCanCall = (counter: { status: string }, current: CounterTicket): void => {
  if (counter.status !== 'open') fail('COUNTER_NOT_OPEN');
  refuseWhileHeld(current);
};

/** Opening or pausing is always allowed; closing waits until the counter's ticket is finished. */
export const checkStatusChange = (status: CounterStatus, current: CounterTicket): void => {
  if (status === 'closed') refuseWhileHeld(current);
};
