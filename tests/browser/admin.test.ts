/**
 * The admin page in a real browser at 1366×768: an admin signs in, closes the office for a day
 * from the closures section, and the booking availability (API and, when built, the booking
 * page) then shows that day closed. Screenshots of every section go to screenshots/admin-*.png.
 * Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';
import { kioskAuth, person, signIn } from '../support/factories';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const errors: string[] = [];

const shot = (name: string) => page.screenshot({ path: screenshotPath(`admin-${name}`) });
/** The whole scrolling main column, for looking at a long section in one picture. */
const shotWhole = async (name: string) => {
  const height = await page.evaluate(() => document.getElementById('main')!.scrollHeight + 46);
  await page.setViewportSize({ width: 1366, height: Math.max(768, Math.min(height, 3000)) });
  await page.screenshot({ path: screenshotPath(`admin-${name}`) });
  await page.setViewportSize({ width: 1366, height: 768 });
};
const flash = () => page.locator('#flash .flash').innerText();
const open = async (section: string) => {
  await page.click(`nav.side a[href="#${section}"]`);
  await page.waitForSelector(`nav.side a.active[href="#${section}"]`);
};
/** WCAG 2.1 A/AA and best practice: nothing critical, serious or moderate (a page's h1 included), and no empty table header. */
const expectAccessible = async (what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate' || v.id === 'empty-table-header');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

beforeAll(async () => {
  s = await startServer();
  // A day's work so that the reports and the audit log have something to show: yesterday was Monday 23 November.
  s.clock.set('2026-11-23T07:30:00.000+07:00');
  const slot = (await request(s.app).get('/api/offices/demo/availability?service=B&days=1')).body[0].slots.at(-1);
  const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...person(9) });
  await request(s.app).post(`/api/bookings/${booked.body.code}/cancel`).send({ nik4: person(9).nik.slice(-4) });
  // A minute-by-minute day: arrivals with a morning rush, three counters calling, serving, now and then a no-show.
  const perHour = [10, 12, 6, 4, 3, 2, 1];
  const mix = 'AABACABBAAACABAB';
  const minutesOf = { A: 9, B: 12, C: 18 } as Record<string, number>;
  const arrivals = new Map<number, string[]>();
  let n = 0;
  perHour.forEach((count, h) => {
    for (let i = 0; i < count; i++) {
      const at = (8 + h) * 60 + Math.floor((i * 60) / count);
      arrivals.set(at, [...(arrivals.get(at) ?? []), mix[n++ % mix.length]!]);
    }
  });
  const staff = await signIn(s.app);
  const desks = [1, 2, 3].map((id) => ({ id, ticket: null as string | null, doneAt: 0 }));
  let waiting = 0;
  let calls = 0;
  for (let m = 8 * 60; m <= 15 * 60; m++) {
    s.clock.set(`2026-11-23T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000+07:00`);
    for (const service of arrivals.get(m) ?? []) {
      await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });
      waiting++;
    }
    for (const desk of desks) {
      // Counter 3 opens at 10:00, after a morning meeting.
      if (desk.id === 3 && m < 10 * 60) continue;
      if (desk.ticket && m >= desk.doneAt) {
        await staff.post(`/api/tickets/${desk.ticket}/complete`);
        desk.ticket = null;
      }
      if (desk.ticket || waiting === 0) continue;
      const called = await staff.post(`/api/counters/${desk.id}/call-next`);
      if (called.status !== 200) continue;
      waiting--;
      const ticket = called.body.ticket;
      if (++calls % 11 === 0) {
        await staff.post(`/api/tickets/${ticket.id}/no-show`);
        continue;
      }
      await staff.post(`/api/tickets/${ticket.id}/start`);
      desk.ticket = ticket.id;
      desk.doneAt = m + minutesOf[ticket.service]! + (calls % 3);
    }
  }
  s.clock.set('2026-11-24T09:30:00.000+07:00');
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page = await context.newPage();
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.stop();
});

