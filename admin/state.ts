/** What the admin page knows: who is signed in, the office, its snapshot, and what the admin is doing. */
import type { AdminSnapshot, AuditEntry, RangeReport, SlotConflict } from '../shared/staffTypes';
import type { OfficeDetail, OfficeSummary } from '../shared/types';
import type { ReleaseView } from '../shared/waitingRoom';

export type Me = { id: number; username: string; displayName: string; role: 'admin' | 'supervisor' | 'counter' | 'assistant'; officeId: string | null };
export type Snapshot = AdminSnapshot;
export type Report = RangeReport;
export type { AuditEntry };

export const SECTIONS = [
  ['overview', 'Ringkasan', 'Overview'],
  ['services', 'Layanan', 'Services'],
  ['slots', 'Jadwal sesi', 'Slots'],
  ['office', 'Jam buka & kapasitas', 'Hours & capacity'],
  ['counters', 'Loket', 'Counters'],
  ['closures', 'Penutupan', 'Closures'],
  ['staff', 'Staf & kiosk', 'Staff & kiosks'],
  ['notices', 'Pengumuman & WhatsApp', 'Notices & WhatsApp'],
  ['blanko', 'Blanko KTP-el', 'Blanko stock'],
  ['reports', 'Laporan', 'Reports'],
  ['audit', 'Log audit', 'Audit log'],
] as const;
export type Section = (typeof SECTIONS)[number][0];

export type SlotRow = { weekday?: number; start: string; end: string; capacity: number };

/** A secret shown exactly once (a new password, a kiosk token), until the admin closes it. */
export type Secret = { titleId: string; titleEn: string; value: string; link?: string };

export type State = {
  me: Me | null;
  offices: OfficeSummary[];
  officeId: string | null;
  snap: Snapshot | null;
  /** The public view of the office (what visitors see today: closed services, walk-in places left). */
  detail: OfficeDetail | null;
  section: Section;
  /** The service whose slots are being edited, and its unsaved template rows. */
  slotService: string | null;
  templateDraft: SlotRow[] | null;
  overrideDraft: { date: string; rows: SlotRow[] } | null;
  /** Which row of a list is open for editing, e.g. 'service:B', 'notice:3'. */
  editing: string | null;
  report: { from: string; to: string; data: Report | null };
  audit: { from: string; to: string; kind: 'all' | 'admin' | 'tickets'; entries: AuditEntry[]; more: boolean };
  secret: Secret | null;
  flash: { kind: 'ok' | 'error'; text: string } | null;
  busy: boolean;
  /** The office's releases and their draws' seeds (office section; sections/releases.ts). */
  releases?: ReleaseView[] | null;
  /** After the opening hours were saved: the booked slots they leave outside (office section). */
  hoursConflicts?: SlotConflict[] | null;
};

export const canAdmin = (me: Me | null): boolean => me?.role === 'admin';

/** Sections a role may open: a supervisor reads the reports only. */
export const sectionsFor = (me: Me | null) => SECTIONS.filter(([id]) => (canAdmin(me) ? true : id === 'reports'));

export const addDaysTo = (date: string, days: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Today in the office's zone, from the browser's clock (used only for default form values). */
export const todayIn = (zone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
