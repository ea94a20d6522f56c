import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { firstBookableSlot, kioskAuth, nikFor, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

describe('the counter page calls, the lobby board shows it', () => {
  let s: TestServer;
  let browser: Browser;
  let counter: Page;
  let board: Page;

  beforeAll(async () => {
    s = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const walkIn = (service: string, priority?: string) =>
    request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service, ...(priority ? { priority } : {}) });

  it('signs in, chooses the counter, calls the next ticket by keyboard, and the board shows and announces it', async () => {
    // A morning's queue: a booking checked in at its slot, walk-ins for each service.
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: nikFor(77, true), name: 'Dewi Lestari', phone: '0812-1111-2222' });
    s.clock.set(slot.start);
    const checkIn = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(checkIn.body.number).toBe('A001');
    for (const service of ['A', 'A', 'B', 'C', 'A', 'B', 'A', 'C', 'B', 'A']) expect((await walkIn(service)).status).toBe(201);
    // An elderly visitor comes first, before any booking.
    const elderly = await walkIn('A', 'elderly');
    expect(elderly.body.number).toBe('A007');

    board = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' })).newPage();
    await board.goto(`${s.url}/display/?office=demo`);
    await board.getByText('Belum ada panggilan hari ini').waitFor();
    expect(await board.locator('#status').isHidden()).toBe(true);
    expect(await board.locator('#office-name').textContent()).toBe('Disdukcapil Kota Demo');

    counter = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' })).newPage();
    await counter.goto(`${s.url}/counter/`);
    await counter.getByLabel('Nama pengguna').fill('admin');
    await counter.getByLabel('Kata sandi').fill('salah-sekali');
    await counter.getByRole('button', { name: /Masuk/ }).click();
    // The API's error, in Indonesian, whatever the browser's language.
    await counter.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    await counter.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await counter.getByRole('button', { name: /Masuk/ }).click();
    await counter.getByRole('heading', { name: /Pilih loket/ }).waitFor();
    await counter.screenshot({ path: screenshotPath('counter-choose-1366x768') });
    await counter.getByRole('button', { name: /Loket 1/ }).click();
    await counter.locator('.link.online').waitFor();
    expect(await counter.evaluate(() => localStorage.getItem('giliran.counter.demo'))).toBe('1');

    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A007');
    await counter.getByText('Prioritas: Lansia').waitFor();
    await counter.getByText('Antrian langsung — tanpa reservasi').waitFor();

    await expect.poll(() => board.locator('[data-testid=hero-number]').textContent(), { timeout: 10_000 }).toBe('A007');
    await expect.poll(() => board.locator('#spoken').textContent()).toBe('Nomor antrian A tujuh, silakan menuju loket satu');
    expect(await board.locator('#counters').textContent()).toContain('A007');
  });

  it('works the day with buttons and keys, and both screens stay in step', async () => {
    await counter.getByRole('button', { name: /Mulai layani/ }).click();
    await counter.getByText('Sedang dilayani', { exact: true }).waitFor();
    await counter.keyboard.press('s'); // selesai
    await counter.getByText('Tidak ada nomor aktif').waitFor();

    // Counter 2 and 3 work as well, from the API, so the board has a full morning.
    const other = await signIn(s.app);
    const b = await other.post('/api/counters/2/call-next');
    await other.post(`/api/tickets/${b.body.ticket.id}/recall`);
    await other.post('/api/counters/3/call-next');

    // Next is the booking whose slot has begun: staff see who it belongs to; the board never does.
    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A001');
    await expect.poll(() => counter.locator('[data-testid=holder-name]').textContent()).toBe('Dewi Lestari');
    await counter.getByText('************0078').waitFor();
    await expect.poll(() => board.locator('#recent li.latest .r-number').textContent()).toBe('A001');
    expect(await board.content()).not.toContain('Dewi');

    await counter.keyboard.press('t'); // tidak hadir
    await counter.locator('.noshow-list li:has-text("A001")').waitFor();
    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A002');
    await counter.keyboard.press('a'); // alihkan
    await counter.getByRole('dialog').getByText('Legalisir').waitFor();
    await counter.keyboard.press('1'); // the first other service: B
    await counter.getByText('A002 dialihkan ke layanan B.').waitFor();
    // K acts only on a no-show picked in the list, and asks first.
    await counter.keyboard.press('k');
    await counter.getByText('Pilih dulu nomor di daftar "Tidak hadir hari ini", lalu tekan K.').waitFor();
    await counter.locator('.noshow-list [data-noshow]').filter({ hasText: 'A001' }).click();
    await counter.keyboard.press('k'); // kembalikan the no-show
    await counter.getByRole('dialog', { name: /Kembalikan ke antrean/ }).getByText('Nomor A001 (layanan A)').waitFor();
    await counter.keyboard.press('Enter');
    await counter.getByText('A001 dikembalikan ke antrean.').waitFor();
    await counter.getByText('Belum ada nomor tidak hadir hari ini.').waitFor();
    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A001');
    await counter.keyboard.press('u'); // panggil ulang
    await counter.getByText('panggilan ulang 1 dari 3').waitFor();
    const current = 'A001';

    await expect.poll(() => board.locator('#recent li').count()).toBe(6);
    await expect.poll(() => board.locator('#recent li.latest .r-number').textContent()).toMatch(new RegExp(`^${current}ulang$`));
    expect(await board.locator('[data-testid=admitted]').textContent()).toMatch(/^[A-C]\d{3}/);
    // A board never shows an error badge while connected.
    expect(await board.locator('#status').isHidden()).toBe(true);

    // An action the state does not allow gets a clear message and changes nothing.
    await counter.keyboard.press('s');
    await counter.getByText('Tombol S tidak dapat dipakai sekarang: nomor A001 berstatus dipanggil.').waitFor();

    // Pause and reopen.
    await counter.keyboard.press('j');
    await expect.poll(() => counter.locator('[data-testid=counter-status]').textContent()).toBe('Dijeda');
    await counter.getByText(/tidak ada panggilan baru setelah nomor ini/).waitFor();
    await counter.screenshot({ path: screenshotPath('counter-paused-1366x768') });
    await counter.keyboard.press('j');
    await expect.poll(() => counter.locator('[data-testid=counter-status]').textContent()).toBe('Buka');

    await counter.waitForTimeout(300);
    await counter.screenshot({ path: screenshotPath('counter-1366x768') });
    await board.waitForTimeout(6500); // let the announcement flash settle
    await board.screenshot({ path: screenshotPath('display-1920x1080') });
    // Nothing overflows the target sizes.
    for (const page of [counter, board]) {
      const overflow = await page.evaluate(() => [document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight]);
      expect(overflow, page === board ? 'display' : 'counter').toEqual([false, false]);
    }
    // Signing out ends the desk's session and its live link; the board carries on.
    const session = (await counter.context().cookies()).find((c) => c.name === 'giliran_session')!;
    expect((await request(s.app).get('/api/auth/me').set('Cookie', `giliran_session=${session.value}`)).status).toBe(200);
    await counter.getByRole('button', { name: 'Keluar' }).click();
    await counter.getByText('Anda telah keluar.').waitFor();
    expect((await request(s.app).get('/api/auth/me').set('Cookie', `giliran_session=${session.value}`)).status).toBe(401);
    // Nor does any panel of the board spill out of its box.
    const spilled = await board.evaluate(() =>
      [...document.querySelectorAll('.hero, .panel')].filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.className),
    );
    expect(spilled).toEqual([]);
  });
});

