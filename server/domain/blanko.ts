/**
 * KTP-el blanko: a service that needs a blank card stops when the office's stock is at zero, and
 * the visitor is offered a surat keterangan (suket) instead. Asked by the office view, the
 * availability calendar, walk-ins, bookings and the completion of a ticket.
 */
import { bilingualText } from './messages';

/** `blankoReserve`: cards kept for others (first prints, PRR); the service stops while the stock is at or below it. */
type NeedsBlanko = { needsBlanko: boolean; blankoReserve?: number };

/**
 * Whether a service that needs a blank card takes nobody new: the stock is gone, or down to the
 * reserve the office keeps for others (OKI kept its blanko for citizens just recorded). Tickets
 * already waiting are still served; completing one takes a card while any is left.
 */
export const blankoEmpty = (office: { blankoStock: number }, service: NeedsBlanko): boolean =>
  service.needsBlanko && office.blankoStock <= Math.max(0, service.blankoReserve ?? 0);

/** The reason shown where a service is stopped for want of blanko. */
export const blankoEmptyReason = (): string => bilingualText('blanko_empty');

/**
 * Whether completing a ticket of this service prints a KTP-el, and so uses one blanko. The store
 * takes it from the stock by compare-and-set; when none is left the visitor gets a suket.
 */
export const completionUsesBlanko = (service: NeedsBlanko | undefined): boolean => service?.needsBlanko === true;
