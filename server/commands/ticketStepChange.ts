/** The change a ticket step makes: the ticket's office, the ticket, and a call to announce when it was a call. */
import { officeChanged, type OfficeChange } from '../events/change';
import type { TicketStepResult } from '../store/store';

export const ticketStepChange = (step: TicketStepResult): OfficeChange => {
  const isCall = step.event === 'called' || step.event === 'recalled';
  return officeChanged(
    step.ticket.office,
    [step.ticket.id],
    isCall && step.counterId !== null ? { ticketId: step.ticket.id, counterId: step.counterId, recall: step.event === 'recalled', at: step.at, ...(step.comeIn ? { comeIn: true } : {}) } : undefined,
  );
};
