/**
 * A refusal SERVICE_UNAVAILABLE told with its next step: for a WhatsApp-only service, the WhatsApp
 * number of its group (domain/contacts serviceUnavailable). The store decides the refusal; the
 * number is looked up only on that path.
 */
import { serviceUnavailable } from '../domain/contacts';
import { DomainError } from '../domain/errors';
import type { CommandDeps } from './command';

export const withServiceContact = async <T>({ store, clock }: CommandDeps, officeId: string, serviceCode: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'SERVICE_UNAVAILABLE') throw e;
    const office = await store.officeDetail(officeId, clock.now()).catch(() => undefined);
    throw serviceUnavailable(office?.services.find((s) => s.code === serviceCode));
  }
};
