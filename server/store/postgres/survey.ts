/**
 * The satisfaction survey (SKM, domain/skm) on PostgreSQL, as ../sqlite/survey.ts: the survey's
 * state of a ticket, the one anonymous answer per completed ticket (the primary key decides a race
 * between two answers, in any process), the report's sums, and the WhatsApp invitation queued when a
 * booked ticket is completed (inviteToSurvey, inside the ticket step's transaction).
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { checkCanAnswer, cleanComment, surveyStatusOf, type SurveyTotals } from '../../domain/skm';
import { ticketStatusUrl } from '../daySnapshot';
import type { SurveyStore } from '../surveyStore';
import { exec, row, rows, withTx, type Conn, type PgCtx } from './connection';

type TicketSurveyRow = { id: string; officeId: string; serviceId: number; date: string; status: string; completedAt: string | number | null; answered: boolean };

const TICKET_SQL = `SELECT t.id AS id, t.office_id AS "officeId", t.service_id AS "serviceId", t.date AS date, t.status AS status, t.completed_at AS "completedAt",
    (r.ticket_id IS NOT NULL) AS answered
  FROM tickets t LEFT JOIN survey_responses r ON r.ticket_id = t.id WHERE t.id = ?`;
const INSERT_SQL = `INSERT INTO survey_responses (ticket_id, office_id, service_id, date, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, comment)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING`;
const SUMS_SQL = `SELECT service_id AS "serviceId", COUNT(*) AS n,
    SUM(u1) AS s1, SUM(u2) AS s2, SUM(u3) AS s3, SUM(u4) AS s4, SUM(u5) AS s5, SUM(u6) AS s6, SUM(u7) AS s7, SUM(u8) AS s8, SUM(u9) AS s9
  FROM survey_responses WHERE office_id = ? AND date >= ? AND date <= ? GROUP BY service_id`;
const COMMENTS_SQL = `SELECT r.date AS date, s.code AS service, r.comment AS text FROM survey_responses r JOIN services s ON s.id = r.service_id
  WHERE r.office_id = ? AND r.date >= ? AND r.date <= ? AND r.comment <> '' ORDER BY r.answered_at DESC, r.ticket_id LIMIT 50`;
const INVITE_SQL = `INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, next_attempt_at, created_at, dedupe_key)
  VALUES (?, ?, ?, ?, 'survey', ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

type SumsRow = { serviceId: number; n: string | number } & Record<string, string | number | null>;
const sumsOf = (r: SumsRow | undefined): number[] => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(r?.[`s${i}`] ?? 0));

const ticketOf = async (c: Conn, ticketId: string) => {
  const t = await row<TicketSurveyRow>(c, TICKET_SQL, ticketId);
  return t ? { ...t, completedAt: t.completedAt === null ? null : Number(t.completedAt) } : undefined;
};

export const surveyOperations = (ctx: PgCtx): SurveyStore => ({
  surveyStatus: async (ticketId, now) => {
    const ticket = await ticketOf(ctx, ticketId);
    return ticket ? surveyStatusOf(ticket, ticket.answered, now.toMillis()) : undefined;
  },
  answerSurvey: async (ticketId, { answers, comment }, now) =>
    withTx(ctx, async (tx) => {
      const ticket = (await ticketOf(tx, ticketId)) ?? fail('NOT_FOUND');
      checkCanAnswer(ticket, ticket.answered, now.toMillis());
      const at = now.toMillis();
      const added = await exec(tx, INSERT_SQL, ticket.id, ticket.officeId, ticket.serviceId, ticket.date, at, ...answers, cleanComment(comment));
      if (added === 0) fail('ALREADY_ANSWERED');
      return { answeredAt: at };
    }),
  surveyTotals: async (officeId, from, to) =>
    withTx(ctx, async (tx) => {
      const office = (await row<{ name: string }>(tx, 'SELECT name FROM offices WHERE id = ?', officeId)) ?? fail('NOT_FOUND');
      const services = await rows<{ id: number; code: string; name: string; nameEn: string; active: boolean }>(
        tx, 'SELECT id, code, name_id AS name, name_en AS "nameEn", active FROM services WHERE office_id = ? ORDER BY position, code', officeId,
      );
      const sums = new Map((await rows<SumsRow>(tx, SUMS_SQL, officeId, from, to)).map((r) => [r.serviceId, r]));
      const totals: SurveyTotals = {
        officeName: office.name,
        services: services.map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn, active: s.active, responses: Number(sums.get(s.id)?.n ?? 0), sums: sumsOf(sums.get(s.id)) })),
        comments: await rows<SurveyTotals['comments'][number]>(tx, COMMENTS_SQL, officeId, from, to),
      };
      return totals;
    }, { readOnly: true }),
});

/**
 * Inside the step that completed `ticket` (on its transaction): where it came from a booking that
 * still has a phone, queue the survey's invitation once (dedupe key `survey:<ticket id>`). A
 * walk-in has no phone: the status page behind its ticket's QR code offers the survey.
 */
export const inviteToSurvey = async (
  tx: Conn, ticket: { id: string; officeId: string; bookingId: number | null; number: string; serviceId: number }, now: DateTime,
): Promise<void> => {
  // The store's context (index.ts PgStoreCtx) carries the channel; a transaction is a copy of it.
  const channel = (tx as Conn & { notifyChannel?: string }).notifyChannel;
  if (!channel || ticket.bookingId === null) return;
  const to = await row<{ phone: string | null; office: string; service: string }>(
    tx,
    'SELECT b.phone AS phone, o.name AS office, s.name_id AS service FROM bookings b JOIN offices o ON o.id = b.office_id JOIN services s ON s.id = ? WHERE b.id = ?',
    ticket.serviceId, ticket.bookingId,
  );
  if (!to?.phone) return;
  const link = tx.publicBaseUrl ? `${tx.publicBaseUrl.replace(/\/$/, '')}${ticketStatusUrl(ticket.id)}` : '';
  const payload = JSON.stringify({ number: ticket.number, office: to.office, service: to.service, link });
  await exec(tx, INVITE_SQL, ticket.officeId, ticket.bookingId, channel, to.phone, payload, now.toMillis(), now.toMillis(), `survey:${ticket.id}`);
};
