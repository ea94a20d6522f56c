/**
 * What a barcode scanner (a keyboard wedge) or a person typed, turned into a booking code.
 * A scanner may read the booking's QR, which can hold a whole link (…?code=ABCD2345): take the code from it.
 */
export const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const codeFromScan = (raw: string): string => {
  const text = raw.trim();
  const param = /[?&#]code=([A-Za-z0-9]+)/.exec(text);
  if (param) return param[1]!.toUpperCase();
  if (/^https?:\/\//i.test(text)) {
    const last = text.split(/[/?#]/).filter(Boolean).pop() ?? '';
    return last.toUpperCase();
  }
  return text.replace(/[\s-]/g, '').toUpperCase();
};

/** Keys a scanner or keyboard sends that belong in a code. */
export const isCodeKey = (key: string): boolean => key.length === 1 && /[A-Za-z0-9\-:/.?=&#_]/.test(key);