describe('the lobby board on its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-board-'));
  let browser: Browser;
  let s: TestServer | undefined;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => {
    await browser?.close();
    await s?.stop(true);
    rmSync(dir, { recursive: true, force: true });
  });

  const listen = (server: TestServer, port: number) =>
    new Promise<number>((resolve) => server.httpServer.listen(port, '127.0.0.1', () => resolve((server.httpServer.address() as AddressInfo).port)));

  it('asks for a tap where the browser blocks sound, and rides out a server restart with an offline badge', async () => {
    s = await startServer({ dir, listen: false });
    const port = await listen(s, 0);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // A browser that keeps audio suspended until a gesture, as TVs and desktops do without kiosk flags.
    await context.addInitScript(() => {
      let unlocked = false;
      document.addEventListener('click', () => (unlocked = true), true);
      Object.defineProperty(AudioContext.prototype, 'state', { get: () => (unlocked ? 'running' : 'suspended') });
      AudioContext.prototype.resume = () => (unlocked ? Promise.resolve() : new Promise<void>(() => undefined));
    });
    const board = await context.newPage();
    // No ?office: the board takes the first office.
    await board.goto(`http://127.0.0.1:${port}/display/`);
    await board.getByText('Ketuk layar untuk mengaktifkan suara').waitFor();
    await expect.poll(() => board.locator('#office-name').textContent()).toBe('Disdukcapil Kota Demo');
    await board.screenshot({ path: screenshotPath('display-sound-overlay-1920x1080') });
    await board.locator('#sound-overlay').click();
    await expect.poll(() => board.locator('#sound-overlay').isHidden()).toBe(true);

    await s.stop(true);
    s = undefined;
    await board.getByText('Terputus — menyambung ulang…').waitFor();
    await board.screenshot({ path: screenshotPath('display-offline-1920x1080') });

    s = await startServer({ dir, listen: false });
    const staff = await signIn(s.app);
    const kiosk = (await s.store.createKiosk('demo', 'Kiosk Uji', null, s.clock.now())).token;
    const ticket = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(kiosk)).send({ service: 'C' });
    await staff.post('/api/counters/3/call-next');
    await listen(s, port);
    await expect.poll(() => board.locator('[data-testid=hero-number]').textContent(), { timeout: 20_000 }).toBe(ticket.body.number);
    expect(await board.locator('#status').isHidden()).toBe(true);
  });
});
