/** The office's WhatsApp contact numbers (OKI: one for population registration, one for civil records). */
import { DomainError, invalid } from './errors';
import { normalisePhone } from './phone';

/**
 * A WhatsApp number as stored (+62…): a mobile number as people type it, or a business
 * landline with its area code. Refuses anything else.
 */
export const contactPhone = (input: string): string => {
  const mobile = normalisePhone(input);
  if (mobile) return mobile;
  const digits = input.replace(/[\s\-().]/g, '');
  if (/^\+62[1-9]\d{6,11}$/.test(digits)) return digits;
  if (/^0[1-9]\d{6,11}$/.test(digits)) return `+62${digits.slice(1)}`;
  return invalid({ phone: { key: 'phone' } });
};

/**
 * The WhatsApp contact a visitor of a service is sent to: the office's contact of the service's
 * group (OKI: population registration vs civil records), or, where the group has none, the
 * office's first contact, so that every message about a service names someone to ask. Undefined
 * only when the office has no contact at all.
 */
export const contactForService = <C extends { serviceGroup: string }>(serviceGroup: string, contacts: readonly C[]): C | undefined =>
  (serviceGroup ? contacts.find((c) => c.serviceGroup === serviceGroup) : undefined) ?? contacts[0];

/** What a service offers beyond WhatsApp: neither online booking nor walk-in tickets means WhatsApp only. */
export const whatsappOnly = (service: { bookable: boolean; walkIn: boolean }): boolean => !service.bookable && !service.walkIn;

/**
 * The refusal of a service that cannot be had this way. A WhatsApp-only service (OKI's civil
 * records during the closure of the counters) names its number as the next step; any other says
 * only that this way is not open (the booking page or the kiosk offers the other).
 */
export const serviceUnavailable = (service: { bookable: boolean; walkIn: boolean; whatsapp: { label: string; phone: string } | null } | undefined): DomainError =>
  service?.whatsapp && whatsappOnly(service)
    ? new DomainError('SERVICE_UNAVAILABLE', { variant: 'whatsapp', label: service.whatsapp.label, phone: service.whatsapp.phone })
    : new DomainError('SERVICE_UNAVAILABLE');
