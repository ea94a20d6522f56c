/**
 * The proof of booking ("Bukti Reservasi"), as a visitor on a cheap phone gets it: after booking and
 * on the manage screen, "Simpan bukti (gambar)" downloads giliran-<code>.png drawn in the phone (its
 * QR read back module by module and compared with the code's), and "Cetak" prints only the proof
 * (print media emulated). Indonesian first, English in the English mode. axe: nothing serious or
 * critical on the screens with the new buttons. Screenshots and the PNGs in screenshots/.
 * Pages come from PAGES_DIR (default dist/pages): build them first.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';
import { nikFor } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  s = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Europe/London', acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  // Every network request the page makes: the proof must not fetch anything to be drawn.
  page.on('request', (req) => requests.push(req.url()));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.stop();
});

const requests: string[] = [];

const expectAccessible = async (what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};
const shot = (name: string) => page.screenshot({ path: screenshotPath(`booking-proof-${name}`), fullPage: true });

/** A PNG's signature and its size (the IHDR chunk comes first). */
const pngSize = (bytes: Buffer): { width: number; height: number } => {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

/**
 * Reads the QR back from the image in the page's own decoder: its modules are the only pure black
 * pixels (the text is #1a1a1a, anti-aliased lighter), so their bounding box is the symbol; each
 * module's centre is sampled. Answers the rows as "1"/"0" strings.
 */
const readQr = (png: Buffer, size: number): Promise<string[]> =>
  page.evaluate(async ({ b64, size }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const black = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0;
    };
    let [left, top, right, bottom] = [width, height, -1, -1];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!black(x, y)) continue;
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    const cell = (right - left + 1) / size;
    const rows: string[] = [];
    for (let r = 0; r < size; r++) {
      let row = '';
      for (let c = 0; c < size; c++) row += black(Math.floor(left + (c + 0.5) * cell), Math.floor(top + (r + 0.5) * cell)) ? '1' : '0';
      rows.push(row);
    }
    return rows;
  }, { b64: png.toString('base64'), size });

const expectedQr = (code: string): { size: number; rows: string[] } => {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let r = 0; r < modules.size; r++) {
    let row = '';
    for (let c = 0; c < modules.size; c++) row += modules.get(r, c) ? '1' : '0';
    rows.push(row);
  }
  return { size: modules.size, rows };
};

/** Taps "Simpan bukti (gambar)" (or its English), catches the download and checks the file. */
const saveProof = async (label: string, name: string) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  expect(download.suggestedFilename()).toBe(`giliran-${code}.png`);
  expect(download.url()).toMatch(/^blob:/);
  const file = screenshotPath(`booking-proof-${name}`);
  await download.saveAs(file);
  const bytes = readFileSync(file);
  const { width, height } = pngSize(bytes);
  expect(width).toBeGreaterThanOrEqual(600);
  expect(height).toBeGreaterThan(width);
  expect(height).toBeLessThan(2400);
  const qr = expectedQr(code);
  expect(await readQr(bytes, qr.size)).toEqual(qr.rows);
  return bytes;
};

const NIK = nikFor(4321, true);
let code = '';
let checkInMinutes = 0;

