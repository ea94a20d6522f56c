/**
 * The satisfaction survey (SKM, domain/skm): the public ticket with its survey's state, a visitor's
 * anonymous answer, and the IKM report for admins and supervisors.
 */
import type { SkmReport } from '../../shared/skm';
import type { PublicTicket } from '../../shared/types';
import { DomainError } from '../domain/errors';
import { authorize, type Actor } from '../domain/policy';
import { skmReport } from '../domain/skm';
import { addDays } from '../domain/time';
import { outcome, type CommandDeps, type Outcome } from './command';

/** As the other range reports (commands/staffReads). */
const MAX_REPORT_DAYS = 366;

/** The public ticket; once completed, with `survey` (open, answered or closed). */
export const publicTicketWithSurvey = async ({ store, clock }: CommandDeps, ticketId: string): Promise<PublicTicket | undefined> => {
  const now = clock.now();
  const ticket = await store.publicTicket(ticketId, now);
  if (!ticket || ticket.status !== 'done') return ticket;
  const survey = await store.surveyStatus(ticketId, now);
  return survey ? { ...ticket, survey } : ticket;
};

/** A visitor answers the survey of a completed ticket, once; nothing identifies them (the comment is cleaned of numbers and addresses). */
export const answerSurvey = async (
  { store, clock }: CommandDeps, ticketId: string, input: { answers: number[]; comment?: string | undefined },
): Promise<Outcome<{ ticketId: string; survey: 'answered'; answeredAt: string }>> => {
  const now = clock.now();
  const { answeredAt } = await store.answerSurvey(ticketId, { answers: input.answers, comment: input.comment ?? '' }, now);
  return outcome({ ticketId, survey: 'answered', answeredAt: new Date(answeredAt).toISOString() });
};

/** The IKM per service and over all services for the tickets of days `from`–`to` (one day when `to` is left out; at most 366 days). */
export const readSkmReport = async ({ store }: CommandDeps, actor: Actor, officeId: string, from: string, to: string = from): Promise<SkmReport> => {
  if (to < from) throw new DomainError('VALIDATION', {}, { to: { key: 'date_order' } });
  if (addDays(from, MAX_REPORT_DAYS - 1) < to) throw new DomainError('VALIDATION', {}, { to: { key: 'range_too_long', params: { max: MAX_REPORT_DAYS } } });
  authorize(actor, 'report', officeId);
  return skmReport(officeId, from, to, await store.surveyTotals(officeId, from, to));
};
