/**
 * Keyboard wedge: a barcode scanner types the code and Enter as if it were a keyboard.
 * The code input keeps the focus, and keys typed while anything else has it (a button just
 * tapped, the page body) are routed into it, so a scan works wherever the page is.
 */
import { isCodeKey } from './scan';

export type Wedge = { value: () => string; set: (text: string) => void; focus: () => void };

export const attachWedge = (
  input: HTMLInputElement,
  opts: {
    /** False while a dialog with its own inputs (pairing, settings) is open: keys go there. */
    active: () => boolean;
    /** A key arrived while the ticket or an error was shown: close it first. */
    onInterrupt: () => void;
    onSubmit: (raw: string) => void;
    onInput: () => void;
  },
): Wedge => {
  const submit = () => {
    const raw = input.value;
    if (raw.trim()) opts.onSubmit(raw);
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (!opts.active() || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && target !== input && target.closest('[data-keep-keys]')) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        submit();
        return;
      }
      if (target === input) {
        opts.onInterrupt();
        return;
      }
      if (isCodeKey(e.key)) {
        e.preventDefault();
        opts.onInterrupt();
        input.value += e.key;
        opts.onInput();
        input.focus();
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        input.value = input.value.slice(0, -1);
        opts.onInput();
      } else if (e.key === 'Escape') {
        input.value = '';
        opts.onInput();
      }
    },
    true,
  );
  input.addEventListener('input', () => opts.onInput());
  // Keep the focus on the code field; a tap elsewhere moves it only for a moment.
  input.addEventListener('blur', () =>
    setTimeout(() => {
      const el = document.activeElement as HTMLElement | null;
      if (opts.active() && !(el && el !== input && el.closest('[data-keep-keys]'))) input.focus({ preventScroll: true });
    }, 0),
  );
  return {
    value: () => input.value,
    set: (text) => {
      input.value = text;
      opts.onInput();
    },
    focus: () => input.focus({ preventScroll: true }),
  };
};
