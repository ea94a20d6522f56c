/**
 * The counter as a real office runs it (issue "the lobby and the counter", items 4–5), in Chromium:
 * the desk's office is its counter's (not the admin page's last choice); a booked ticket's holder
 * is checked against the KTP (cocok / tidak cocok) with the service's requirements beside it; a
 * transfer into a service closed today asks for the urgent case's reason and flags the ticket;
 * a call at a paused counter says why nothing happened. Each new state is axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBookableSlot, kioskAuth, nikFor, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

const expectAccessible = async (page: Page, what: string) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? '') || v.id === 'page-has-heading-one');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

describe('the counter checks the holder and serves an urgent case', () => {
  let s: TestServer;
  let browser: Browser;
  let counter: Page;
  const holder = nikFor(41, true);

  beforeAll(async () => {
    s = await startServer();
    browser = await launchBrowser();
    // A second office, the one the admin page last looked at on this computer.
    s.db.prepare("insert into offices (id, name, timezone, created_at) values ('zlain', 'Kantor Lain', 'Asia/Makassar', 0)").run();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("opens the counter's own office, shows the holder masked with the requirements, and checks the KTP", async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: holder, name: 'Rina Wati', phone: '0812-5555-6666' });
    expect(booked.status).toBe(201);
    s.clock.set(slot.start);
    expect((await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code })).status).toBe(201);
    // Legalisir is closed today: only urgent cases.
    const admin = await signIn(s.app);
    const closure = await admin.post('/api/offices/demo/closures').send({ from: slot.date, to: slot.date, service: 'B', reason: 'Petugas legalisir sakit', action: 'cancel' });
    expect(closure.status).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(() => localStorage.setItem('giliran.admin.office', 'zlain'));
    counter = await context.newPage();
    await counter.goto(`${s.url}/counter/`);
    await counter.getByLabel('Nama pengguna').fill('admin');
    await counter.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await counter.getByRole('button', { name: /Masuk/ }).click();
    await counter.getByRole('heading', { name: /Pilih loket/ }).waitFor();
    // Not the admin page's office: the first, until a counter is chosen; a deployment admin may pick another.
    expect(await counter.getByLabel(/Kantor/).inputValue()).toBe('demo');
    await expectAccessible(counter, 'counter choice with offices');
    await counter.getByRole('button', { name: /Loket 1/ }).click();
    await counter.locator('.link.online').waitFor();
    expect(await counter.evaluate(() => localStorage.getItem('giliran.counter.office'))).toBe('demo');
    await counter.reload();
    await counter.locator('.link.online').waitFor();
    expect(await counter.locator('.head .brand .muted').textContent()).toBe('Disdukcapil Kota Demo');

    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A001');
    await expect.poll(() => counter.locator('[data-testid=holder-name]').textContent()).toBe('Rina Wati');
    expect(await counter.locator('[data-testid=holder-nik]').textContent()).toBe(`************${holder.slice(-4)}`);
    expect(await counter.locator('[data-testid=requirements]').textContent()).toContain('Bawa tanda terima / bukti pengajuan. Wajib masker.');

    // N goes to the KTP field; a scanner types the digits and Enter.
    await counter.keyboard.press('n');
    await counter.keyboard.type(nikFor(42, true));
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.locator('[data-testid=holder-answer]').textContent()).toContain('Tidak cocok');
    expect(await counter.locator('#holder-nik').inputValue()).toBe('');
    await counter.locator('#holder-nik').fill(`${holder.slice(0, 6)} ${holder.slice(6, 12)} ${holder.slice(12)}`);
    await counter.getByRole('button', { name: 'Periksa' }).click();
    await expect.poll(() => counter.locator('[data-testid=holder-answer]').textContent()).toContain('Cocok');
    expect(await counter.locator('#holder-nik').inputValue()).toBe('');
    // The typed digits are nowhere in the page.
    expect(await counter.content()).not.toContain(holder.slice(6));
    await counter.screenshot({ path: screenshotPath('counter-holder-check-1366x768') });
    await expectAccessible(counter, 'counter holder check');
    const overflow = await counter.evaluate(() => [document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight]);
    expect(overflow).toEqual([false, false]);
  });

  it('transfers into a closed service only as an urgent case with a reason, and flags it at the counter', async () => {
    await counter.keyboard.press('a');
    const dialog = counter.getByRole('dialog', { name: /Alihkan ke layanan/ });
    await dialog.getByText(/Tutup hari ini — hanya kasus mendesak/).waitFor();
    await counter.keyboard.press('1'); // B, closed today
    await dialog.getByLabel(/Alasan kasus mendesak/).waitFor();
    await dialog.getByRole('button', { name: 'Alihkan sebagai kasus mendesak' }).click();
    await dialog.getByText('Tulis alasan kasus mendesak (minimal 5 karakter).').waitFor();
    await counter.screenshot({ path: screenshotPath('counter-urgent-transfer-1366x768') });
    await expectAccessible(counter, 'counter urgent transfer');
    await dialog.getByLabel(/Alasan kasus mendesak/).fill('Akta untuk syarat operasi besok');
    await counter.keyboard.press('Enter');
    await counter.getByText('A001 dialihkan ke layanan B sebagai kasus mendesak.').waitFor();

    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('A001');
    await expect.poll(() => counter.locator('[data-testid=urgent-flag]').textContent()).toBe('MENDESAK Akta untuk syarat operasi besok');
    expect(await counter.locator('[data-testid=requirements]').textContent()).toContain('Bawa dokumen asli dan fotokopi.');
    await counter.screenshot({ path: screenshotPath('counter-urgent-1366x768') });
    const audit = s.db.prepare("select target, detail from audit_log where action = 'ticket.urgent'").all() as { target: string; detail: string }[];
    expect(audit).toEqual([{ target: 'A001', detail: JSON.stringify({ via: 'transfer', service: 'B', reason: 'Akta untuk syarat operasi besok' }) }]);
  });

  it('says why a call at a paused counter does nothing', async () => {
    await counter.keyboard.press('m');
    await counter.getByText('Sedang dilayani', { exact: true }).waitFor();
    await counter.keyboard.press('s');
    await counter.getByText('Tidak ada nomor aktif').waitFor();
    await counter.keyboard.press('j');
    await expect.poll(() => counter.locator('[data-testid=counter-status]').textContent()).toBe('Dijeda');
    await counter.keyboard.press('p');
    await counter.getByText('Loket dijeda: tidak ada panggilan. Tekan J untuk membuka kembali.').waitFor();
    // Another key says its own reason; the call button, clicked, says the paused counter's again.
    await counter.keyboard.press('s');
    await counter.getByText('Tombol S tidak dapat dipakai sekarang: tidak ada nomor aktif di loket ini.').waitFor();
    await counter.locator('[data-action=call]').click({ force: true }); // aria-disabled: playwright would wait for it to be enabled
    await counter.getByText('Loket dijeda: tidak ada panggilan. Tekan J untuk membuka kembali.').waitFor();
    await counter.screenshot({ path: screenshotPath('counter-paused-call-1366x768') });
    await expectAccessible(counter, 'counter paused call');
  });

  it('lets an admin issue a ticket for a closed service as an urgent case, which the counter then calls flagged', async () => {
    await counter.keyboard.press('j');
    await expect.poll(() => counter.locator('[data-testid=counter-status]').textContent()).toBe('Buka');
    await counter.getByRole('button', { name: 'Nomor mendesak' }).click();
    const dialog = counter.getByRole('dialog', { name: /Nomor mendesak/ });
    expect(await dialog.getByLabel(/Layanan/).inputValue()).toBe('B');
    await dialog.getByRole('button', { name: 'Terbitkan nomor' }).click();
    await dialog.getByText('Tulis alasan kasus mendesak (minimal 5 karakter).').waitFor();
    await expectAccessible(counter, 'counter urgent ticket dialog');
    await counter.screenshot({ path: screenshotPath('counter-urgent-ticket-1366x768') });
    await dialog.getByLabel(/Alasan kasus mendesak/).fill('Legalisir ijazah untuk tes CPNS besok');
    await dialog.getByLabel(/Prioritas/).selectOption('elderly');
    await dialog.getByRole('button', { name: 'Terbitkan nomor' }).click();
    await counter.getByText('Nomor B001 diterbitkan sebagai kasus mendesak. Sampaikan nomornya kepada warga.').waitFor();
    await counter.keyboard.press('p');
    await expect.poll(() => counter.locator('[data-testid=current-number]').textContent()).toBe('B001');
    await expect.poll(() => counter.locator('[data-testid=urgent-flag]').textContent()).toBe('MENDESAK Legalisir ijazah untuk tes CPNS besok');
    await counter.getByText('Prioritas: Lansia').waitFor();
  });
});
