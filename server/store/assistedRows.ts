/** The row both engines read for an assistant's own list, and its view (assistStore.ts). */
import type { AssistedBookingView } from '../../shared/staffTypes';
import { maskPhone } from '../domain/phone';
import { isoInZone } from '../domain/time';

/** One row of ASSISTED_SQL (columns named alike in both engines). */
export type AssistedRow = {
  code: string; date: string; status: string; name: string | null; phone: string | null; contactIsHelper: boolean | number; createdAt: number;
  startAt: number; endAt: number; service: string; serviceName: string; requirementsId: string; requirementsEn: string;
};

/**
 * The maker's bookings of one office from a day on, newest first: the office-and-date index,
 * then the maker (no index of its own: an assistant's list is a small part of a day).
 * Parameters: office, first day, maker, limit.
 */
export const ASSISTED_SQL = `SELECT b.code, b.date, b.status, b.name, b.phone, b.contact_is_helper AS "contactIsHelper", b.created_at AS "createdAt",
    s.start_at AS "startAt", s.end_at AS "endAt", v.code AS service, v.name_id AS "serviceName", v.requirements_id AS "requirementsId", v.requirements_en AS "requirementsEn"
  FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN services v ON v.id = b.service_id
  WHERE b.office_id = ? AND b.date >= ? AND b.created_by_user_id = ?
  ORDER BY b.created_at DESC, b.id DESC LIMIT ?`;

export const assistedView = (r: AssistedRow, timezone: string): AssistedBookingView => ({
  code: r.code,
  service: r.service,
  serviceName: r.serviceName,
  date: r.date,
  start: isoInZone(r.startAt, timezone),
  end: isoInZone(r.endAt, timezone),
  status: r.status as AssistedBookingView['status'],
  name: r.name,
  phoneMasked: r.phone ? maskPhone(r.phone) : '',
  contactIsHelper: Boolean(r.contactIsHelper),
  requirements: r.requirementsId.trim(),
  requirementsEn: r.requirementsEn.trim(),
  createdAt: r.createdAt,
});
