/** Public: a visitor answers the satisfaction survey (SKM) of a completed ticket, once and anonymously (domain/skm). */
import type { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import { SKM_ELEMENT_COUNT, SURVEY_COMMENT_MAX, SURVEY_WINDOW_DAYS } from '../../../shared/skm';
import { perform, type Deps } from '../deps';
import { perMinute } from '../rateLimits';
import { route } from '../route';
import * as s from '../schemas';

/** The nine scores U1–U9 in order, each 1 (worst) to 4 (best), and an optional suggestion. */
export const surveyBody = z.object({
  answers: z.array(z.number().int().min(1).max(4)).length(SKM_ELEMENT_COUNT),
  comment: z.string().max(SURVEY_COMMENT_MAX).optional(),
});
export const surveyAnswered = z.object({ ticketId: z.string(), survey: z.literal('answered'), answeredAt: z.string() });

export const publicSurveyRoutes = (deps: Deps, router: Router): void => {
  // Counted with the other public writes (the same limit, RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE).
  const writeLimit = perMinute(deps.config.publicWriteRateLimit, deps.limitCounters, 'public-writes');

  route(
    router,
    {
      method: 'post', path: '/tickets/{ticketId}/survey',
      summary: `Answer the satisfaction survey (SKM, PermenPANRB 14/2017) of a completed ticket: answers are the nine scores U1–U9 (1–4), comment is optional (at most ${SURVEY_COMMENT_MAX} characters; anything like a phone number, NIK or e-mail address in it is masked). Anonymous, once per ticket, until ${SURVEY_WINDOW_DAYS} days after completion`,
      tag: 'public', params: s.ticketParams, body: surveyBody, response: surveyAnswered, responseStatus: 201,
      errors: ['VALIDATION', 'NOT_FOUND', 'SURVEY_NOT_OPEN', 'SURVEY_CLOSED', 'ALREADY_ANSWERED', 'RATE_LIMITED'],
    },
    ({ params, body }) => perform(deps, commands.answerSurvey(deps, params.ticketId, body)),
    writeLimit,
  );
};
