/**
 * What each screen shows of an office's notices (issue 15, item 3): a notice can be scheduled
 * (`startsOn`/`endsOn`, local dates, inclusive) and targeted (the lobby board, the booking page,
 * the kiosk). And the office's closures, active or coming within two weeks, are announced on the
 * board and the kiosk by themselves, without an admin writing a notice: "Layanan Legalisir tutup
 * 5–7 Desember 2026: …". (The booking page lists closures in a section of its own.) Pure.
 */
import { DateTime } from 'luxon';
import type { Notice } from '../../shared/types';
import { invalid } from './errors';
import { addDays } from './time';

export const NOTICE_TARGETS = ['board', 'booking', 'kiosk'] as const;
export type NoticeTarget = (typeof NOTICE_TARGETS)[number];

export type StoredNotice = { id: number; textId: string; textEn: string; active: boolean; startsOn: string | null; endsOn: string | null; targets: string };

/** A notice as admins write it: when it shows (local dates, inclusive; null = open-ended) and where. */
export type NoticeInput = { textId: string; textEn: string; active: boolean; startsOn: string | null; endsOn: string | null; targets: NoticeTarget[] };

/** A notice that shows nowhere, or ends before it starts, is refused field by field. */
export const checkNotice = (notice: Pick<NoticeInput, 'startsOn' | 'endsOn' | 'targets'>): void => {
  if (notice.targets.length === 0) invalid({ targets: { key: 'required' } });
  if (notice.startsOn !== null && notice.endsOn !== null && notice.endsOn < notice.startsOn) invalid({ endsOn: { key: 'date_order' } });
};

/** The stored row's columns for an input (or a patch of one). */
export const noticeColumns = (input: Partial<NoticeInput>) => {
  const { targets, ...rest } = input;
  return { ...rest, ...(targets ? { targets: storedTargets(targets) } : {}) };
};

/** Closures this many days ahead are announced already. */
export const CLOSURE_NOTICE_DAYS = 14;

/** The targets as stored (a comma list), in their canonical order; unknown words dropped. */
export const targetsOf = (stored: string): NoticeTarget[] => NOTICE_TARGETS.filter((t) => stored.split(',').map((s) => s.trim()).includes(t));
export const storedTargets = (targets: readonly NoticeTarget[]): string => NOTICE_TARGETS.filter((t) => targets.includes(t)).join(',');

/** Whether a notice is on `target`'s screen on the local date `today`. */
export const noticeShows = (notice: StoredNotice, target: NoticeTarget, today: string): boolean =>
  notice.active &&
  (notice.startsOn === null || notice.startsOn <= today) &&
  (notice.endsOn === null || notice.endsOn >= today) &&
  targetsOf(notice.targets).includes(target);

/** Where the admin page says a notice stands today: shown, scheduled for later, over, or hidden. */
export const noticeState = (notice: StoredNotice, today: string): 'shown' | 'scheduled' | 'ended' | 'hidden' => {
  if (!notice.active) return 'hidden';
  if (notice.startsOn !== null && notice.startsOn > today) return 'scheduled';
  if (notice.endsOn !== null && notice.endsOn < today) return 'ended';
  return 'shown';
};

export type ClosureFacts = { id: number; serviceName: string | null; serviceNameEn: string | null; from: string; to: string | null; reason: string };

const dateText = (date: string, locale: 'id' | 'en'): string => DateTime.fromISO(date).setLocale(locale).toFormat('d LLLL yyyy');

/** "5–7 Desember 2026", "5 Desember 2026", or "mulai 5 Desember 2026 sampai pemberitahuan lebih lanjut". */
const spanText = (from: string, to: string | null, locale: 'id' | 'en'): string => {
  if (to === null) return locale === 'id' ? `mulai ${dateText(from, 'id')} sampai pemberitahuan lebih lanjut` : `from ${dateText(from, 'en')} until further notice`;
  if (to === from) return dateText(from, locale);
  const a = DateTime.fromISO(from);
  const b = DateTime.fromISO(to);
  if (a.hasSame(b, 'month')) return `${a.day}–${dateText(to, locale)}`;
  return `${dateText(from, locale)} – ${dateText(to, locale)}`;
};

/**
 * Notices made from closures that cover today or begin within CLOSURE_NOTICE_DAYS: one per
 * closure, soonest first. Ids are negative (the closure's id), apart from the admins' notices.
 */
export const closureNotices = (closures: readonly ClosureFacts[], today: string): Notice[] => {
  const horizon = addDays(today, CLOSURE_NOTICE_DAYS);
  return closures
    .filter((c) => (c.to === null || c.to >= today) && c.from <= horizon && (c.to === null || c.to >= c.from))
    .sort((a, b) => a.from.localeCompare(b.from) || a.id - b.id)
    .map((c) => {
      const whatId = c.serviceName ? `Layanan ${c.serviceName} tutup` : 'Kantor tutup';
      const whatEn = c.serviceName ? `${c.serviceNameEn || c.serviceName} is closed` : 'The office is closed';
      return {
        id: -c.id,
        text: `${whatId} ${spanText(c.from, c.to, 'id')}: ${c.reason}`,
        textEn: `${whatEn} ${spanText(c.from, c.to, 'en')}: ${c.reason}`,
      };
    });
};

/** A screen's notices: the closures first (board and kiosk only), then the admins' notices shown there today. */
export const screenNotices = (
  notices: readonly StoredNotice[],
  closures: readonly ClosureFacts[],
  target: NoticeTarget,
  today: string,
): Notice[] => [
  ...(target === 'booking' ? [] : closureNotices(closures, today)),
  ...notices.filter((n) => noticeShows(n, target, today)).map((n) => ({ id: n.id, text: n.textId, textEn: n.textEn })),
];
