import { describe, expect, it } from 'vitest';
import { calendarDays, initialState, type State } from '../../booking/state';
import type { OfficePage } from '../../booking/api';
import { t } from '../../booking/texts';

const withOffice = (id: string, bookingHorizonDays: number): State => ({
  ...initialState('id'),
  office: { id, bookingHorizonDays } as OfficePage,
});

describe("the booking page's calendar", () => {
  it("shows the office's booking horizon", () => {
    expect(calendarDays(withOffice('oki', 7), 'oki')).toBe(7);
    expect(calendarDays(withOffice('oki', 21), 'oki')).toBe(21);
  });

  it('asks for at most the 31 days the availability API answers at once', () => {
    expect(calendarDays(withOffice('oki', 90), 'oki')).toBe(31);
  });

  it("shows the usual 14 days while the booking's office has not loaded", () => {
    expect(calendarDays(initialState('id'), 'oki')).toBe(14);
    expect(calendarDays(withOffice('lebong', 7), 'oki')).toBe(14);
  });

  it('says how many days had nothing to book', () => {
    expect(t('en', 'nothingBookable', { days: 7 })).toContain('in the coming 7 days');
    expect(t('id', 'nothingBookable', { days: 7 })).toContain('dalam 7 hari ke depan');
  });
});
