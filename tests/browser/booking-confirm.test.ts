/**
 * The booking page where the office confirms bookings by WhatsApp (BOOKING_CONFIRMATION=whatsapp):
 * after the form the page asks for the 6-digit code, refuses a wrong one on the field, and with
 * the right one shows the booking as made; a pending booking found later with its code asks for
 * the code again. Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';
import { nikFor } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  s = await startServer({ config: { bookingConfirmation: 'whatsapp' } });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' });
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.stop();
});

const NIK = nikFor(5150, true);
const heading = () => page.locator('#screen-title').innerText();
const otpOf = (code: string): string => {
  const m = s.db.prepare("SELECT n.payload FROM notifications n JOIN bookings b ON b.id = n.booking_id WHERE b.code = ? AND n.template = 'booking_otp'").get(code) as { payload: string };
  return (JSON.parse(m.payload) as { otp: string }).otp;
};
const expectAccessible = async (what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

describe('the booking page with confirmation by WhatsApp', () => {
  let code = '';

  it('asks for the code after the form, refuses a wrong one on the field, and books with the right one', async () => {
    await page.goto(`${s.url}/booking/`);
    await page.click('[data-action="service"][data-code="A"]');
    await page.click('[data-action="slot"]');
    await page.fill('#f-nik', NIK);
    await page.fill('#f-name', 'Siti Aminah');
    await page.fill('#f-phone', '0812 3456 7890');
    await page.click('button[type="submit"]');
    await expect.poll(heading, { timeout: 20_000 }).toContain('Masukkan kode konfirmasi');
    const text = await page.locator('main').innerText();
    // The number the code went to, masked.
    expect(text).toContain('7890');
    expect(text).toMatch(/ditahan sampai pukul \d\d\.\d\d WIB/);
    code = (s.db.prepare('SELECT code FROM bookings').get() as { code: string }).code;
    expect((s.db.prepare('SELECT status FROM bookings').get() as { status: string }).status).toBe('pending');
    await expectAccessible('confirm screen');
    await page.screenshot({ path: screenshotPath('booking-confirm-1-code'), fullPage: true });

    const right = otpOf(code);
    await page.fill('#f-otp', right === '111111' ? '222222' : '111111');
    await page.click('form[data-form="confirm"] button[type="submit"]');
    await expect.poll(() => page.locator('#otp-error').innerText(), { timeout: 10_000 }).toContain('Kode konfirmasi salah');
    await page.screenshot({ path: screenshotPath('booking-confirm-2-wrong'), fullPage: true });

    await page.fill('#f-otp', right);
    await page.click('form[data-form="confirm"] button[type="submit"]');
    await expect.poll(heading, { timeout: 10_000 }).toContain('Reservasi berhasil');
    expect((s.db.prepare('SELECT status FROM bookings').get() as { status: string }).status).toBe('booked');
    await page.screenshot({ path: screenshotPath('booking-confirm-3-done'), fullPage: true });
  });

  it('asks for the code again when a pending booking is found by its code', async () => {
    s.db.prepare("UPDATE bookings SET status = 'pending', hold_until = ? WHERE code = ?").run(s.clock.now().toMillis() + 300_000, code);
    await page.goto(`${s.url}/booking/?code=${code}`);
    await page.fill('#f-nik4', NIK.slice(-4));
    await page.click('form[data-form="find"] button[type="submit"]');
    await expect.poll(heading, { timeout: 10_000 }).toContain('Masukkan kode konfirmasi');
    await page.fill('#f-otp', otpOf(code));
    await page.click('form[data-form="confirm"] button[type="submit"]');
    await expect.poll(heading, { timeout: 10_000 }).toContain('Reservasi berhasil');
  });
});
