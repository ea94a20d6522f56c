/**
 * The kelurahan assistant's page (/assist/) in headless Chromium, on a laptop and on a phone: sign
 * in, book a citizen without a phone (the helper's number shown, then used), see the booking in
 * its own list, and print the proof (code, QR, service, time 08.00 WIB, requirements, "Tunjukkan
 * kode ini di kiosk"), checked with print media emulated. axe: nothing critical, serious or
 * moderate. Screenshots in screenshots/assist-*.png. Pages come from dist/pages: build them first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nikFor, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

const BLOCKING = new Set(['critical', 'serious', 'moderate']);
const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => BLOCKING.has(v.impact ?? '') || v.id === 'page-has-heading-one');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

let s: TestServer;
let browser: Browser;
let password: string;

beforeAll(async () => {
  s = await startServer();
  browser = await launchBrowser();
  const admin = await signIn(s.app);
  // C is booked with its PPE requirement (OKI): the proof must carry it.
  expect((await admin.patch('/api/offices/demo/services/A').send({ requirementsId: 'Wajib masker; bawa KK asli', requirementsEn: 'Mask required; bring the original family card' })).status).toBe(200);
  const created = await admin.post('/api/offices/demo/staff').send({ username: 'kel.prabu', displayName: 'Kelurahan Prabu Jaya', role: 'assistant', contactPhone: '0812-5555-0001' });
  expect(created.status).toBe(201);
  password = created.body.password;
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('the assistant page', () => {
  for (const [name, viewport] of [['laptop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`books a citizen without a phone and prints the proof (${name})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      await context.addInitScript(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      const page = await context.newPage();
      await page.goto(`${s.url}/assist/`);
      await page.getByLabel('Nama pengguna').fill('kel.prabu');
      await page.getByLabel('Kata sandi').fill(password);
      await expectAccessible(page, `sign-in ${name}`);
      await page.getByRole('button', { name: /Masuk/ }).click();
      await page.locator('#book-form').waitFor();
      await page.locator('label.slot:not(.off)').first().waitFor();
      await expectAccessible(page, `form ${name}`);

      const n = name === 'laptop' ? 401 : 402;
      await page.locator('label.slot:not(.off) input').first().check();
      await page.locator('#f-nik').fill(nikFor(n, true));
      await page.locator('#f-name').fill(name === 'laptop' ? 'Ibu Siti Aminah' : 'Pak Darmawan');
      await page.getByLabel(/Warga tidak punya HP/).check();
      await expect.poll(() => page.locator('#nophone-note').textContent()).toContain('+62 812-5555-0001');
      expect(await page.locator('#f-phone').count()).toBe(0);
      await expectAccessible(page, `no phone ${name}`);
      await page.screenshot({ path: screenshotPath(`assist-form-${name}`), fullPage: true });
      await page.getByRole('button', { name: /Pesan untuk warga/ }).click();

      // The proof opens at once.
      const proof = page.locator('article.proof');
      await proof.waitFor();
      const code = (await proof.locator('.code').textContent())!.trim();
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      const text = (await proof.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain('Disdukcapil');
      expect(text).toContain('Pengambilan Dokumen');
      expect(text).toMatch(/\d{2}\.\d{2}–\d{2}\.\d{2} WIB/);
      expect(text).toContain('Wajib masker; bawa KK asli');
      expect(text).toContain('Tunjukkan kode ini di kiosk');
      expect(await proof.locator('.qr svg').count()).toBe(1);
      await expectAccessible(page, `proof ${name}`);
      await page.screenshot({ path: screenshotPath(`assist-proof-${name}`), fullPage: true });
      await page.getByRole('button', { name: /Cetak bukti/ }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

      // On paper: the proof alone, no buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.proof-actions').isVisible()).toBe(false);
      expect(await proof.isVisible()).toBe(true);
      await page.screenshot({ path: screenshotPath(`assist-print-${name}`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // Stored with the helper's number, and in the helper's own list.
      const [row] = s.db.prepare('SELECT phone, contact_is_helper AS helper FROM bookings WHERE code = ?').all(code) as { phone: string; helper: number }[];
      expect(row).toEqual({ phone: '+6281255550001', helper: 1 });
      await page.getByRole('button', { name: /Kembali/ }).click();
      const item = page.locator('li.booking', { hasText: code });
      await item.waitFor();
      expect(await item.textContent()).toContain('WA pendamping');
      await expectAccessible(page, `list ${name}`);
      await page.screenshot({ path: screenshotPath(`assist-list-${name}`), fullPage: true });
      // The page fits the width: nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await context.close();
    });
  }

  it('shows a refused field in the form (a wrong NIK) and the counter page sends an assistant here', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${s.url}/assist/`);
    await page.getByLabel('Nama pengguna').fill('kel.prabu');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: /Masuk/ }).click();
    await page.locator('label.slot:not(.off) input').first().waitFor();
    await page.locator('label.slot:not(.off) input').first().check();
    await page.locator('#f-nik').fill('1234');
    await page.locator('#f-name').fill('Warga Salah');
    await page.locator('#f-phone').fill('0813-1111-2222');
    await page.getByRole('button', { name: /Pesan untuk warga/ }).click();
    await page.locator('#nik-error').waitFor();
    expect(await page.locator('#f-nik').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'refused');
    await page.goto(`${s.url}/counter/`);
    await page.waitForURL(/\/assist\/$/);
    await page.locator('#book-form').waitFor();
    expect((await request(s.app).get('/api/offices/demo/bookings/XXXXXXXX')).status).toBe(401);
    await context.close();
  });
});
