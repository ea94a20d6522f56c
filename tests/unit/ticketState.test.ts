import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { canStep, stepTicket, type TicketAction, type TicketLife, type TicketStatus } from '../../server/domain/ticketState';

const waiting: TicketLife = { status: 'waiting', recallCount: 0, counterId: null, serviceId: 1 };
const ctx = { recallLimit: 3, counterId: 2 };

const run = (actions: TicketAction[], start = waiting, extra: { serviceId?: number } = {}) =>
  actions.reduce((t, a) => stepTicket(t, a, { ...ctx, ...extra }).ticket, start);

describe('the ticket state machine', () => {
  it('walks waiting → called → serving → done', () => {
    expect(run(['call'])).toMatchObject({ status: 'called', counterId: 2 });
    expect(run(['call', 'start'])).toMatchObject({ status: 'serving' });
    expect(run(['call', 'start', 'complete'])).toMatchObject({ status: 'done' });
  });

  it('allows three recalls, and the fourth makes the ticket a no-show', () => {
    const recalled = run(['call', 'recall', 'recall', 'recall']);
    expect(recalled).toMatchObject({ status: 'called', recallCount: 3 });
    const fourth = stepTicket(recalled, 'recall', ctx);
    expect(fourth.event).toBe('no_show');
    expect(fourth.ticket.status).toBe('no_show');
  });

  it('lets staff mark a called ticket no-show and requeue it', () => {
    expect(run(['call', 'no_show'])).toMatchObject({ status: 'no_show' });
    expect(run(['call', 'no_show', 'requeue'])).toMatchObject({ status: 'waiting', counterId: null, recallCount: 0 });
  });

  it('transfers a waiting, called or serving ticket to another service, back to waiting', () => {
    for (const path of [[], ['call'], ['call', 'start']] as TicketAction[][]) {
      const moved = stepTicket(run(path), 'transfer', { ...ctx, serviceId: 9 }).ticket;
      expect(moved).toMatchObject({ status: 'waiting', serviceId: 9, counterId: null });
    }
  });

  it('refuses every other step with INVALID_STATE', () => {
    const all: TicketAction[] = ['call', 'recall', 'start', 'complete', 'no_show', 'transfer', 'requeue'];
    const states: Record<TicketStatus, TicketLife> = {
      waiting,
      called: run(['call']),
      serving: run(['call', 'start']),
      done: run(['call', 'start', 'complete']),
      no_show: run(['call', 'no_show']),
    };
    const allowed: Record<TicketStatus, TicketAction[]> = {
      waiting: ['call', 'transfer'],
      called: ['recall', 'start', 'no_show', 'transfer'],
      serving: ['complete', 'transfer'],
      done: [],
      no_show: ['requeue'],
    };
    for (const [status, ticket] of Object.entries(states) as [TicketStatus, TicketLife][]) {
      for (const action of all) {
        expect(canStep(status, action)).toBe(allowed[status].includes(action));
        if (!allowed[status].includes(action)) {
          expect(() => stepTicket(ticket, action, { ...ctx, serviceId: 2 })).toThrow(DomainError);
        }
      }
    }
  });
});
