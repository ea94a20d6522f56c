/** What every admin action works with: the page's context, the office's API path, and confirmations that name the office. */
import type { Secret, State } from './state';

export type Ctx = {
  st: State;
  root: HTMLElement;
  /** Re-reads the office after a change, then renders. */
  reload: () => Promise<void>;
  render: () => void;
  done: (text: string) => void;
  secret: (s: Secret) => void;
  loadReport: () => Promise<void>;
  loadAudit: (append?: boolean) => Promise<void>;
};

export const office = (ctx: Ctx) => `/offices/${encodeURIComponent(ctx.st.officeId!)}`;
/**
 * Every confirmation names the office it acts on: the office picker may have moved since the form
 * was opened (a closure meant for one office once landed on a newly created one).
 */
export const confirmIn = (ctx: Ctx, text: string): boolean => confirm(`${ctx.st.snap?.office.name ?? ctx.st.officeId ?? ''} — ${text}`);

export type FormHandler = (form: HTMLFormElement, ctx: Ctx) => Promise<void>;
export type ClickHandler = (el: HTMLElement, ctx: Ctx) => Promise<void> | void;