describe('the proof of booking', () => {
  it('is offered right after booking, as an image and to print', async () => {
    checkInMinutes = (await (await page.request.get(`${s.url}/api/offices/demo`)).json()).checkInEarlyMinutes;
    expect(checkInMinutes).toBeGreaterThan(0);
    await page.goto(`${s.url}/booking/`);
    await page.click('[data-action="service"][data-code="A"]');
    await page.waitForSelector('.days');
    await page.click('.day button[data-date="2026-11-25"]');
    await page.click('.slot button >> nth=0');
    await page.waitForSelector('form[data-form="book"]');
    await page.fill('#f-nik', NIK);
    await page.fill('#f-name', 'Siti Aminah');
    await page.fill('#f-phone', '0812 3456 7890');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.code-card .qr svg');
    code = (await page.locator('.code-card .code').innerText()).trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    await expect.poll(() => page.locator('.proof-sheet .qr svg').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Simpan bukti (gambar)' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cetak', exact: true }).isVisible()).toBe(true);
    // On screen the print sheet is not there (nor for assistive technology).
    expect(await page.locator('.proof-sheet').isVisible()).toBe(false);
    await expectAccessible('done with the proof buttons');
    await shot('1-done');
  });

  it('saves a PNG drawn in the phone, with the QR of the code, without fetching anything', async () => {
    const before = requests.length;
    await saveProof('Simpan bukti (gambar)', 'image-id');
    // The canvas code is loaded on the first tap (a chunk of this site); nothing else, nothing elsewhere.
    const fetched = requests.slice(before);
    expect(fetched.every((u) => u.startsWith(s.url) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
    expect(fetched.filter((u) => u.startsWith(s.url)).every((u) => /\/assets\/proofImage-[\w-]+\.js$/.test(u))).toBe(true);
    await expect.poll(() => page.locator('.flash').innerText().catch(() => '')).toBe(`Bukti reservasi disimpan: giliran-${code}.png`);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('proof-image');
    await expectAccessible('done after saving');
  });

  it('prints only the proof: office, title, code, QR, service, time, masked NIK, requirements, the kiosk', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.proof-sheet').isVisible()).toBe(true);
      for (const hidden of ['header.top', 'nav.tabs', '.code-card', '.actions', '#screen-title', '.flash']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      const sheet = await page.locator('.proof-sheet').innerText();
      expect(sheet).toContain('Disdukcapil Kota Demo');
      expect(sheet).toContain('Bukti Reservasi');
      expect(sheet).toContain(code);
      expect(sheet).toMatch(/Rabu, 25 November 2026, 08\.00–09\.00\sWIB/);
      expect(sheet).toContain(`************${NIK.slice(-4)}`);
      expect(sheet).not.toContain(NIK);
      expect(sheet).toContain('Bawa tanda terima / bukti pengajuan. Wajib masker.');
      expect(sheet).toContain('Tunjukkan kode ini di kiosk saat datang');
      expect(sheet).toContain(`paling cepat ${checkInMinutes} menit sebelum sesi dimulai`);
      expect(await page.locator('.proof-sheet .qr svg').isVisible()).toBe(true);
      // On paper (A4): one page.
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
      await page.setViewportSize({ width: 794, height: 1123 });
      await shot('2-print-done');
      await page.setViewportSize({ width: 360, height: 740 });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('is offered on the manage screen of a booked booking, in English too', async () => {
    await page.goto(`${s.url}/booking/?code=${code}`);
    await page.fill('#f-nik4', NIK.slice(-4));
    await page.click('button[type="submit"]');
    await page.waitForSelector('.code-card .qr svg');
    expect(await page.getByRole('button', { name: 'Simpan bukti (gambar)' }).isVisible()).toBe(true);
    await expectAccessible('manage with the proof buttons');
    await shot('3-manage');
    await saveProof('Simpan bukti (gambar)', 'image-manage-id');

    await page.click('[data-action="lang"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(true);
    await saveProof('Save proof (image)', 'image-en');
    await expect.poll(() => page.locator('.flash').innerText().catch(() => '')).toBe(`Booking proof saved: giliran-${code}.png`);
    await expectAccessible('manage in English after saving');
    await page.emulateMedia({ media: 'print' });
    try {
      const sheet = await page.locator('.proof-sheet').innerText();
      expect(sheet).toContain('Booking proof');
      expect(sheet).toMatch(/Wednesday,? 25 November 2026, 08:00–09:00\sWIB/);
      expect(sheet).toContain('Show this code at the kiosk when you arrive');
      expect(await page.locator('.summary').isVisible()).toBe(false);
      await shot('4-print-manage-en');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('is not offered once the booking is cancelled', async () => {
    await page.click('[data-action="cancel"]');
    await page.click('[data-action="cancel-yes"]');
    await expect.poll(() => page.locator('.status').innerText()).toBe('Cancelled');
    expect(await page.locator('[data-action="proof-image"], [data-action="proof-print"], .proof-sheet').count()).toBe(0);
  });
});
