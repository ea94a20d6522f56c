import request from 'supertest';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskAuth, person, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

/** Kiosk screen chosen for Giliran: a 1080×1920 portrait touch screen. */
const KIOSK = { width: 1080, height: 1920 };

/** The page's width and height in PDF points, from each page's MediaBox. */
const mediaBoxes = (pdf: Buffer): { width: number; height: number }[] =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));

/** axe-core with the WCAG 2.1 A/AA rules and best practice: nothing critical, serious or moderate may remain. */
const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

describe('the kiosk in a browser', () => {
  let s: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    s = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  /** A kiosk context whose window.print() is counted instead of opening a dialog. */
  const kioskPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: KIOSK, hasTouch: true });
    await context.addInitScript(() => {
      (window as unknown as { prints: number }).prints = 0;
      window.print = () => void ((window as unknown as { prints: number }).prints += 1);
    });
    const page = await context.newPage();
    return { context, page };
  };
  const paired = async () => {
    const k = await kioskPage();
    await k.page.goto(`${s.url}/kiosk/#token=${s.kioskToken}`);
    await k.page.locator('.service').first().waitFor();
    return k;
  };
  const prints = (page: Page) => page.evaluate(() => (window as unknown as { prints: number }).prints);

  it('asks for its token on first open, refuses an unknown one, and keeps a valid one from the pairing link', async () => {
    const { context, page } = await kioskPage();
    await page.goto(`${s.url}/kiosk/`);
    await page.getByText('Pasangkan kiosk ini').waitFor();
    expect(await page.locator('.service').count()).toBe(0);
    await page.locator('#pair-token').fill('token-yang-salah-123');
    await page.getByRole('button', { name: /Pasangkan/ }).click();
    await page.getByText('Token tidak dikenal server').waitFor();
    await page.screenshot({ path: screenshotPath('kiosk-pairing') });

    await page.locator('#pair-token').fill(s.kioskToken);
    await page.getByRole('button', { name: /Pasangkan/ }).click();
    await page.locator('.service').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('giliran.kiosk.token'))).toBe(s.kioskToken);

    // The pairing link: the token arrives in the fragment, is kept, and leaves the address bar.
    const other = await kioskPage();
    await other.page.goto(`${s.url}/kiosk/#token=${s.kioskToken}`);
    await other.page.locator('.service').first().waitFor();
    expect(new URL(other.page.url()).hash).toBe('');
    await other.page.reload();
    await other.page.locator('.service').first().waitFor();
    await other.context.close();
    await context.close();
  });

  it('shows each service with its requirements and places left, and a tap issues a ticket, shown large and printed', async () => {
    const { context, page } = await paired();
    const c = page.locator('.service[data-code="C"]');
    await expect(c.textContent()).resolves.toContain('Wajib masker dan sarung tangan');
    expect(await c.locator('.count').textContent()).toBe('20');
    await page.screenshot({ path: screenshotPath('kiosk-home') });
    await expectAccessible(page, 'kiosk home');

    await page.getByRole('button', { name: /Lansia/ }).tap();
    await c.tap();
    await expect(page.getByTestId('ticket-number').textContent()).resolves.toBe('C001');
    await expect(page.locator('.ticket-screen .prio').textContent()).resolves.toContain('Prioritas: Lansia');
    await page.getByText('Tiket sedang dicetak').waitFor();
    // The ticket is shown first and printed on the next frame.
    await expect.poll(() => prints(page)).toBe(1);
    const ticketUrl = await page.locator('.pt-url').textContent();
    expect(ticketUrl).toMatch(new RegExp(`^${s.url}/t/[\\w-]{8,}$`));
    expect(await page.locator('.print-area .pt-qr svg').count()).toBe(1);
    expect(await page.locator('.print-area').textContent()).toContain('Syarat: Wajib masker dan sarung tangan');
    await page.screenshot({ path: screenshotPath('kiosk-ticket') });

    // The server agrees: a priority C ticket, and one place fewer.
    const id = ticketUrl!.split('/t/')[1]!;
    expect((await request(s.app).get(`/api/tickets/${id}`)).body).toMatchObject({ number: 'C001', priority: 'elderly', service: 'C' });
    await page.getByRole('button', { name: /Selesai/ }).tap();
    // The places left follow the live update (the board's `state`), which may land just after the tap.
    await expect.poll(() => c.locator('.count').textContent()).toBe('19');
    expect(await page.locator('.chip.on').count()).toBe(0);
    await context.close();
  });

  it('checks a booking in when a scanner types its code and Enter, and explains a refusal with the server message', async () => {
    s.clock.set('2026-11-24T09:30:00.000+07:00');
    const days = await request(s.app).get('/api/offices/demo/availability?service=B&days=1');
    const slot = days.body[0].slots.find((sl: { start: string }) => sl.start.includes('T11:00'));
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...person(7) });
    expect(booked.status).toBe(201);

    const { context, page } = await paired();
    // Too early: the server's message says when check-in opens.
    await page.keyboard.type(booked.body.code);
    await page.keyboard.press('Enter');
    await page.getByText('Belum atau sudah lewat waktu check-in').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toBe('Check-in untuk reservasi ini dibuka pukul 10.30 sampai 12.00.');
    await page.screenshot({ path: screenshotPath('kiosk-checkin-refused') });

    // An unknown code, typed anywhere on the page: a key interrupts the message and starts a new code.
    await page.keyboard.type('ZZZZ9999');
    await page.keyboard.press('Enter');
    await page.getByText('Kode reservasi tidak dikenal').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toBe('Data tidak ditemukan.');

    // In its window, a scanner that reads the booking's QR link checks it in too.
    s.clock.set('2026-11-24T10:40:00.000+07:00');
    await page.getByRole('button', { name: /Kembali/ }).tap();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.type(`${s.url}/booking/?code=${booked.body.code}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ticket-number').textContent()).resolves.toBe('B001');
    // The ticket is shown first and printed on the next frame.
    await expect.poll(() => prints(page)).toBe(1);

    // The same booking again: already checked in.
    await page.keyboard.type(booked.body.code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByText('Reservasi ini sudah check-in').first().waitFor();
    await context.close();
  });

  it('can be typed on its own keypad', async () => {
    s.clock.set('2026-11-24T09:00:00.000+07:00');
    const days = await request(s.app).get('/api/offices/demo/availability?service=A&days=1');
    const slot = days.body[0].slots.find((sl: { start: string }) => sl.start.includes('T10:00'));
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(8) });
    s.clock.set('2026-11-24T10:05:00.000+07:00');
    const { context, page } = await paired();
    expect(await page.locator('.keypad').isVisible()).toBe(false);
    await page.getByRole('button', { name: /Ketik kode/ }).tap();
    await page.screenshot({ path: screenshotPath('kiosk-keypad') });
    for (const ch of booked.body.code as string) await page.locator(`.key[data-key="${ch}"]`).tap();
    expect(await page.locator('#code').inputValue()).toBe(booked.body.code);
    await page.locator('.key.go').tap();
    await expect(page.getByTestId('ticket-number').textContent()).resolves.toMatch(/^A\d{3}$/);
    await context.close();
  });

  it('prints an 80 mm ticket (58 mm when set), one page as long as the ticket', async () => {
    const { context, page } = await paired();
    await page.locator('.service[data-code="A"]').tap();
    await page.getByTestId('ticket-number').waitFor();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(screenshotPath('kiosk-print-80mm').replace(/\.png$/, '.pdf'), pdf);
    const pages = mediaBoxes(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(226.77, 0);
    // A receipt, not a letter page: between 10 and 25 cm long.
    expect(pages[0]!.height).toBeGreaterThan(283);
    expect(pages[0]!.height).toBeLessThan(709);

    // Staff switch the kiosk to a 58 mm printer in its settings (unlocked with the kiosk token).
    await page.getByRole('button', { name: /Selesai/ }).tap();
    await page.locator('[data-action="settings"]').tap();
    await page.locator('#unlock-token').fill('salah');
    await page.getByRole('button', { name: /Buka/ }).click();
    await page.getByText('Token salah').waitFor();
    await page.locator('#unlock-token').fill(s.kioskToken);
    await page.getByRole('button', { name: /Buka/ }).click();
    await page.locator('input[name="paper"][value="58"]').check();
    await page.screenshot({ path: screenshotPath('kiosk-settings') });
    await page.getByRole('button', { name: /Simpan/ }).click();
    await page.locator('.service[data-code="B"]').tap();
    await page.getByTestId('ticket-number').waitFor();
    const narrow = mediaBoxes(await page.pdf({ preferCSSPageSize: true }));
    expect(narrow).toHaveLength(1);
    expect(narrow[0]!.width).toBeCloseTo(164.41, 0);
    await context.close();
  });

  it('follows the queue live: a ticket taken at another kiosk lowers the places left without a reload', async () => {
    const { context, page } = await paired();
    const places = page.locator('.service[data-code="B"] .count');
    const before = Number(await places.textContent());
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' })).status).toBe(201);
    await expect.poll(async () => Number(await places.textContent()), { timeout: 10_000 }).toBe(before - 1);
    await context.close();
  });

  it('shows a closed service with its reason and refuses it', async () => {
    s.clock.set('2026-11-24T11:00:00.000+07:00');
    const admin = await signIn(s.app);
    const closure = await admin
      .post('/api/offices/demo/closures')
      .send({ from: '2026-11-24', to: '2026-11-24', service: 'C', reason: 'Alat perekaman sedang diperbaiki' });
    expect(closure.status).toBe(201);
    const { context, page } = await paired();
    const c = page.locator('.service[data-code="C"]');
    await expect(c.textContent()).resolves.toContain('Alat perekaman sedang diperbaiki');
    expect(await c.getAttribute('aria-disabled')).toBe('true');
    await page.screenshot({ path: screenshotPath('kiosk-closed') });
    // A tap on it still explains why, in the server's words.
    await c.tap({ force: true });
    await page.getByText('Layanan sedang tutup').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toContain('Alat perekaman sedang diperbaiki');
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'C' })).status).toBe(409);
    await context.close();
  });
});
