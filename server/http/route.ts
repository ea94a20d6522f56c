/**
 * One definition per route: the zod schemas parse the request at the edge and the same
 * schemas describe it in the OpenAPI document, so the two cannot drift apart.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { DomainError, type FieldProblem } from '../domain/errors';
import { fieldMessages } from '../domain/messages';
import { sendError } from './errors';
import type { LeanLane } from './leanLane';
import type { PerMinute } from './rateLimits';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type RouteDoc = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth?: 'session' | 'kiosk';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  responseStatus?: number;
  errors?: string[];
};

export const registry: RouteDoc[] = [];

type Parsed<D extends RouteDoc> = {
  params: D['params'] extends z.ZodType ? z.infer<D['params']> : Record<string, string>;
  query: D['query'] extends z.ZodType ? z.infer<D['query']> : Record<string, unknown>;
  body: D['body'] extends z.ZodType ? z.infer<D['body']> : undefined;
};

const problemOf = (issue: z.core.$ZodIssue): FieldProblem => {
  if (issue.message in fieldMessages) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { key: (issue as { input?: unknown }).input === undefined ? 'required' : 'invalid' };
    case 'too_big':
      return issue.origin === 'string' ? { key: 'too_long', params: { max: Number(issue.maximum) } } : { key: 'out_of_range' };
    case 'too_small':
      return issue.origin === 'string' ? { key: 'too_short', params: { min: Number(issue.minimum) } } : { key: 'out_of_range' };
    case 'invalid_value':
      return { key: 'one_of', params: { options: issue.values.map(String).join(', ') } };
    default:
      return { key: 'invalid' };
  }
};

export const parseOrFail = <S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> => {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, FieldProblem> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : where;
    fields[key] ??= problemOf(issue);
  }
  throw new DomainError('VALIDATION', {}, fields);
};

/** The route's input, parsed by its schemas (the same for express and the lean lane). */
const parseInput = <D extends RouteDoc>(doc: D, params: Record<string, string>, query: unknown, body: unknown): Parsed<D> =>
  ({
    params: doc.params ? parseOrFail(doc.params, params, 'params') : params,
    query: doc.query ? parseOrFail(doc.query, query, 'query') : query,
    body: doc.body ? parseOrFail(doc.body, body, 'body') : undefined,
  }) as Parsed<D>;

/** Registers an express handler and its OpenAPI description together. */
export const route = <D extends RouteDoc>(
  router: Router,
  doc: D,
  handler: (input: Parsed<D>, req: Request, res: Response) => Promise<unknown> | unknown,
  ...middleware: RequestHandler[]
): void => {
  registry.push(doc);
  const expressPath = doc.path.replace(/\{(\w+)\}/g, ':$1');
  router[doc.method](expressPath, ...middleware, async (req: Request, res: Response) => {
    let result: unknown;
    try {
      result = await handler(parseInput(doc, req.params as Record<string, string>, req.query, req.body), req, res);
    } catch (error) {
      // A refusal is answered here rather than passed down every remaining router layer to the
      // error handler: in a booking burst most answers are refusals (see bench/). Anything else
      // still goes to the one error handler.
      if (error instanceof DomainError && !res.headersSent) return sendError(res, error, req.headers['accept-language']);
      throw error;
    }
    if (res.headersSent) return;
    if (result === undefined || result === null) {
      res.status(204).end();
      return;
    }
    res.status(doc.responseStatus ?? 200).json(result);
  });
};

/**
 * A route that the lean lane (leanLane.ts) serves as well as express: a POST with path parameters
 * and a JSON body, one rate limit, and a handler that needs nothing of the request but the
 * caller's address. Express still serves every request the lane leaves to it.
 */
export const leanRoute = <D extends RouteDoc & { method: 'post'; query?: undefined }>(
  router: Router,
  lane: LeanLane | undefined,
  doc: D,
  handler: (input: Parsed<D>, ip: string) => Promise<unknown>,
  limit: PerMinute,
): void => {
  route(router, doc, (input, req) => handler(input, req.ip ?? ''), limit);
  lane?.add({ doc, limit, run: (params, body, ip) => handler(parseInput(doc, params, {}, body), ip) });
};
