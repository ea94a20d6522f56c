/**
 * The booking page's proof of work (API.md "Proof of work"): the ALTCHA widget, bundled with the
 * page (nothing is fetched from elsewhere), solves a challenge of GET /api/challenge by itself
 * as soon as the booking form (or a new time to move to) is on screen, so a visitor only sees
 * it checking; the booking then sends the solution, which the server spends once. Where the
 * server asks for none (BOOKING_CHALLENGE=off: the challenge route answers 404) no widget
 * is shown and nothing is sent.
 *
 * The page redraws its screens from HTML text (main.ts render), so the one widget element lives
 * here and is moved into the screen's `#pow-slot` after each redraw, in the same task: the
 * custom element then keeps its state (it only tears down when left detached). The widget's
 * code (altchaWidget.ts) loads only when a screen first needs it, not with the page.
 */
import type {} from 'altcha/external';
import type { Lang } from './texts';

type Widget = HTMLElementTagNameMap['altcha-widget'];

export type ProofOfWork = {
  /**
   * After each redraw: puts the widget into the screen's `#pow-slot`, and (when `solveNow`)
   * starts solving a fresh challenge if the screen has a slot and no solution is ready.
   */
  attach(root: ParentNode, lang: Lang, solveNow: boolean): void;
  /** The solution to send, spent by this call (waits for the one being solved); undefined where none is asked for or none could be made. */
  take(): Promise<string | undefined>;
};

export const createProofOfWork = (): ProofOfWork => {
  let widget: Widget | null = null;
  let loaded: Promise<void> = Promise.resolve();
  let off = false;
  let lang: Lang = 'id';
  let solution: string | null = null;
  let solving: Promise<string | null> | null = null;

  const slotIn = (root: ParentNode) => root.querySelector<HTMLElement>('#pow-slot');

  const makeWidget = (): Widget => {
    const el = document.createElement('altcha-widget');
    el.setAttribute('auto', 'off');
    el.setAttribute('language', lang);
    loaded = new Promise((resolve) => el.addEventListener('load', () => resolve(), { once: true }));
    // Left open past its expiry: solve a new one while the visitor is still on the form.
    el.addEventListener('expired', () => {
      solution = null;
      if (el.isConnected) void solve();
    });
    return el;
  };

  const solve = (): Promise<string | null> => {
    solving ??= (async () => {
      try {
        const res = await fetch('/api/challenge', { headers: { Accept: 'application/json' } });
        if (res.status === 404) {
          off = true;
          widget?.remove();
          return null;
        }
        if (!res.ok) return null;
        const challenge = (await res.json()) as Record<string, unknown>;
        if (!widget) {
          await import('./altchaWidget');
          widget = makeWidget();
          slotIn(document)?.append(widget);
        }
        await loaded;
        await widget.configure({ challenge: challenge as never, language: lang, hideFooter: true, hideLogo: true, humanInteractionSignature: false });
        solution = (await widget.verify())?.payload ?? null;
        return solution;
      } catch {
        return null;
      } finally {
        solving = null;
      }
    })();
    return solving;
  };

  return {
    attach(root, pageLang, solveNow) {
      if (off) return;
      const slot = slotIn(root);
      if (pageLang !== lang) {
        lang = pageLang;
        widget?.setAttribute('language', lang);
      }
      if (slot && widget) slot.append(widget);
      if (slot && solveNow && !solution && !solving) void solve();
    },
    async take() {
      if (off) return undefined;
      const ready = solution ?? (await solve());
      solution = null;
      return ready ?? undefined;
    },
  };
};
