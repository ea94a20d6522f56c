/**
 * The satisfaction survey (SKM) in headless Chromium: on a 360 px phone the ticket's status page
 * offers the nine questions once the ticket is completed (also live, without a reload), asks for a
 * missing answer in Indonesian and English, thanks the visitor, and says so again after a reload;
 * axe finds nothing serious. The admin's reports show the IKM table of the period with its CSV.
 * Screenshots: screenshots/ticket-survey-*.png, screenshots/admin-skm-report.png.
 */
import AxeBuilder from '@axe-core/playwright';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';
import { kioskAuth, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';

const PHONE = { width: 360, height: 740 };

const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

describe('the satisfaction survey in the browser', () => {
  let s: TestServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof signIn>>;
  const errors: string[] = [];

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
  const serve = async (id: string, step: 'call' | 'start' | 'complete' = 'complete') => {
    expect((await staff.post('/api/counters/1/call-next')).body.ticket.id).toBe(id);
    if (step === 'call') return;
    expect((await staff.post(`/api/tickets/${id}/start`)).status).toBe(200);
    if (step === 'start') return;
    expect((await staff.post(`/api/tickets/${id}/complete`)).status).toBe(200);
  };
  const phone = async (ticketId: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'id-ID' });
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`${s.url}/t/${ticketId}`);
    await page.locator('.live.on').waitFor();
    return page;
  };
  /** Chooses answer `score` (1–4) of question `n` by tapping its label. */
  const choose = (page: Page, n: number, score: number) => page.locator(`fieldset.q[data-n="${n}"] label.opt`).nth(score - 1).click();
  const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('offers the survey after completion, asks for what is missing, thanks the visitor, and remembers it after a reload', async () => {
    const ticket = await issue('A');
    await serve(ticket.id);
    const page = await phone(ticket.id);
    const survey = page.getByTestId('survey');
    await survey.waitFor();
    expect(await page.getByTestId('status-title').locator('.id').textContent()).toBe('Selesai');
    // Nine questions, each a fieldset with its legend and four answers; the first reads as the regulation writes it.
    expect(await survey.locator('fieldset.q').count()).toBe(9);
    expect(await survey.locator('fieldset.q input[type=radio]').count()).toBe(36);
    await expect(survey.locator('fieldset.q[data-n="1"] legend').innerText()).resolves.toContain('Bagaimana kesesuaian persyaratan pelayanan');
    await expect(survey.locator('fieldset.q[data-n="1"]').innerText()).resolves.toMatch(/Tidak sesuai[\s\S]*Kurang sesuai[\s\S]*Sesuai[\s\S]*Sangat sesuai/);
    expect(await fitsPhone(page)).toBe(true);
    await page.screenshot({ path: screenshotPath('ticket-survey-open'), fullPage: true });
    // What the phone shows: the survey's start under the status, and its end with the comment and the button.
    await page.evaluate(() => document.getElementById('survey')!.scrollIntoView());
    await page.screenshot({ path: screenshotPath('ticket-survey-open-start') });
    await expectAccessible(page, 'survey open');

    // Two answers only: the rest are named, in Indonesian and English, and nothing is sent.
    await choose(page, 1, 4);
    await choose(page, 2, 3);
    await page.getByRole('button', { name: /Kirim survei/ }).click();
    await expect(page.getByTestId('survey-error').innerText()).resolves.toContain('Mohon jawab semua pertanyaan (belum: 3, 4, 5, 6, 7, 8, 9).');
    await expect(page.getByTestId('survey-error').innerText()).resolves.toContain('Please answer every question');
    expect(await survey.locator('fieldset.q.missing').count()).toBe(7);
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM survey_responses').get()).toEqual({ n: 0 });
    // Focus went to the first unanswered question.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('u3');
    await page.screenshot({ path: screenshotPath('ticket-survey-missing'), fullPage: true });
    await page.screenshot({ path: screenshotPath('ticket-survey-missing-focus') });

    // A live update of the status above (the socket reconnecting) must not wipe what was chosen.
    for (const [n, score] of [[3, 3], [4, 4], [5, 3], [6, 4], [7, 4], [8, 2], [9, 3]] as const) await choose(page, n, score);
    expect(await survey.locator('fieldset.q.missing').count()).toBe(0);
    await page.fill('#survey-comment', 'Antrean tertib, ruang tunggu agak panas. WA saya 0812 3456 7890');
    await page.screenshot({ path: screenshotPath('ticket-survey-filled'), fullPage: true });
    await page.screenshot({ path: screenshotPath('ticket-survey-filled-end') });
    await page.getByRole('button', { name: /Kirim survei/ }).click();
    const thanks = page.getByTestId('survey-thanks');
    await thanks.waitFor();
    await expect(thanks.innerText()).resolves.toContain('Terima kasih! Jawaban Anda sudah kami terima');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('survey-title');
    await page.screenshot({ path: screenshotPath('ticket-survey-thanks') });
    await expectAccessible(page, 'survey thanks');

    const row = s.db.prepare('SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9, comment FROM survey_responses WHERE ticket_id = ?').get(ticket.id);
    expect(row).toEqual({ u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: 3, comment: 'Antrean tertib, ruang tunggu agak panas. WA saya […]' });

    await page.reload();
    await page.getByTestId('survey-thanks').waitFor();
    await expect(page.getByTestId('survey-thanks').innerText()).resolves.toContain('Survei untuk nomor ini sudah diisi');
    expect(await page.getByTestId('survey').count()).toBe(0);
    await page.context().close();
  });

  it('appears live, without a reload, when the counter completes the ticket', async () => {
    const ticket = await issue('A');
    await serve(ticket.id, 'start');
    const page = await phone(ticket.id);
    await expect.poll(() => page.getByTestId('status-title').locator('.id').textContent()).toBe('Sedang dilayani di loket 1');
    expect(await page.locator('#survey').innerHTML()).toBe('');
    await page.screenshot({ path: screenshotPath('ticket-survey-before-completion') });
    expect((await staff.post(`/api/tickets/${ticket.id}/complete`)).status).toBe(200);
    await page.getByTestId('survey').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('status-title').locator('.id').textContent()).toBe('Selesai');
    await page.screenshot({ path: screenshotPath('ticket-survey-live') });
    await page.context().close();
  });

  it("shows the IKM per service in the admin's reports, with the CSV", async () => {
    // Two more answers for B, so that the table has two services.
    for (const answers of [[4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 4, 4, 3, 3, 4, 3, 3]]) {
      const t = await issue('B');
      await serve(t.id);
      expect((await request(s.app).post(`/api/tickets/${t.id}/survey`).send({ answers })).status).toBe(201);
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`${s.url}/admin/#reports`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('form[data-form="login"] button[type=submit]');
    await page.waitForSelector('form[data-form="report"]');
    await page.click('[data-action="report-range"][data-range="today"]');
    const table = page.getByTestId('skm-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^A\s+Pengambilan Dokumen\s+1\s+4\s+3\s+3\s+4\s+3\s+4\s+4\s+2\s+3\s+83,33\s+B\s+Baik/);
    expect(rows[1]).toMatch(/^B\s+Legalisir\s+2\s/);
    expect(rows.at(-1)).toMatch(/^Semua layanan[\s\S]*\s3\s/);
    const href = await page.getByRole('link', { name: /Unduh CSV SKM/ }).getAttribute('href');
    expect(href).toBe('/api/offices/demo/reports/skm?from=2026-11-24&to=2026-11-24&format=csv');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[1]).toMatch(/^2026-11-24,2026-11-24,layanan,A,Pengambilan Dokumen,1,4,3,3,4,3,4,4,2,3,3.3333,83.33,B,Baik \/ Good$/);
    await page.locator('#skm-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('admin-skm-report') });
    await expectAccessible(page, 'admin reports with SKM');
    await context.close();
    expect(errors).toEqual([]);
  });
});
