/**
 * The satisfaction survey (SKM, domain/skm) on SQLite: the survey's state of a ticket, the one
 * anonymous answer per completed ticket, the report's sums, and the WhatsApp invitation queued when
 * a booked ticket is completed (inviteToSurvey, called inside the ticket step's transaction).
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { checkCanAnswer, cleanComment, surveyStatusOf, type SurveyTotals } from '../../domain/skm';
import { ticketStatusUrl } from '../daySnapshot';
import type { SurveyStore } from '../surveyStore';
import { writeTx, type StoreCtx } from './connection';
import { stmt } from './prepared';

type TicketSurveyRow = { id: string; officeId: string; serviceId: number; date: string; status: string; completedAt: number | null; answered: number };

const TICKET_SQL = `SELECT t.id AS id, t.office_id AS officeId, t.service_id AS serviceId, t.date AS date, t.status AS status, t.completed_at AS completedAt,
    (r.ticket_id IS NOT NULL) AS answered
  FROM tickets t LEFT JOIN survey_responses r ON r.ticket_id = t.id WHERE t.id = ?`;
const INSERT_SQL = `INSERT INTO survey_responses (ticket_id, office_id, service_id, date, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, comment)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING`;
const SUMS_SQL = `SELECT service_id AS serviceId, COUNT(*) AS n,
    SUM(u1) AS s1, SUM(u2) AS s2, SUM(u3) AS s3, SUM(u4) AS s4, SUM(u5) AS s5, SUM(u6) AS s6, SUM(u7) AS s7, SUM(u8) AS s8, SUM(u9) AS s9
  FROM survey_responses WHERE office_id = ? AND date >= ? AND date <= ? GROUP BY service_id`;
const COMMENTS_SQL = `SELECT r.date AS date, s.code AS service, r.comment AS text FROM survey_responses r JOIN services s ON s.id = r.service_id
  WHERE r.office_id = ? AND r.date >= ? AND r.date <= ? AND r.comment <> '' ORDER BY r.answered_at DESC, r.ticket_id LIMIT 50`;
const INVITE_SQL = `INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, next_attempt_at, created_at, dedupe_key)
  VALUES (?, ?, ?, ?, 'survey', ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/** The notification channel of each store (registered by surveyOperations): the ticket step's transaction knows its ctx only. */
const channels = new WeakMap<StoreCtx, string>();

export type SumsRow = { serviceId: number; n: number } & Record<`s${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, number>;
export const sumsOf = (row: SumsRow | undefined): number[] => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(row?.[`s${i}` as keyof SumsRow] ?? 0));

export const surveyOperations = (ctx: StoreCtx, channel: string): SurveyStore => {
  channels.set(ctx, channel);
  return {
    surveyStatus: async (ticketId, now) => {
      const ticket = stmt(ctx, TICKET_SQL).get(ticketId) as TicketSurveyRow | undefined;
      return ticket ? surveyStatusOf(ticket, ticket.answered === 1, now.toMillis()) : undefined;
    },
    answerSurvey: async (ticketId, { answers, comment }, now) =>
      writeTx(ctx, () => {
        const ticket = (stmt(ctx, TICKET_SQL).get(ticketId) as TicketSurveyRow | undefined) ?? fail('NOT_FOUND');
        checkCanAnswer(ticket, ticket.answered === 1, now.toMillis());
        const at = now.toMillis();
        const added = stmt(ctx, INSERT_SQL).run(ticket.id, ticket.officeId, ticket.serviceId, ticket.date, at, ...answers, cleanComment(comment)).changes;
        if (added === 0) fail('ALREADY_ANSWERED');
        return { answeredAt: at };
      }),
    surveyTotals: async (officeId, from, to) => {
      const office = (stmt(ctx, 'SELECT name FROM offices WHERE id = ?').get(officeId) as { name: string } | undefined) ?? fail('NOT_FOUND');
      const services = stmt(ctx, 'SELECT id, code, name_id AS name, name_en AS nameEn, active FROM services WHERE office_id = ? ORDER BY position, code').all(officeId) as {
        id: number; code: string; name: string; nameEn: string; active: number;
      }[];
      const sums = new Map((stmt(ctx, SUMS_SQL).all(officeId, from, to) as SumsRow[]).map((r) => [r.serviceId, r]));
      const totals: SurveyTotals = {
        officeName: office.name,
        services: services.map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn, active: s.active === 1, responses: Number(sums.get(s.id)?.n ?? 0), sums: sumsOf(sums.get(s.id)) })),
        comments: stmt(ctx, COMMENTS_SQL).all(officeId, from, to) as SurveyTotals['comments'],
      };
      return totals;
    },
  };
};

/** The link of a ticket's status page (where the survey is) for a message; empty without a public address. */
export const surveyLink = (publicBaseUrl: string | undefined, ticketId: string): string =>
  publicBaseUrl ? `${publicBaseUrl.replace(/\/$/, '')}${ticketStatusUrl(ticketId)}` : '';

/**
 * Inside the step that completed `ticket`: where it came from a booking that still has a phone,
 * queue the survey's invitation once (dedupe key `survey:<ticket id>`). A walk-in has no phone:
 * the status page behind its ticket's QR code offers the survey.
 */
export const inviteToSurvey = (ctx: StoreCtx, ticket: { id: string; officeId: string; bookingId: number | null; number: string; serviceId: number }, now: DateTime): void => {
  const channel = channels.get(ctx);
  if (!channel || ticket.bookingId === null) return;
  const to = stmt(ctx, `SELECT b.phone AS phone, o.name AS office, s.name_id AS service FROM bookings b JOIN offices o ON o.id = b.office_id
    JOIN services s ON s.id = ? WHERE b.id = ?`).get(ticket.serviceId, ticket.bookingId) as { phone: string | null; office: string; service: string } | undefined;
  if (!to?.phone) return;
  const payload = JSON.stringify({ number: ticket.number, office: to.office, service: to.service, link: surveyLink(ctx.publicBaseUrl, ticket.id) });
  stmt(ctx, INVITE_SQL).run(ticket.officeId, ticket.bookingId, channel, to.phone, payload, now.toMillis(), now.toMillis(), `survey:${ticket.id}`);
};
