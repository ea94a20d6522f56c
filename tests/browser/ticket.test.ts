import request from 'supertest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskAuth, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

const PHONE = { width: 360, height: 740 };

/** axe-core with the WCAG 2.1 A/AA rules: nothing serious or critical may remain. */
const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

describe('the ticket status page on a phone follows the ticket live', () => {
  let s: TestServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    s = await startServer();
    browser = await launchBrowser();
    staff = await signIn(s.app);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const issue = async (service = 'A') =>
    (await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service })).body as { id: string; number: string };
  const phone = async (ticketId: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${s.url}/t/${ticketId}`);
    await page.locator('.live.on').waitFor();
    return page;
  };
  const title = (page: Page) => page.getByTestId('status-title').locator('.id');
  const waitForTitle = (page: Page, text: string) => expect.poll(() => title(page).textContent(), { timeout: 10_000 }).toBe(text);

  it('shows number, position and wait, then changes when a counter calls, serves and completes the ticket', async () => {
    const first = await issue('A');
    const mine = await issue('A');
    const page = await phone(mine.id);
    expect(await page.getByTestId('number').textContent()).toBe(mine.number);
    await waitForTitle(page, 'Silakan masuk');
    expect(await page.getByTestId('position').textContent()).toBe('2');
    await expect(page.locator('.facts').textContent()).resolves.toContain('1 orang di depan Anda');
    await expect(page.locator('.top .office').textContent()).resolves.toBe('Disdukcapil Kota Demo');
    // Nothing personal on the page: the ticket has none to show.
    await page.screenshot({ path: screenshotPath('ticket-phone-waiting') });
    await expectAccessible(page, 'ticket page');

    // The visitor ahead is called: this page moves up to position 1 without a reload.
    expect((await staff.post('/api/counters/1/call-next')).body.ticket.number).toBe(first.number);
    await expect.poll(() => page.getByTestId('position').textContent(), { timeout: 10_000 }).toBe('1');

    await staff.post(`/api/tickets/${first.id}/start`);
    await staff.post(`/api/tickets/${first.id}/complete`);
    // Counter 2 calls this ticket: "Dipanggil ke loket 2".
    expect((await staff.post('/api/counters/2/call-next')).body.ticket.number).toBe(mine.number);
    await waitForTitle(page, 'Dipanggil ke loket 2');
    expect(await page.title()).toContain('Loket 2');
    await page.screenshot({ path: screenshotPath('ticket-phone-called') });

    await staff.post(`/api/tickets/${mine.id}/start`);
    await waitForTitle(page, 'Sedang dilayani di loket 2');
    await staff.post(`/api/tickets/${mine.id}/complete`);
    await waitForTitle(page, 'Selesai');
    await page.screenshot({ path: screenshotPath('ticket-phone-done') });
    await page.context().close();
  });

  it('tells a visitor past the room capacity to wait outside, then to come in once an earlier visitor is done', async () => {
    s.db.prepare('update offices set room_capacity = 1').run();
    try {
      const ahead = await issue('B');
      const outside = await issue('B');
      const page = await phone(outside.id);
      await waitForTitle(page, 'Tunggu di luar');
      await page.screenshot({ path: screenshotPath('ticket-phone-outside') });
      const called = (await staff.post('/api/counters/2/call-next')).body.ticket;
      expect(called.number).toBe(ahead.number);
      await staff.post(`/api/tickets/${called.id}/start`);
      expect(await title(page).textContent()).toBe('Tunggu di luar');
      await staff.post(`/api/tickets/${called.id}/complete`);
      await waitForTitle(page, 'Silakan masuk');
      await page.context().close();
    } finally {
      s.db.prepare('update offices set room_capacity = 30').run();
    }
  });

  it('says so for an unknown ticket', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${s.url}/t/tidak-ada-tiket-ini`);
    await waitForTitle(page, 'Tiket tidak ditemukan');
    await context.close();
  });
});
