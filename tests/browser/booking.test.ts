/**
 * The whole booking flow as a person on a cheap phone does it: 360×740, headless Chromium,
 * axe-core on every screen (no serious or critical violation), screenshots in screenshots/.
 * Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';
import { nikFor, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  s = await startServer();
  const admin = await signIn(s.app);
  // Friday is closed for the whole office, with a reason the visitor must see.
  await admin.post('/api/offices/demo/closures').send({ from: '2026-11-27', to: '2026-11-27', reason: 'Petugas sakit / Staff ill' }).expect(201);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Europe/London' });
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

/** axe-core with the WCAG 2.1 A/AA rules: nothing serious or critical may remain. */
const expectAccessible = async (what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};
const shot = (name: string) => page.screenshot({ path: screenshotPath(`booking-${name}`), fullPage: true });
const heading = () => page.locator('#screen-title').innerText();
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const press = async (selector: string) => {
  await page.focus(selector);
  await page.keyboard.press('Enter');
};

const NIK = nikFor(2024, true);
let code = '';

describe('a visitor books a slot on a phone', () => {
  it('opens on the single office: notices, closures, WhatsApp contacts per service group, and the services with their requirements', async () => {
    await page.goto(`${s.url}/booking/`);
    await page.waitForSelector('[data-action="service"]');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await heading()).toBe('Pilih layanan');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Wajib memakai masker dan menjaga jarak');
    expect(text).toMatch(/Seluruh layanan: Jumat, 27 November 2026\. Petugas sakit/);
    expect(text).toContain('Pendaftaran Penduduk');
    expect(text).toContain('Pencatatan Sipil');
    expect(text).toContain('+62 812-0000-0001');
    expect(text).toContain('Bawa tanda terima / bukti pengajuan. Wajib masker.');
    expect(await page.locator('a[href="https://wa.me/6281200000002"]').count()).toBe(1);
    await expectAccessible('services');
    await shot('1-services');
  });

  it('shows the coming 14 days with places left, closed days with their reason, then the slots of a day (keyboard only)', async () => {
    await press('[data-action="service"][data-code="A"]');
    await page.waitForSelector('.days');
    expect(await heading()).toBe('Pilih hari');
    expect(await page.locator('.days > li').count()).toBe(14);
    const friday = page.locator('.day.off', { hasText: 'Jum, 27 Nov' });
    await expect.poll(() => friday.innerText()).toMatch(/Tutup\s+Petugas sakit/);
    expect(await page.locator('.day.off', { hasText: 'Sab, 28 Nov' }).innerText()).toMatch(/Kantor tutup pada hari ini/);
    // Today is opened first: 08.00 and 09.00 have begun, 10.00 is past the cut-off.
    expect(await page.locator('#slots-title').innerText()).toContain('Selasa, 24 November 2026');
    expect(await page.locator('.slot.off').allInnerTexts()).toEqual([
      expect.stringMatching(/08\.00–09\.00 WIB\s+Tidak tersedia/),
      expect.stringMatching(/09\.00–10\.00 WIB\s+Tidak tersedia/),
      expect.stringMatching(/10\.00–11\.00 WIB\s+Tidak tersedia/),
    ]);
    expect(await page.locator('.day button[aria-pressed="true"]').innerText()).toMatch(/Sel, 24 Nov\s+80 tempat/);
    await press('.day button[data-date="2026-11-25"]');
    expect(await focusedId()).toBe('slots-title');
    expect(await page.locator('.slot button').first().innerText()).toMatch(/08\.00–09\.00 WIB\s+20 tempat/);
    await expectAccessible('days and slots');
    await shot('2-days');
  });

  it('asks for NIK, name and WhatsApp number, showing each problem at its field', async () => {
    await press('.slot button >> nth=1');
    await page.waitForSelector('form[data-form="book"]');
    expect(await heading()).toBe('Data pemohon');
    expect(await page.locator('.summary').innerText()).toMatch(/Rabu, 25 November 2026, 09\.00–10\.00 WIB/);
    await page.click('button[type="submit"]');
    expect(await focusedId()).toBe('f-nik');
    expect(await page.locator('.alert').innerText()).toBe('Periksa kembali isian yang ditandai.');
    expect(await page.getAttribute('#f-nik', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-nik', 'aria-describedby')).toBe('nik-hint nik-error');
    await expectAccessible('form with errors');
    await shot('3-form-errors');

    // A NIK whose birth date lies in the future: the server says so, at the NIK field.
    await page.fill('#f-nik', '3174 0125 1226 0001');
    await page.fill('#f-name', 'Siti Aminah');
    await page.fill('#f-phone', '0812 3456 7890');
    // The test server logs messages (NOTIFY_CHANNEL=log): nothing is sent, and the page says so.
    expect(await page.locator('#phone-preview').innerText()).toBe('Nomor Anda: +62 812-3456-7890');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#nik-error').innerText().catch(() => '')).toBe('Tanggal lahir pada NIK ada di masa depan.');
    expect(await focusedId()).toBe('f-nik');
    expect(await page.inputValue('#f-name')).toBe('Siti Aminah');
  });

  it('confirms with the booking code, its QR, what to bring, and a calendar file', async () => {
    await page.fill('#f-nik', NIK);
    await page.click('button[type="submit"]');
    await page.waitForSelector('.qr svg');
    expect(await heading()).toMatch(/^✓ Reservasi berhasil$/);
    code = (await page.locator('.code').innerText()).trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Bawa tanda terima / bukti pengajuan. Wajib masker.');
    expect(main).toContain('+62812••••7890');
    expect(main).toContain(`************${NIK.slice(-4)}`);
    expect(main).not.toContain(NIK);
    expect(main).not.toContain('Siti');
    const href = await page.getAttribute('a[download]', 'href');
    expect(href).toBe(`/api/bookings/${code}/calendar.ics?nik4=${NIK.slice(-4)}`);
    const ics = await page.request.get(`${s.url}${href}`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('DTSTART;TZID=Asia/Jakarta:20261125T090000');
    // The NIK typed into the form is no longer in the page.
    expect(await page.content()).not.toContain(NIK);
    await expectAccessible('confirmation');
    await shot('4-confirmation');
  });
});

describe('the visitor manages the booking', () => {
  it('finds it with the code and the last four NIK digits; a wrong pair is not found', async () => {
    await page.goto(`${s.url}/booking/?code=${code.toLowerCase()}`);
    await page.waitForSelector('form[data-form="find"]');
    expect(await page.inputValue('#f-code')).toBe(code);
    await page.fill('#f-nik4', '9999');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('.alert').innerText().catch(() => '')).toBe('Reservasi tidak ditemukan. Periksa kode dan 4 angka terakhir NIK.');
    await expectAccessible('find');
    await shot('5-find-not-found');
    await page.fill('#f-nik4', NIK.slice(-4));
    await page.click('button[type="submit"]');
    await page.waitForSelector('.qr svg');
    expect(await page.locator('.status').innerText()).toBe('Terjadwal');
    expect(await page.locator('.summary').innerText()).toMatch(/Rabu, 25 November 2026, 09\.00–10\.00 WIB/);
    await expectAccessible('manage');
    await shot('6-manage');
  });

  it('reschedules to another slot; the old place is given back', async () => {
    await page.click('[data-action="reschedule"]');
    await page.waitForSelector('.slot');
    expect(await heading()).toBe('Pilih jadwal baru');
    expect(await page.locator('.slot.current').innerText()).toMatch(/09\.00–10\.00 WIB\s+Jadwal sekarang/);
    await page.click('.day button[data-date="2026-11-26"]');
    await page.click('.slot button >> text=13.00–14.00');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('move');
    expect(await page.locator('[data-action="move"]').innerText()).toContain('Pindahkan ke Kamis, 26 November 2026, 13.00–14.00 WIB');
    await expectAccessible('reschedule');
    await shot('7-reschedule');
    await page.click('[data-action="move"]');
    await expect.poll(() => page.locator('.flash').innerText().catch(() => '')).toBe('Jadwal berhasil diubah.');
    expect(await page.locator('.summary').innerText()).toMatch(/Kamis, 26 November 2026, 13\.00–14\.00 WIB/);
    const days = await (await page.request.get(`${s.url}/api/offices/demo/availability?service=A&from=2026-11-25&days=2`)).json();
    expect(days[0].slots.find((x: { start: string }) => x.start.includes('T09:00')).booked).toBe(0);
    expect(days[1].slots.find((x: { start: string }) => x.start.includes('T13:00')).booked).toBe(1);
  });

  it('cancels after a confirmation', async () => {
    await page.click('[data-action="cancel"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('cancel-yes');
    await expectAccessible('cancel confirmation');
    await shot('8-cancel-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.status').innerText()).toBe('Dibatalkan');
    expect(await page.locator('.flash').innerText()).toBe('Reservasi telah dibatalkan.');
    expect(await page.locator('.qr').count()).toBe(0);
    await shot('9-cancelled');
  });
});

describe('in English, and with the Back button', () => {
  it('switches the whole page to English and remembers it', async () => {
    await page.goto(`${s.url}/booking/`);
    await page.waitForSelector('[data-action="service"]');
    await page.click('[data-action="lang"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await heading()).toBe('Choose a service');
    expect(await page.locator('main').innerText()).toContain('Masks and distancing required.');
    expect(await page.locator('main').innerText()).toContain('All services: Friday, 27 November 2026. Staff ill');
    await expectAccessible('services in English');
    await shot('10-services-en');
    await page.reload();
    await page.waitForSelector('[data-action="service"]');
    expect(await heading()).toBe('Choose a service');
  });

  it('goes one step back with the phone\'s Back button, keeping what was chosen', async () => {
    await page.click('[data-action="service"][data-code="C"]');
    await page.waitForSelector('.slot button');
    await page.click('.day button[data-date="2026-11-30"]');
    await page.click('.slot button >> nth=0');
    await page.waitForSelector('form[data-form="book"]');
    await page.fill('#f-name', 'Budi');
    await page.goBack();
    await page.waitForSelector('.days');
    expect(await heading()).toBe('Choose a day');
    expect(await page.locator('.day button[aria-pressed="true"]').getAttribute('data-date')).toBe('2026-11-30');
    await page.goForward();
    await page.waitForSelector('form[data-form="book"]');
    expect(await page.inputValue('#f-name')).toBe('Budi');
    // Refused by the server in English: a second booking of the same person that day.
    await page.fill('#f-nik', NIK);
    await page.fill('#f-phone', '+62 857-1111-2222');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.qr svg');
    await page.click('[data-action="book-again"]');
    await page.click('[data-action="service"][data-code="C"]');
    await page.click('.day button[data-date="2026-11-30"]');
    await page.click('.slot button >> nth=1');
    await page.fill('#f-nik', NIK);
    await page.fill('#f-name', 'Budi');
    await page.fill('#f-phone', '085711112222');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('.alert').innerText().catch(() => '')).toMatch(
      /^This NIK already holds an active booking for this service on that day\. This office sends no WhatsApp message: your booking code was shown on screen/,
    );
    await expectAccessible('form refused in English');
    await shot('11-duplicate-en');
  });
});

describe('a deployment with several offices', () => {
  it('asks for the office first, then offers to change it', async () => {
    s.db.prepare("INSERT INTO offices (id, name, timezone, created_at, published_at) VALUES ('balikpapan', 'Disdukcapil Kota Balikpapan', 'Asia/Makassar', 0, 0)").run();
    await page.goto(`${s.url}/booking/`);
    await page.waitForSelector('[data-action="office"]');
    expect(await heading()).toBe('Choose an office');
    expect(await page.locator('[data-action="office"]').allInnerTexts()).toEqual([
      expect.stringMatching(/Disdukcapil Kota Balikpapan\s+WITA/),
      expect.stringMatching(/Disdukcapil Kota Demo\s+WIB/),
    ]);
    await expectAccessible('offices');
    await shot('12-offices-en');
    await press('[data-action="office"][data-id="demo"]');
    await page.waitForSelector('[data-action="service"]');
    await page.click('[data-action="change-office"]');
    expect(await heading()).toBe('Choose an office');
  });
});
