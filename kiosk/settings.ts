/** What this kiosk keeps in its own browser: its token (pairing) and its printer settings. */

const TOKEN_KEY = 'giliran.kiosk.token';
const PAPER_KEY = 'giliran.kiosk.paper';
const AUTOPRINT_KEY = 'giliran.kiosk.autoprint';

export type PaperWidth = 80 | 58;
export type KioskSettings = { paper: PaperWidth; autoPrint: boolean };

export const loadToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const saveToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);
export const forgetToken = (): void => localStorage.removeItem(TOKEN_KEY);

/**
 * The pairing link the server prints at first start is /kiosk/#token=…: take the token from
 * the fragment (never sent to the server in a request line) and remove it from the address bar.
 */
export const takeTokenFromHash = (): string | null => {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  const paper = params.get('paper');
  if (paper === '58' || paper === '80') localStorage.setItem(PAPER_KEY, paper);
  if (token !== null || paper !== null) history.replaceState(null, '', location.pathname + location.search);
  return token?.trim() || null;
};

export const loadSettings = (): KioskSettings => ({
  paper: localStorage.getItem(PAPER_KEY) === '58' ? 58 : 80,
  autoPrint: localStorage.getItem(AUTOPRINT_KEY) !== '0',
});

export const saveSettings = (s: KioskSettings): void => {
  localStorage.setItem(PAPER_KEY, String(s.paper));
  localStorage.setItem(AUTOPRINT_KEY, s.autoPrint ? '1' : '0');
};
