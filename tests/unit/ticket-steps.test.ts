import { describe, expect, it } from 'vitest';
import { availableActions, whyNot, type Desk } from '../../counter/view';
import { checkTicketDay, leavesCounter, STEP_EVENTS, stepStamps } from '../../server/domain/ticketState';
import { heldAtCounter, stepsFrom } from '../../shared/ticketSteps';
import type { TicketStatus } from '../../shared/types';
import { refusalOf } from './refusal';

describe('the steps each ticket status allows', () => {
  it('lists them for every status', () => {
    expect(stepsFrom('waiting')).toEqual(['call', 'transfer']);
    expect(stepsFrom('called')).toEqual(['recall', 'start', 'no_show', 'transfer']);
    expect(stepsFrom('serving')).toEqual(['complete', 'transfer']);
    expect(stepsFrom('no_show')).toEqual(['requeue']);
    expect(stepsFrom('done')).toEqual([]);
  });

  it('holds the counter while called or served, and releases it otherwise', () => {
    const held = (['waiting', 'called', 'serving', 'done', 'no_show'] as TicketStatus[]).filter(heldAtCounter);
    expect(held).toEqual(['called', 'serving']);
    expect(leavesCounter('waiting')).toBe(true);
    expect(leavesCounter('serving')).toBe(false);
  });
});

describe("the counter page's buttons follow the same table", () => {
  const desk = (current: { status: TicketStatus } | null, services = 2, status: 'open' | 'paused' = 'open'): Desk => ({
    me: { id: 1, username: 'ani', displayName: 'Ani', role: 'counter', officeId: 'demo' },
    officeId: 'demo',
    officeName: 'Demo',
    services: Array.from({ length: services }, (_, i) => ({ code: 'ABC'[i]!, name: `Layanan ${i}` })),
    counterId: 1,
    queue: {
      officeId: 'demo',
      now: '2026-11-24T09:00:00.000+07:00',
      waiting: [],
      waitingCounts: {},
      waitingTotal: 0,
      counters: [{ id: 1, name: 'Loket 1', services: ['A'], status, ...(current ? { current: { id: 't1', number: 'A001', service: 'A', status: current.status } } : {}) }],
    },
    details: null,
    noShows: [],
    selectedNoShow: null,
    closedServices: {},
    holderCheck: null,
    busy: false,
    link: 'online',
  });
  const buttons = (d: Desk) => [...availableActions(d)].sort();

  it('offers recall, start, no-show and transfer for a called ticket', () => {
    expect(buttons(desk({ status: 'called' }))).toEqual(['noShow', 'pause', 'recall', 'start', 'transfer']);
  });

  it('offers complete and transfer for a ticket being served', () => {
    expect(buttons(desk({ status: 'serving' }))).toEqual(['complete', 'pause', 'transfer']);
  });

  it('offers no transfer when the counter knows one service only', () => {
    expect(buttons(desk({ status: 'serving' }, 1))).toEqual(['complete', 'pause']);
  });

  it('offers a call at an open counter whose ticket is finished, and none at a paused one', () => {
    expect(buttons(desk({ status: 'done' }))).toEqual(['call', 'pause']);
    expect(buttons(desk(null, 2, 'paused'))).toEqual(['pause']);
  });

  it('says why a call at a paused counter does nothing, and what to do', () => {
    expect(whyNot(desk(null, 2, 'paused'), 'call')).toBe('Loket dijeda: tidak ada panggilan. Tekan J untuk membuka kembali.');
    expect(whyNot(desk({ status: 'called' }), 'call')).toMatch(/masih menangani A001/);
    expect(whyNot(desk(null), 'call')).toBeUndefined();
  });

  it('requeues only a no-show picked in the list', () => {
    const noShow = { id: 'n1', number: 'B002', service: 'B', counter: '1', noShowAt: '2026-11-24T09:00:00.000+07:00', recallCount: 3 };
    const withNoShow = { ...desk(null), noShows: [noShow] };
    expect(availableActions(withNoShow).has('requeue')).toBe(false);
    expect(whyNot(withNoShow, 'requeue')).toMatch(/Pilih dulu nomor/);
    expect(availableActions({ ...withNoShow, selectedNoShow: 'n1' }).has('requeue')).toBe(true);
    // A pick that left the list (requeued elsewhere) picks nothing.
    expect(availableActions({ ...withNoShow, selectedNoShow: 'gone' }).has('requeue')).toBe(false);
  });
});

describe('a step on a ticket', () => {
  it('is refused as expired on a ticket of an earlier day, except completing it', () => {
    expect(refusalOf(() => checkTicketDay('2026-11-23', '2026-11-24', 'recall'))).toMatchObject({ code: 'INVALID_STATE', params: { status: 'expired' } });
    expect(refusalOf(() => checkTicketDay('2026-11-23', '2026-11-24', 'complete'))).toBeNull();
    expect(refusalOf(() => checkTicketDay('2026-11-24', '2026-11-24', 'recall'))).toBeNull();
  });

  it('stamps the instant it happened', () => {
    expect(stepStamps('recall', 5)).toEqual({ lastCalledAt: 5 });
    expect(stepStamps('start', 5)).toEqual({ startedAt: 5 });
    expect(stepStamps('complete', 5)).toEqual({ completedAt: 5 });
    expect(stepStamps('no_show', 5)).toEqual({ noShowAt: 5 });
  });

  it('forgets calls and start when the ticket waits again; a requeued ticket joins the end of the queue', () => {
    expect(stepStamps('transfer', 5)).toEqual({ calledAt: null, lastCalledAt: null, startedAt: null });
    expect(stepStamps('requeue', 5)).toEqual({ calledAt: null, lastCalledAt: null, startedAt: null, queuedAt: 5 });
  });

  it('is recorded under the names the reports read', () => {
    expect(STEP_EVENTS).toEqual({
      call: 'called', recall: 'recalled', start: 'started', complete: 'completed', no_show: 'no_show', transfer: 'transferred', requeue: 'requeued',
    });
  });
});
