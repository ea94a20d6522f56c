/**
 * The booking page through the release's waiting room, on a 360×740 phone in headless Chromium.
 * The demo office releases the day 7 days ahead at 10:00 WIB (room from 09:45); Tuesday
 * 2026-12-01 has 2 places (service A, 09:00). Three visitors join by the API at 09:50; visitor B
 * joins on the page before the release and sees the room waiting for the draw; visitor A comes
 * after the release, is refused by the room, waits in it ("nomor N dalam antrean"), and once
 * admitted the page sends the booking again by itself. Pages come from PAGES_DIR (build first).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';
import { nikFor, signIn } from '../support/factories';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

const DAY = '2026-12-01';
let s: TestServer;
let browser: Browser;

const newPage = async (desk = false): Promise<Page> => {
  const context = await browser.newContext(
    desk ? { viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' }
      : { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta' },
  );
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
};
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`booking-waiting-room-${name}`), fullPage: true });
const roomText = (page: Page) => page.locator('[data-wr="room"]').innerText();
/** axe-core with the WCAG 2.1 A/AA rules: nothing serious or critical may remain. */
const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

beforeAll(async () => {
  s = await startServer({ now: '2026-11-24T09:50:00.000+07:00' });
  const admin = await signIn(s.app);
  await admin.patch('/api/offices/demo').send({ releaseTime: '10:00', releaseDaysAhead: 7 }).expect(200);
  await request(s.app).get(`/api/offices/demo/availability?service=A&from=${DAY}&days=1`).expect(200);
  s.db.prepare(`UPDATE slots SET capacity = CASE WHEN start = '09:00' AND service_id = (SELECT id FROM services WHERE code = 'A') THEN 2 ELSE 0 END WHERE date = ?`).run(DAY);
  for (let i = 0; i < 3; i++) await request(s.app).post('/api/offices/demo/waiting-room').send({ date: DAY }).expect(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('the booking page through the waiting room', () => {
  it('shows an unreleased day with its opening, and lets a visitor wait for the draw', async () => {
    const page = await newPage();
    await page.goto(`${s.url}/booking/`);
    await page.click('[data-action="service"][data-code="A"]');
    const day = page.locator('[data-action="day"][data-date="2026-12-01"]');
    await expect.poll(() => day.innerText()).toMatch(/Dibuka 10\.00/);
    await day.click();
    await page.waitForSelector('[data-wr="unreleased"]');
    expect(await page.locator('[data-wr="unreleased"]').innerText()).toContain('dibuka Selasa, 24 November 2026 pukul 10.00');
    expect(await page.locator('[data-action="slot"]').count()).toBe(0);
    await shot(page, '1-unreleased');
    await expectAccessible(page, 'unreleased day');
    await page.click('[data-action="wr-join"]');
    await page.waitForSelector('[data-wr="count"]');
    expect(await page.locator('#screen-title').innerText()).toBe('Ruang tunggu');
    expect(await roomText(page)).toContain('Kuota dibuka pukul 10.00');
    expect(await roomText(page)).toContain('4 orang di ruang tunggu');
    await shot(page, '2-before-release');
    await expectAccessible(page, 'waiting room before the release');
    // A reload keeps the place (the entry is kept for the tab).
    await page.reload();
    await page.waitForSelector('[data-wr="count"]');
    expect(await roomText(page)).toContain('4 orang di ruang tunggu');
    await page.context().close();
  });

  it('after the release: a booking is sent to the room, waits its turn live, and is booked once admitted', async () => {
    s.clock.set('2026-11-24T10:00:00.000+07:00');
    const page = await newPage();
    await page.goto(`${s.url}/booking/`);
    await page.click('[data-action="service"][data-code="A"]');
    await page.click('[data-action="day"][data-date="2026-12-01"]');
    await page.click('[data-action="slot"]');
    await page.fill('#f-nik', nikFor(77));
    await page.fill('#f-name', 'Siti Rahma');
    await page.fill('#f-phone', '0812-7777-0001');
    await page.click('[data-form="book"] button[type="submit"]');

    // Four joined before the release (drawn), two of them admitted for the two places; this visitor came later: third in line.
    await page.waitForSelector('[data-wr="number"]');
    await expect.poll(() => page.locator('[data-wr="number"]').innerText()).toBe('Anda nomor 3 dalam antrean');
    expect(await roomText(page)).toMatch(/sekitar \d+ menit/);
    expect(await roomText(page)).toContain('Nomor undian Anda: 5');
    await shot(page, '3-in-queue');
    await expectAccessible(page, 'waiting room in the queue');
    // In English too, live.
    await page.click('[data-action="lang"]');
    await expect.poll(() => page.locator('[data-wr="number"]').innerText()).toBe('You are number 3 in the queue');
    expect(await roomText(page)).toMatch(/about \d+ minutes/);
    await shot(page, '3-in-queue-en');
    await page.click('[data-action="lang"]');

    // The two admissions pass unused: the next two are admitted, this visitor is first in line.
    s.clock.set('2026-11-24T10:10:01.000+07:00');
    await expect.poll(() => page.locator('[data-wr="number"]').innerText(), { timeout: 10_000 }).toBe('Anda nomor 1 dalam antrean');
    await shot(page, '4-first');

    // Those pass too: this visitor is admitted and the page books by itself.
    s.clock.set('2026-11-24T10:20:02.000+07:00');
    await page.waitForSelector('text=/[A-Z0-9]{8}/', { timeout: 10_000 });
    await expect.poll(() => page.locator('#screen-title').innerText(), { timeout: 10_000 }).not.toBe('Ruang tunggu');
    const booked = s.db.prepare("SELECT b.code, e.status FROM bookings b JOIN waiting_room_entries e ON e.booking_id = b.id WHERE b.date = ?").all(DAY) as { code: string; status: string }[];
    expect(booked).toHaveLength(1);
    expect(booked[0]!.status).toBe('used');
    expect(await page.locator('main').innerText()).toContain(booked[0]!.code);
    await shot(page, '5-booked');
    await page.context().close();
  }, 60_000);

  it("shows the admin the release's settings and the draw's seed", async () => {
    const page = await newPage(true);
    await page.goto(`${s.url}/admin/#office`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('form[data-form="login"] button[type=submit]');
    await page.waitForSelector('code.seed');
    expect(await page.inputValue('input[name=releaseTime]')).toBe('10:00');
    expect(await page.inputValue('input[name=admissionMinutes]')).toBe('10');
    const seed = (s.db.prepare('SELECT seed FROM releases WHERE date = ?').get(DAY) as { seed: string }).seed;
    expect(await page.locator('code.seed').innerText()).toBe(seed);
    await page.locator('code.seed').scrollIntoViewIfNeeded();
    await shot(page, '6-admin-seed');
    await page.context().close();
  });
});
