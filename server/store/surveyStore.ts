/**
 * The satisfaction survey's operations (SKM, domain/skm), part of the `Store` contract. The answers
 * are anonymous: a row holds the ticket id (which keeps it to one per ticket), its office, service
 * and day, the nine scores and the cleaned comment, never a name, NIK or phone.
 */
import type { DateTime } from 'luxon';
import type { SurveyStatus } from '../../shared/skm';
import type { SurveyTotals } from '../domain/skm';

export type SurveyAnswer = { answers: number[]; comment: string };

export interface SurveyStore {
  /** The survey of a ticket now (domain/skm surveyStatusOf): null while the ticket is not completed, undefined for an unknown ticket. */
  surveyStatus(ticketId: string, now: DateTime): Promise<SurveyStatus | null | undefined>;
  /**
   * Keeps the answer of a completed ticket, once (domain/skm checkCanAnswer): NOT_FOUND,
   * SURVEY_NOT_OPEN, SURVEY_CLOSED, ALREADY_ANSWERED (also when two answers race).
   */
  answerSurvey(ticketId: string, answer: SurveyAnswer, now: DateTime): Promise<{ answeredAt: number }>;
  /** The office's answers of the tickets of days `from`–`to` (local dates, inclusive), added up per service, and the latest comments. */
  surveyTotals(officeId: string, from: string, to: string): Promise<SurveyTotals>;
}