describe('the admin page', () => {
  it('asks for a sign-in, refuses a wrong password in Indonesian, and lets the admin in', async () => {
    await page.goto(`${s.url}/admin/`);
    await page.waitForSelector('form[data-form="login"]');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await shot('01-login');
    await expectAccessible('login');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'salah-sekali');
    await page.click('form[data-form="login"] button[type=submit]');
    await expect.poll(() => page.locator('.alert.bad').innerText()).toContain('Nama pengguna atau kata sandi salah');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('form[data-form="login"] button[type=submit]');
    await page.waitForSelector('nav.side');
    await page.waitForSelector('.tiles');
    expect(await page.locator('.top').innerText()).toContain('Administrator');
    await shot('02-overview');
    await expectAccessible('overview');
  });

  it('creates a whole-office closure for tomorrow; the booking availability then shows the day closed', async () => {
    await open('closures');
    await shot('03-closures-empty');
    const form = page.locator('form[data-form="closure-create"]');
    await form.locator('input[name=from]').fill('2026-11-25');
    await form.locator('input[name=to]').fill('2026-11-25');
    await form.locator('input[name=reason]').fill('Pegawai terpapar COVID-19; kantor disterilkan');
    await form.locator('button[type=submit]').click();
    await expect.poll(flash).toContain('Penutupan disimpan');
    expect(dialogs.at(-1)).toContain('Tutup seluruh kantor 2026-11-25 sampai 2026-11-25');
    expect(await page.locator('table.grid').last().innerText()).toMatch(/Seluruh kantor[\s\S]*Pegawai terpapar COVID-19[\s\S]*akan datang/);
    await shot('04-closures-created');
    await expectAccessible('closures');

    const days = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-25&days=1')).body;
    expect(days).toEqual([{ date: '2026-11-25', closed: true, reason: 'Pegawai terpapar COVID-19; kantor disterilkan', slots: [] }]);

    const pagesDir = process.env.PAGES_DIR || 'dist/pages';
    if (existsSync(join(pagesDir, 'booking', 'index.html'))) {
      const visitor = await context.newPage();
      await visitor.setViewportSize({ width: 1366, height: 768 });
      await visitor.goto(`${s.url}/booking/`);
      await visitor.click('[data-action="service"][data-code="A"]');
      await visitor.waitForSelector('.days');
      const wednesday = visitor.locator('.day.off', { hasText: '25 Nov' });
      await expect.poll(() => wednesday.innerText()).toMatch(/Tutup\s+Pegawai terpapar COVID-19/);
      await visitor.screenshot({ path: screenshotPath('admin-05-booking-page-closed-day') });
      await visitor.close();
    }
  });

  it('ends the closure again from the list', async () => {
    const end = page.locator('form[data-form="closure-end"]').first();
    await end.locator('input[name=to]').fill('2026-11-24');
    await end.locator('button[type=submit]').click();
    await expect.poll(flash).toContain('Penutupan diakhiri');
    expect(await page.locator('table.grid').last().innerText()).toContain('dibatalkan');
    expect((await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-25&days=1')).body[0].closed).toBe(false);
  });

  it('adds a service and gives it a weekly template with the generator', async () => {
    await open('services');
    const form = page.locator('form[data-form="service-create"]');
    await form.locator('input[name=code]').fill('D');
    await form.locator('input[name=nameId]').fill('Konsultasi Pindah Datang');
    await form.locator('input[name=nameEn]').fill('Moving in/out consultation');
    await form.locator('input[name=walkInQuota]').fill('25');
    await form.locator('button[type=submit]').click();
    await expect.poll(flash).toContain('Layanan D ditambahkan');
    await shot('06-services');
    await expectAccessible('services');
    await page.click('[data-action="goto-slots"][data-code="D"]');
    await page.waitForSelector('nav.side a.active[href="#slots"]');
    await page.click('.generator summary');
    const gen = page.locator('form[data-form="tpl-generate"]');
    await gen.locator('input[name=from]').fill('09:00');
    await gen.locator('input[name=to]').fill('12:00');
    await gen.locator('input[name=capacity]').fill('6');
    await gen.locator('button[type=submit]').click();
    expect(await page.locator('[data-rows="tpl"] tr[data-row]').count()).toBe(15);
    await page.click('[data-action="tpl-save"]');
    await expect.poll(flash).toContain('Jadwal mingguan D disimpan');
    const wed = (await request(s.app).get('/api/offices/demo/availability?service=D&from=2026-11-25&days=1')).body[0];
    expect(wed.slots.map((x: { start: string; capacity: number }) => `${x.start.slice(11, 16)}/${x.capacity}`)).toEqual(['09:00/6', '10:00/6', '11:00/6']);
    await shot('07-slots');
    await shotWhole('07b-slots-whole');
    await expectAccessible('slots');
  });

  it('creates a staff account and shows its password once', async () => {
    await open('staff');
    const form = page.locator('form[data-form="user-create"]');
    await form.locator('input[name=username]').fill('rina.loket');
    await form.locator('input[name=displayName]').fill('Rina Wulandari');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.secret [data-secret]');
    const password = await page.locator('.secret [data-secret]').innerText();
    expect(password).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await shot('08-staff-password-once');
    await page.click('[data-action="close-secret"]');
    expect(await page.locator('.secret').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain(password);
    await signIn(s.app, 'rina.loket', password);
    await shot('09-staff');
    await expectAccessible('staff');
  });

  it('shows the other sections', async () => {
    for (const [section, name] of [['office', '10-hours-capacity'], ['counters', '11-counters'], ['notices', '12-notices-whatsapp'], ['blanko', '13-blanko']] as const) {
      await open(section);
      await shot(name);
      await expectAccessible(section);
    }
  });

  it('saves the active bookings per phone number with the office rules', async () => {
    await open('office');
    const form = page.locator('form[data-form="office-settings"]');
    const perPhone = form.locator('input[name=maxActiveBookingsPerPhone]');
    expect(await perPhone.inputValue()).toBe('2');
    await perPhone.fill('4');
    await form.locator('button[type=submit]').click();
    await expect.poll(flash).toContain('Aturan kantor disimpan');
    expect(s.db.prepare("SELECT max_active_bookings_per_phone AS n FROM offices WHERE id = 'demo'").get()).toEqual({ n: 4 });
    await perPhone.scrollIntoViewIfNeeded();
    await shot('10b-office-rules-per-phone');
  });

  it("shows yesterday's report with its chart and offers the CSV", async () => {
    await open('reports');
    await page.waitForSelector('svg.chart');
    expect(await page.locator('.period h3').innerText()).toContain('23 Nov 2026');
    expect(await page.locator('.tiles.stats').innerText()).toMatch(/Diterbitkan[\s\S]*38/);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(3);
    const href = await page.locator('a[download]').first().getAttribute('href');
    expect(href).toBe('/api/offices/demo/reports?from=2026-11-23&to=2026-11-23&format=csv');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFF?Dari \/ From,Sampai \/ To/);
    await shot('14-reports');
    await shotWhole('14b-reports-whole');
    await expectAccessible('reports');
  });

  it('shows the audit log with the closure and the account it made', async () => {
    await open('audit');
    await page.waitForSelector('form[data-form="audit"]');
    await expect.poll(() => page.locator('main').innerText()).toContain('Penutupan diakhiri');
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Akun dibuat[\s\S]*rina\.loket/);
    expect(text).toContain('closure.create');
    await shot('15-audit');
    await expectAccessible('audit');
    expect(errors).toEqual([]);
  });

  it('sets up a new office: created from the overview, it lists the steps still missing', async () => {
    await open('overview');
    const form = page.locator('form[data-form="office-create"]');
    await form.locator('input[name=id]').fill('lebong');
    await form.locator('input[name=name]').fill('Disdukcapil Kabupaten Lebong');
    await form.locator('button[type=submit]').click();
    await expect.poll(flash).toContain('Kantor lebong dibuat');
    expect(await page.locator('.office-pick select').inputValue()).toBe('lebong');
    const steps = page.locator('ol.steps li');
    expect(await steps.count()).toBe(6);
    expect(await page.locator('ol.steps li.done').allInnerTexts()).toEqual([expect.stringContaining('Jam buka')]);
    await shot('17-new-office-steps');
    await expectAccessible('new office');
    // A draft: marked in the picker, not listed to visitors; publishing asks to confirm, naming the office.
    expect(await page.locator('.office-pick select option[value="lebong"]').innerText()).toContain('(draf)');
    await open('office');
    await page.waitForSelector('.alert.publish');
    expect(await page.locator('.alert.publish').innerText()).toContain('belum terlihat oleh warga');
    await shot('17b-office-draft');
    await expectAccessible('draft office');
    const before = dialogs.length;
    await page.click('[data-action="publish"]');
    // No service yet: refused, and the confirmation named the office it acted on.
    await expect.poll(flash).toContain('tambahkan setidaknya satu layanan');
    expect(dialogs[before]).toContain('Disdukcapil Kabupaten Lebong');
    expect((await request(s.app).get('/api/offices')).body.map((o: { id: string }) => o.id)).not.toContain('lebong');
    await open('overview');
    // Back to the demo office with the office picker.
    await page.selectOption('.office-pick select', 'demo');
    // The overview re-renders once the demo office has loaded: wait for that, not for the old tiles.
    await expect.poll(() => page.locator('ol.steps').count()).toBe(0);
    await page.waitForSelector('.tiles');
  });

  it('shows a supervisor the reports only', async () => {
    const admin = await signIn(s.app);
    const created = await admin.post('/api/offices/demo/staff').send({ username: 'pengawas', displayName: 'Pak Pengawas', role: 'supervisor' });
    await page.click('[data-action="logout"]');
    await page.waitForSelector('form[data-form="login"]');
    await page.fill('input[name=username]', 'pengawas');
    await page.fill('input[name=password]', created.body.password);
    await page.click('form[data-form="login"] button[type=submit]');
    await page.waitForSelector('svg.chart');
    expect(await page.locator('nav.side a').allInnerTexts()).toEqual([expect.stringContaining('Laporan')]);
    await shot('16-supervisor-reports');
  });
});
