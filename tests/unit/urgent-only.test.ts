import { describe, expect, it } from 'vitest';
import { currentUrgentClosures, urgentOnlyClosings, urgentOnlyEnding, urgentOnlyView } from '../../server/domain/urgentOnly';
import { refusalOf } from './refusal';

const TUESDAY = '2026-11-24';
const services = [
  { id: 1, code: 'A' },
  { id: 2, code: 'B' },
  { id: 3, code: 'C' },
];
const closure = (id: number, serviceId: number, from: string, to: string | null, reason = 'Hanya mendesak') => ({ id, serviceId, from, to, reason });

describe('urgent-only mode as the admin sees it', () => {
  it('is off with every service open when no closure of the mode covers today or later', () => {
    expect(urgentOnlyView(services, [closure(1, 1, '2026-11-01', '2026-11-20')], TUESDAY)).toEqual({
      active: false,
      open: ['A', 'B', 'C'],
      closed: [],
      from: null,
      reason: null,
    });
  });

  it('is on with the services its current closures shut, since the earliest of them, with its reason', () => {
    const closures = [closure(1, 1, '2026-11-26', null, 'kedua'), closure(2, 2, '2026-11-25', null, 'pertama'), closure(3, 3, '2026-11-01', '2026-11-10')];
    expect(urgentOnlyView(services, closures, TUESDAY)).toEqual({ active: true, open: ['C'], closed: ['A', 'B'], from: '2026-11-25', reason: 'pertama' });
  });

  it('leaves out closures that were withdrawn', () => {
    expect(currentUrgentClosures([closure(1, 1, '2026-11-30', '2026-11-29'), closure(2, 2, TUESDAY, null)], TUESDAY).map((c) => c.id)).toEqual([2]);
  });
});

describe('setting urgent-only mode', () => {
  it('closes every service not kept open', () => {
    expect(urgentOnlyClosings(services, ['C']).map((s) => s.code)).toEqual(['A', 'B']);
  });

  it('refuses keeping no service open, or an unknown one', () => {
    expect(refusalOf(() => urgentOnlyClosings(services, []))?.fields).toEqual({ open: { key: 'required' } });
    expect(refusalOf(() => urgentOnlyClosings(services, ['A', 'Q']))?.fields).toEqual({ open: { key: 'unknown_service' } });
  });
});

describe('ending urgent-only mode', () => {
  it('ends the current closures after the day asked, leaving those that already end by then', () => {
    const closures = [closure(1, 1, '2026-11-20', null), closure(2, 2, '2026-11-20', '2026-11-27'), closure(3, 3, '2026-11-20', '2026-12-05'), closure(4, 1, '2026-11-01', '2026-11-10')];
    const { last, end } = urgentOnlyEnding(closures, '2026-11-30', TUESDAY);
    expect(last).toBe('2026-11-30');
    expect(end.map((c) => c.id)).toEqual([1, 3]);
  });

  it('never ends them before yesterday: what is past stays as it was', () => {
    expect(urgentOnlyEnding([closure(1, 1, '2026-11-20', null)], '2026-11-10', TUESDAY).last).toBe('2026-11-23');
  });
});
