/**
 * The opening-hours form in a real browser (issue "the lobby and the counter as a real office runs
 * them", item 2): an admin gives Friday a prayer break by editing its interval and adding a second
 * one, saves, and sees the booked slot the break leaves outside; removing the second interval of
 * a day works on the page too. Screenshot: screenshots/admin-hours-intervals.png.
 * Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';
import { person } from '../support/factories';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
const FRIDAY = '2026-11-27';

beforeAll(async () => {
  s = await startServer();
  // A booking in Friday's 11:00–12:00 slot, which the prayer break will leave outside the hours.
  const friday = (await request(s.app).get(`/api/offices/demo/availability?service=A&from=${FRIDAY}&days=1`)).body[0];
  const slot = friday.slots.find((x: { start: string }) => x.start.slice(11, 16) === '11:00');
  expect((await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(3) })).status).toBe(201);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page = await context.newPage();
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${s.url}/admin/`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', ADMIN_PASSWORD);
  await page.click('form[data-form="login"] button[type=submit]');
  await page.waitForSelector('nav.side');
  await page.click('nav.side a[href="#office"]');
  await page.waitForSelector('form[data-form="hours"]');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.stop();
});

describe('the opening-hours form', () => {
  it('adds a second interval to Friday, saves both, and lists the booked slot left outside', async () => {
    const friday = page.locator('form[data-form="hours"] tr[data-weekday="5"]');
    await friday.locator('[data-col="close"]').first().fill('11:30');
    await friday.locator('[data-action="hours-add"]').click();
    expect(await friday.locator('[data-interval]').count()).toBe(2);
    await friday.locator('[data-col="open"]').nth(1).fill('13:30');
    await friday.locator('[data-col="close"]').nth(1).fill('15:00');
    await page.locator('form[data-form="hours"] button[type=submit]').click();
    await expect.poll(() => page.locator('#flash .flash').innerText()).toContain('Jam buka disimpan');
    const detail = (await request(s.app).get('/api/offices/demo')).body;
    expect(detail.openingHours.filter((h: { weekday: number }) => h.weekday === 5)).toEqual([
      { weekday: 5, open: '08:00', close: '11:30' },
      { weekday: 5, open: '13:30', close: '15:00' },
    ]);
    // The form shows the week as stored, Friday with its two intervals, and the conflict below it.
    await expect.poll(() => page.locator('form[data-form="hours"] tr[data-weekday="5"] [data-interval]').count()).toBe(2);
    expect(await page.locator('ul.conflicts').innerText()).toMatch(/27 Nov 2026.*A.*11\.00–12\.00.*1/s);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 1400 });
    await page.locator('section.card', { has: page.locator('form[data-form="hours"]') }).screenshot({ path: screenshotPath('admin-hours-intervals') });
    // The slot editor marks Friday's template slots across the break: the server does not make them.
    await page.click('nav.side a[href="#slots"]');
    const fridaySlots = page.locator('[data-rows="tpl"] .weekday', { has: page.locator('tr[data-weekday="5"]') });
    await expect.poll(() => fridaySlots.locator('h3').innerText()).toContain('3 di luar jam buka');
    expect(await fridaySlots.locator('tr.outside-hours [data-col="start"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['11:00', '12:00', '13:00']);
    await fridaySlots.screenshot({ path: screenshotPath('admin-hours-template-friday') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('nav.side a[href="#office"]');
    await page.waitForSelector('form[data-form="hours"]');
  });

  it("removes an interval on the page; removing a day's last one closes the day", async () => {
    const friday = page.locator('form[data-form="hours"] tr[data-weekday="5"]');
    await friday.locator('[data-action="hours-remove"]').nth(1).click();
    expect(await friday.locator('[data-interval]').count()).toBe(1);
    const monday = page.locator('form[data-form="hours"] tr[data-weekday="1"]');
    await monday.locator('[data-action="hours-remove"]').click();
    expect(await monday.locator('input[type=checkbox]').isChecked()).toBe(false);
    await page.locator('form[data-form="hours"] button[type=submit]').click();
    await expect.poll(() => page.locator('#flash .flash').innerText()).toContain('Jam buka disimpan');
    const hours = (await request(s.app).get('/api/offices/demo')).body.openingHours as { weekday: number; open: string; close: string }[];
    expect(hours.map((h) => `${h.weekday} ${h.open}–${h.close}`)).toEqual(['2 08:00–15:00', '3 08:00–15:00', '4 08:00–15:00', '5 08:00–11:30']);
    expect(errors).toEqual([]);
  });
});
