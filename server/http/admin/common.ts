/** What every admin route shares: its OpenAPI tag, the session it needs, the errors it can give. */
import type { RouteDoc } from '../route';

const BASE_ERRORS = ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

export const adminDoc = <D extends Omit<RouteDoc, 'tag'>>(doc: D): D & { tag: string; auth: 'session' } => ({
  ...doc,
  tag: 'admin',
  auth: 'session',
  errors: [...BASE_ERRORS, ...(doc.errors ?? [])],
});
