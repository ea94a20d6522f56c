/** The office's WhatsApp contact numbers (OKI: one for population registration, one for civil records). */
import { invalid } from './errors';
import { normalisePhone } from './phone';

/**
 * A WhatsApp number as stored (+62…): a mobile number as people type it, or a business
 * landline with its area code. Refuses anything else.
 */
export const contactPhone = (input: string): string => {
  const mobile = normalisePhone(input);
  if (mobile) return mobile;
  const digits = input.replace(/[\s\-().]/g, '');
  if (/^\+62[1-9]\d{6,11}$/.test(digits)) return digits;
  if (/^0[1-9]\d{6,11}$/.test(digits)) return `+62${digits.slice(1)}`;
  return invalid({ phone: { key: 'phone' } });
};
