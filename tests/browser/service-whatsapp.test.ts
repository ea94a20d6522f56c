/**
 * OKI's two WhatsApp numbers on the pages: the booking page and the kiosk name each service's
 * number, and show a WhatsApp-only service with its number as the way to be served; both stay
 * axe-clean. Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

const BLOCKING = new Set(['critical', 'serious', 'moderate']);
const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startServer();
  const admin = await signIn(s.app);
  // B belongs to civil records; C (urgent recording) is served by WhatsApp only, through population registration.
  await admin.patch('/api/offices/demo/services/B').send({ serviceGroup: 'Pencatatan Sipil' });
  await admin.patch('/api/offices/demo/services/C').send({ serviceGroup: 'Pendaftaran Penduduk', bookable: false, walkIn: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('each service\'s WhatsApp number', () => {
  it('on the booking page: under each service, and as the way to be served for a WhatsApp-only one', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 1100 } })).newPage();
    await page.goto(`${s.url}/booking/`);
    await page.locator('.choice').first().waitFor();
    const b = page.locator('.choice', { hasText: 'Legalisir' });
    await expect(b.locator('.wa').textContent()).resolves.toBe('WhatsApp Pencatatan Sipil: +62 812-0000-0002');
    const c = page.locator('.choice', { hasText: 'Perekaman KTP-el' });
    await expect(c.locator('.why').textContent()).resolves.toBe('Hanya melalui WhatsApp Pendaftaran Penduduk: +62 812-0000-0001');
    await expect(c.locator('a').getAttribute('href')).resolves.toBe('https://wa.me/6281200000001');
    await page.screenshot({ path: screenshotPath('booking-service-whatsapp'), fullPage: true });
    await expectAccessible(page, 'booking services');
  });

  it('on the kiosk: under each service, and a WhatsApp-only service shown off with its number', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
    await page.goto(`${s.url}/kiosk/#token=${s.kioskToken}`);
    await page.locator('.service').first().waitFor();
    await expect(page.locator('.service[data-code="B"] .wa').textContent()).resolves.toBe('WA +62 812-0000-0002');
    const c = page.locator('.service[data-code="C"]');
    await expect(c.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(c.locator('.closed').textContent()).resolves.toContain('+62 812-0000-0001');
    await page.screenshot({ path: screenshotPath('kiosk-service-whatsapp') });
    await expectAccessible(page, 'kiosk home');
  });
});
