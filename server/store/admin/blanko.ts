/**
 * KTP-el blanko: a service that needs a blank card stops when the stock is at zero, and the
 * visitor is offered a surat keterangan (suket) instead. Shared by the office view, the
 * availability calendar, walk-ins and bookings.
 */
import type { OfficeRow, ServiceRow } from '../offices';

export const BLANKO_EMPTY_REASON =
  'Blanko KTP-el habis: layanan ini berhenti sementara; surat keterangan (suket) diberikan sebagai pengganti KTP-el / ' +
  'KTP-el blank cards are out of stock: this service is paused; a certificate (suket) is given instead of the card';

export const blankoEmpty = (office: Pick<OfficeRow, 'blankoStock'>, service: Pick<ServiceRow, 'needsBlanko'>): boolean =>
  service.needsBlanko && office.blankoStock <= 0;
