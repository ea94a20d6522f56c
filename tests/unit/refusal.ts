/** What a domain function refused with: its error code, parameters and field problems; null when it did not refuse. */
import { DomainError } from '../../server/domain/errors';

export type Refusal = { code: string; params: Record<string, string | number>; fields: Record<string, unknown> };

export const refusalOf = (decide: () => unknown): Refusal | null => {
  try {
    decide();
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, params: e.params, fields: e.fields };
  }
};
