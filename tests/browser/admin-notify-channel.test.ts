/**
 * Issue item 9, "Notifications say what really happened", in a real browser: the admin overview
 * names the configured channel and counts what the log channel only logged ("Dicatat (tidak
 * dikirim) / Logged (not sent)") apart from what WhatsApp delivered ("Terkirim lewat WhatsApp /
 * Sent by WhatsApp"); the booking page promises a WhatsApp message only where one is sent.
 * Screenshots: screenshots/admin-notify-log.png, admin-notify-whatsapp.png.
 * Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue, deliverers } from '../../server/jobs/sender';
import { bookMany, startWhatsappStub, whatsappConfig, type WhatsappStub } from '../http/closureSupport';
import { launchBrowser, screenshotPath } from '../support/browser';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const drain = async (s: TestServer) => {
  const channels = deliverers(s.config, s.log);
  for (let pass = 0; pass < 10; pass++) if ((await deliverDue(s.store, s.clock, channels)) === 0) return;
};

/** Signs in as the first admin and opens the overview; returns the messages section's text. */
const overview = async (s: TestServer, page: Page): Promise<string> => {
  await page.goto(`${s.url}/admin/`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', ADMIN_PASSWORD);
  await page.click('form[data-form="login"] button[type=submit]');
  await page.waitForSelector('[data-testid="notify-channel"]');
  return page.locator('section.card', { has: page.locator('[data-testid="notify-channel"]') }).innerText();
};

/** Opens the booking form of the first slot of Wednesday and types a phone number: the line under it. */
const phonePreview = async (s: TestServer, page: Page): Promise<{ hint: string; preview: string }> => {
  await page.goto(`${s.url}/booking/`);
  await page.click('[data-action="service"][data-code="A"]');
  await page.click('.day button[data-date="2026-11-25"]');
  await page.click('.slot button >> nth=0');
  await page.waitForSelector('form[data-form="book"]');
  await page.fill('#f-phone', '0812 3456 7890');
  return { hint: await page.locator('#phone-hint').innerText(), preview: await page.locator('#phone-preview').innerText() };
};

describe('the admin overview and the booking page by notification channel', () => {
  let s: TestServer | undefined;
  let stub: WhatsappStub | undefined;
  let context: BrowserContext | undefined;
  const errors: string[] = [];
  const open = async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    return page;
  };
  const close = async () => {
    await context?.close();
    await s?.stop();
    await stub?.close();
    context = undefined;
    s = undefined;
    stub = undefined;
  };
  afterAll(close);

  it('with the log channel: says the channel is log, and counts the messages as logged (not sent)', async () => {
    s = await startServer();
    await bookMany(s, 2, '2026-11-25');
    await drain(s);
    const page = await open();
    const text = await overview(s, page);
    expect(text).toContain('Saluran: log');
    expect(text).toContain('tidak dikirim ke warga');
    expect(text).toMatch(/Dicatat \(tidak dikirim\)\s*Logged \(not sent\)\s*2/);
    expect(text).not.toContain('Terkirim');
    await page.locator('section.card', { has: page.locator('[data-testid="notify-channel"]') }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('admin-notify-log') });

    const booking = await phonePreview(s, page);
    expect(booking.hint).toContain('Kantor ini tidak mengirim pesan WhatsApp');
    expect(booking.preview).toBe('Nomor Anda: +62 812-3456-7890');
    expect(errors).toEqual([]);
    await close();
  });

  it('with the WhatsApp channel: says so, and counts the messages as sent by WhatsApp', async () => {
    stub = await startWhatsappStub();
    s = await startServer({ config: whatsappConfig(stub) });
    await bookMany(s, 3, '2026-11-25');
    await drain(s);
    expect(stub.accepted()).toHaveLength(3);
    const page = await open();
    const text = await overview(s, page);
    expect(text).toContain('Saluran: WhatsApp');
    expect(text).toMatch(/Terkirim lewat WhatsApp\s*Sent by WhatsApp\s*3/);
    expect(text).not.toContain('Dicatat');
    await page.locator('section.card', { has: page.locator('[data-testid="notify-channel"]') }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('admin-notify-whatsapp') });

    const booking = await phonePreview(s, page);
    expect(booking.hint).toContain('Konfirmasi dikirim ke nomor ini');
    expect(booking.preview).toBe('Dikirim ke +62 812-3456-7890');
    expect(errors).toEqual([]);
    await close();
  });
});
