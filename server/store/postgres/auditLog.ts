/**
 * The audit log as admins read it: every staff action of an office with who, what, when.
 * Two sources make it complete: audit_log (settings, closures, accounts, sign-ins…) and the
 * ticket steps staff took at the counters (ticket_events with a user).
 */
import { localDaysWindow, mergedPage } from '../../domain/auditTrail';
import { isoInZone } from '../../domain/time';
import { rows, type Conn } from './connection';
import type { OfficeRow } from './offices';
import type { AuditEntry, AuditQuery } from '../../../shared/staffTypes';

type Source = { at: number; id: number; officeId: string | null; userId: number | null; action: string; target: string | null; detail: Record<string, unknown> };

// Sign-ins are logged without an office: they belong to the office of the one signing in.
const LOG = `SELECT at, id, office_id AS "officeId", user_id AS "userId", action, target, detail FROM audit_log
  WHERE (office_id = ? OR (office_id IS NULL AND user_id IN (SELECT id FROM users WHERE office_id = ?))) AND at >= ? AND at < ?
  ORDER BY at DESC, id DESC LIMIT ?`;

const STEPS = `SELECT e.at, e.id, e.user_id AS "userId", e.type, t.number, c.name AS counter FROM ticket_events e
  JOIN tickets t ON t.id = e.ticket_id LEFT JOIN counters c ON c.id = e.counter_id
  WHERE e.office_id = ? AND e.user_id IS NOT NULL AND e.at >= ? AND e.at < ?
  ORDER BY e.at DESC, e.id DESC LIMIT ?`;

export const readAudit = async (c: Conn, office: OfficeRow, q: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }> => {
  const { fromMs, toMs } = localDaysWindow(q.from, q.to, office.timezone);
  const take = q.offset + q.limit + 1;
  const logRows: Source[] =
    q.kind === 'tickets'
      ? []
      : (await rows<Omit<Source, 'detail'> & { detail: string }>(c, LOG, office.id, office.id, fromMs, toMs, take)).map((r) => ({
          ...r,
          officeId: r.officeId ?? office.id,
          detail: JSON.parse(r.detail) as Record<string, unknown>,
        }));
  const stepRows: Source[] =
    q.kind === 'admin'
      ? []
      : (await rows<{ at: number; id: number; userId: number; type: string; number: string; counter: string | null }>(c, STEPS, office.id, fromMs, toMs, take)).map(
          (e) => ({ at: e.at, id: e.id, officeId: office.id, userId: e.userId, action: `ticket.${e.type}`, target: e.number, detail: e.counter ? { counter: e.counter } : {} }),
        );
  const { page, more } = mergedPage([logRows, stepRows], q.offset, q.limit);
  const userIds = [...new Set(page.map((r) => r.userId).filter((id): id is number => id !== null))];
  const users = new Map(
    (userIds.length
      ? await rows<{ id: number; username: string; displayName: string }>(c, 'SELECT id, username, display_name AS "displayName" FROM users WHERE id = ANY(?)', userIds)
      : []
    ).map((u) => [u.id, u]),
  );
  return {
    entries: page.map((r) => ({
      at: isoInZone(r.at, office.timezone),
      officeId: r.officeId,
      user: r.userId === null ? null : (users.get(r.userId) ?? null),
      action: r.action,
      target: r.target,
      detail: r.detail,
    })),
    more,
  };
};
