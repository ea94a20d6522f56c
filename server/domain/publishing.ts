/**
 * A new office is a draft until an admin publishes it (issue 15, item 10): a half-built office
 * (no services yet) is not listed to visitors and takes no visitor's booking. Publishing asks
 * that visitors would find something there; taking it back (a draft again) is always allowed.
 */
import { fail } from './errors';

export const checkPublishable = (office: { activeServices: number; openDays: number }): void => {
  if (office.activeServices === 0) fail('OFFICE_NOT_READY', { variant: 'services' });
  if (office.openDays === 0) fail('OFFICE_NOT_READY', { variant: 'hours' });
};
