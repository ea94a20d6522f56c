/**
 * The satisfaction survey (SKM, PermenPANRB 14/2017): when a ticket's survey may be answered, what
 * an answer may hold, and the index (IKM) of a set of answers. Pure: the clock is a parameter.
 *
 * The IKM: the mean score of each of the nine elements (NRR, on 1–4), weighted equally (1/9 each)
 * and summed, is the weighted mean on 1–4; × 25 it is the IKM unit value on 25–100. Since every
 * answer scores all nine elements, the weighted mean is the total of all scores / (9 × answers):
 * it is computed from integer sums and rounded once, half up, so that a boundary such as 88.31
 * is never missed by a floating-point error. Grades: 25.00–64.99 D (Tidak baik), 65.00–76.60 C
 * (Kurang baik), 76.61–88.30 B (Baik), 88.31–100.00 A (Sangat baik), on the IKM rounded to two decimals.
 */
import { DateTime } from 'luxon';
import {
  SKM_ELEMENT_COUNT, SKM_GRADES, SURVEY_COMMENT_MAX, SURVEY_WINDOW_DAYS,
  type SkmFigures, type SkmGrade, type SkmReport, type SurveyStatus,
} from '../../shared/skm';
import { fail } from './errors';

export { SKM_ELEMENT_COUNT, SURVEY_WINDOW_DAYS };

/** `num / den` rounded half up, for non-negative integers (exact: no floating point on the way). */
const roundDiv = (num: number, den: number): number => Math.floor((2 * num + den) / (2 * den));

/** The grade of an IKM given in hundredths (8831 = 88.31). */
export const gradeOfHundredths = (hundredths: number): SkmGrade => (hundredths >= 8831 ? 'A' : hundredths >= 7661 ? 'B' : hundredths >= 6500 ? 'C' : 'D');
/** The grade of an IKM on 25–100 (two decimals). */
export const gradeOf = (ikm: number): SkmGrade => gradeOfHundredths(Math.round(ikm * 100));

/** The figures of `responses` answers whose scores add up to `sums[i]` for element U(i+1). */
export const skmFigures = (responses: number, sums: readonly number[]): SkmFigures => {
  if (responses <= 0) return { responses: 0, nrr: Array.from({ length: SKM_ELEMENT_COUNT }, () => null), average: null, ikm: null, grade: null, gradeText: null };
  const total = sums.reduce((a, b) => a + b, 0);
  const hundredths = roundDiv(2500 * total, SKM_ELEMENT_COUNT * responses);
  const grade = gradeOfHundredths(hundredths);
  return {
    responses,
    nrr: sums.map((sum) => roundDiv(100 * sum, responses) / 100),
    average: roundDiv(10_000 * total, SKM_ELEMENT_COUNT * responses) / 10_000,
    ikm: hundredths / 100,
    grade,
    gradeText: SKM_GRADES[grade],
  };
};

/** The IKM of individual answers (each nine scores 1–4): the worked examples and the tests. */
export const skmOf = (answers: readonly (readonly number[])[]): SkmFigures =>
  skmFigures(
    answers.length,
    Array.from({ length: SKM_ELEMENT_COUNT }, (_, i) => answers.reduce((sum, a) => sum + a[i]!, 0)),
  );

/** The last instant a ticket completed at `completedAt` may be answered. */
export const surveyClosesAt = (completedAt: number): number => DateTime.fromMillis(completedAt).plus({ days: SURVEY_WINDOW_DAYS }).toMillis();

/** What the survey of a ticket is now: null while it is not completed (no survey is offered). */
export const surveyStatusOf = (ticket: { status: string; completedAt: number | null }, answered: boolean, nowMs: number): SurveyStatus | null => {
  if (ticket.status !== 'done') return null;
  if (answered) return 'answered';
  return ticket.completedAt !== null && nowMs <= surveyClosesAt(ticket.completedAt) ? 'open' : 'closed';
};

/** Refuses an answer the ticket cannot take now: not completed, already answered, or past its window. */
export const checkCanAnswer = (ticket: { status: string; completedAt: number | null }, answered: boolean, nowMs: number): void => {
  const status = surveyStatusOf(ticket, answered, nowMs);
  if (status === null) fail('SURVEY_NOT_OPEN');
  if (status === 'answered') fail('ALREADY_ANSWERED');
  if (status === 'closed') fail('SURVEY_CLOSED', { days: SURVEY_WINDOW_DAYS });
};

/**
 * A suggestion as it is kept: the survey is anonymous, so whatever looks like a phone number, a NIK
 * or an e-mail address typed into it is masked before it is stored; spaces are tidied and the
 * length capped.
 */
export const cleanComment = (text: string | undefined): string =>
  (text ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\S+@\S+\.\S+/g, '[…]')
    .replace(/\+?\d(?:[\s.-]?\d){8,}/g, '[…]')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, SURVEY_COMMENT_MAX);

/** One service's answers as the store adds them up. */
export type SurveyServiceTotals = { code: string; name: string; nameEn: string; active: boolean; responses: number; sums: number[] };
/** What the store reads for an office's report: every service (in the office's order) with its sums, and the latest comments. */
export type SurveyTotals = { officeName: string; services: SurveyServiceTotals[]; comments: SkmReport['comments'] };

/** The report: each service that is active or was answered, and all services together (the sums of all answers, not a mean of means). */
export const skmReport = (office: string, from: string, to: string, totals: SurveyTotals): SkmReport => {
  const shown = totals.services.filter((s) => s.active || s.responses > 0);
  const sums = Array.from({ length: SKM_ELEMENT_COUNT }, (_, i) => totals.services.reduce((sum, s) => sum + (s.sums[i] ?? 0), 0));
  return {
    office,
    officeName: totals.officeName,
    from,
    to,
    services: shown.map((s) => ({ service: s.code, name: s.name, nameEn: s.nameEn, ...skmFigures(s.responses, s.sums) })),
    total: skmFigures(totals.services.reduce((n, s) => n + s.responses, 0), sums),
    comments: totals.comments,
  };
};
