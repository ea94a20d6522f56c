import request from 'supertest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { firstBookableSlot, kioskAuth, nikFor } from '../support/factories';
import { launchBrowser } from '../support/browser';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

const dump = async (page: Page, what: string) => {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  for (const v of r.violations) console.log(`${what}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' :: ' + (n.any[0]?.message ?? n.failureSummary ?? '').slice(0, 160)).join(' || ')}`);
};

describe('explore', () => {
  let s: TestServer; let browser: Browser;
  beforeAll(async () => { s = await startServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await s?.stop(); });
  it('dumps', async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: nikFor(77, true), name: 'Dewi Lestari', phone: '0812-1111-2222' });
    s.clock.set(slot.start);
    await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    for (const service of ['A', 'B', 'C', 'A']) await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });
    const counter = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await counter.goto(`${s.url}/counter/`);
    await counter.getByLabel('Nama pengguna').fill('admin');
    await counter.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await dump(counter, 'counter-login');
    await counter.getByRole('button', { name: /Masuk/ }).click();
    await counter.getByRole('heading', { name: /Pilih loket/ }).waitFor();
    await dump(counter, 'counter-choose');
    await counter.getByRole('button', { name: /Loket 1/ }).click();
    await counter.locator('.link.online').waitFor();
    await dump(counter, 'counter-idle');
    await counter.keyboard.press('p');
    await counter.locator('[data-testid=current-number]').waitFor();
    await counter.waitForTimeout(500);
    await dump(counter, 'counter-called');
    await counter.keyboard.press('t');
    await counter.waitForTimeout(500);
    await dump(counter, 'counter-noshow');
    await counter.keyboard.press('j');
    await counter.waitForTimeout(500);
    await dump(counter, 'counter-paused');

    const admin = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await admin.goto(`${s.url}/admin/`);
    await admin.waitForSelector('form[data-form="login"]');
    await dump(admin, 'admin-login');
    await admin.fill('input[name=username]', 'admin');
    await admin.fill('input[name=password]', ADMIN_PASSWORD);
    await admin.click('form[data-form="login"] button[type=submit]');
    await admin.waitForSelector('.tiles');
    await dump(admin, 'admin-overview');
    const sections = await admin.locator('nav.side a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    for (const section of sections) {
      await admin.click(`nav.side a[href="#${section}"]`);
      await admin.waitForSelector(`nav.side a.active[href="#${section}"]`);
      await admin.waitForTimeout(600);
      await dump(admin, `admin-${section}`);
    }
    const kiosk = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await kiosk.goto(`${s.url}/kiosk/#token=${s.kioskToken}`);
    await kiosk.locator('.service').first().waitFor();
    await dump(kiosk, 'kiosk-home');
    await kiosk.locator('.service[data-code="B"]').click();
    await kiosk.getByTestId('ticket-number').waitFor();
    await dump(kiosk, 'kiosk-ticket');
  });
});
