/** Which office and which counter this computer works at: the link, the staff member's office, or what was chosen here last. */
import type { OfficeSummary } from '../shared/types';
import { ApiFailure } from './api';
import type { Me } from './view';

const counterKey = (officeId: string) => `giliran.counter.${officeId}`;
/** The office of the counter this computer last worked at: the desk's own, never the admin page's choice. */
const LAST_OFFICE_KEY = 'giliran.counter.office';

/**
 * The desk's office: the link's `?office=`, the staff member's own office, or (for a
 * deployment-wide admin) the office of the counter last chosen on this computer, else the first.
 */
export const officeFor = (me: Me, offices: OfficeSummary[]): string => {
  const fromUrl = new URLSearchParams(location.search).get('office');
  if (fromUrl) return fromUrl;
  if (me.officeId) return me.officeId;
  const saved = localStorage.getItem(LAST_OFFICE_KEY);
  if (saved && offices.some((o) => o.id === saved)) return saved;
  if (!offices[0]) throw new ApiFailure(404, 'NOT_FOUND', 'Belum ada kantor yang terdaftar.');
  return offices[0].id;
};

/** The counter chosen last in this office on this computer (NaN: none). */
export const savedCounter = (officeId: string): number => Number(localStorage.getItem(counterKey(officeId)));

export const rememberCounter = (officeId: string, counterId: string): void => {
  localStorage.setItem(counterKey(officeId), counterId);
  localStorage.setItem(LAST_OFFICE_KEY, officeId);
};

/** "Ganti loket": the next sign-in in this office asks again. */
export const forgetCounter = (officeId: string): void => localStorage.removeItem(counterKey(officeId));
