/**
 * The confirmation code of a pending booking (domain/confirmation), as both engines make and keep
 * it: six random digits sent by WhatsApp, stored only as an HMAC under the server's secret (the
 * same keyed hash as the NIK's, over the booking code and the digits, so equal codes of two
 * bookings never hash alike). Nothing here reads or writes a database.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { BookingView } from '../../shared/types';
import { OTP_DIGITS } from '../domain/confirmation';
import { isoInZone } from '../domain/time';

/** What the keyed hash is taken over for one booking's code. */
export const otpHashInput = (bookingCode: string, otp: string): string => `otp:${bookingCode}:${otp}`;

export const newOtp = (): { code: string; hashInput: (bookingCode: string) => string } => {
  const code = String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
  return { code, hashInput: (bookingCode) => otpHashInput(bookingCode, code) };
};

/** Compares a stored hash with the hash of what was sent, in constant time. */
export const sameHash = (stored: string | null, sent: string): boolean => {
  if (!stored || stored.length !== sent.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(sent));
};

/** A pending booking's view says until when it holds its place (ISO, the office's zone). */
export const holdFacts = (booking: { status: string; holdUntil: number | null }, timezone: string): { holdUntil?: string } =>
  booking.status === 'pending' && booking.holdUntil !== null ? { holdUntil: isoInZone(booking.holdUntil, timezone) } : {};

/** The WhatsApp message with the code: what was booked, the code, and until when it holds. */
export const otpPayload = (view: BookingView, office: { name: string }, otp: string) => ({
  code: view.code,
  office: office.name,
  service: view.serviceName,
  date: view.date,
  start: view.start,
  end: view.end,
  otp,
  until: view.holdUntil ?? '',
});
