import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { reminderDay, reminderKey, wantsReminder } from '../../server/domain/reminders';

describe('reminders the day before', () => {
  it("are due for tomorrow's bookings from the reminder time on, in the office's zone", () => {
    const now = DateTime.fromISO('2026-11-24T16:30', { zone: 'Asia/Jakarta' });
    expect(reminderDay(now, 'Asia/Jakarta', '16:00')).toBe('2026-11-25');
    expect(reminderDay(now, 'Asia/Jakarta', '17:00')).toBeNull();
    // 16:30 WIB is 18:30 WIT.
    expect(reminderDay(now, 'Asia/Jayapura', '17:00')).toBe('2026-11-25');
  });

  it('go to holders with a number, unless their day is closed for their service', () => {
    const closures = [{ id: 1, serviceId: 2, from: '2026-11-25', to: null, reason: 'Alat rusak' }];
    expect(wantsReminder({ phone: '+6281234567890', serviceId: 1 }, '2026-11-25', closures)).toBe(true);
    expect(wantsReminder({ phone: '+6281234567890', serviceId: 2 }, '2026-11-25', closures)).toBe(false);
    expect(wantsReminder({ phone: null, serviceId: 1 }, '2026-11-25', closures)).toBe(false);
  });

  it('are sent once per booking and day', () => {
    expect(reminderKey(7, '2026-11-25')).toBe('reminder:7:2026-11-25');
    expect(reminderKey(7, '2026-11-26')).not.toBe(reminderKey(7, '2026-11-25'));
  });
});
