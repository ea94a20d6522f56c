/**
 * Indonesian mobile numbers as people type them (08…, +62…, 62…, with spaces
 * or dashes) normalised to E.164 (+628…).
 */
export const normalisePhone = (input: string): string | null => {
  const compact = input.replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  // Indonesian mobile numbers start with 8 and have 9 to 12 digits after the country code.
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
};

/** +6281234567890 → +62812••••7890: enough for a holder to recognise, too little to use. */
export const maskPhone = (e164: string): string =>
  // Shorter than any valid +628… number: show nothing rather than most of it (and never a negative repeat).
  e164.length < 12 ? '••••' : `${e164.slice(0, 6)}${'•'.repeat(e164.length - 10)}${e164.slice(-4)}`;

export const maskNik = (last4: string): string => `************${last4}`;
