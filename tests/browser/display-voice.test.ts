/**
 * The board speaks on a TV without an Indonesian browser voice: it plays the recorded clips in
 * sequence. The page is not changed for the test: each board's browser is instrumented from
 * outside (HTMLMediaElement.prototype.play and speechSynthesis wrapped by an init script).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kioskAuth, signIn } from '../support/factories';
import { launchBrowser, screenshotPath } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

type Played = { clips: string[]; spoken: string[]; events: string[]; times: number[] };

/** What each board's browser records: unmuted plays of <audio> (by clip id) and what was given to speechSynthesis. */
const instrument = (context: BrowserContext, voices: 'indonesian' | 'none' | 'no-speech-api') =>
  context.addInitScript((kind) => {
    const w = window as unknown as { __played: { clips: string[]; spoken: string[]; events: string[]; times: number[] } };
    w.__played = { clips: [], spoken: [], events: [], times: [] };
    const play = HTMLMediaElement.prototype.play;
    let previous: HTMLMediaElement | null = null;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!this.muted) {
        // A built clip is /assets/<id>-<8-character hash>.mp3.
        const id = decodeURIComponent(this.src.replace(/^.*\/assets\/(.+)-[\w-]{8}\.mp3$/, '$1'));
        // Whether the clip before this one had played to its end when this one started.
        if (previous) w.__played.events.push(previous.ended ? 'ended' : 'cut');
        w.__played.events.push(`play ${id}`);
        w.__played.times.push(performance.now());
        w.__played.clips.push(id);
        previous = this;
        this.addEventListener('ended', () => w.__played.events.push('ended'), { once: true });
      }
      return play.call(this);
    };
    if (kind === 'no-speech-api') {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      return;
    }
    const synth = window.speechSynthesis;
    if (kind === 'indonesian') {
      // A TV whose system has an Indonesian voice (a plain object: the page only reads lang and localService).
      const voice = { lang: 'id-ID', localService: true, name: 'Bahasa Indonesia', default: false, voiceURI: 'id' };
      synth.getVoices = () => [voice as SpeechSynthesisVoice];
      Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', { configurable: true, get: () => null, set: () => undefined });
    }
    synth.speak = (utterance: SpeechSynthesisUtterance) => {
      if (utterance.text) w.__played.spoken.push(utterance.text);
      setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 100);
    };
  }, voices);

const played = (page: Page): Promise<Played> => page.evaluate(() => (window as unknown as { __played: Played }).__played);

describe('the board speaks with recorded clips where the browser has no Indonesian voice', () => {
  let s: TestServer;
  let browser: Browser;
  const boards: Record<'clips' | 'autoNoVoice' | 'autoNoApi' | 'autoIndonesian', Page> = {} as never;

  beforeAll(async () => {
    s = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const openBoard = async (query: string, voices: 'indonesian' | 'none' | 'no-speech-api', ready = 'Belum ada panggilan hari ini') => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
    await instrument(context, voices);
    const page = await context.newPage();
    await page.goto(`${s.url}/display/?office=demo${query}`);
    await page.getByText(ready).first().waitFor();
    return page;
  };

  it('announces "A 107, loket 2" as nomor-antrian A seratus tujuh silakan-menuju loket dua', async () => {
    // The day has reached A106 already; the next walk-in of service A is A107.
    const issued = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    expect(issued.body.number).toBe('A001');
    s.db
      .prepare("UPDATE tickets SET sequence = 106, number = 'A106', status = 'done', started_at = issued_at, completed_at = issued_at WHERE id = ?")
      .run(issued.body.id);
    const ticket = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    expect(ticket.body.number).toBe('A107');

    // The option wins even where the browser has an Indonesian voice.
    boards.clips = await openBoard('&voice=clips', 'indonesian');
    // By default: Chromium here has no Indonesian voice; a TV browser may have no speech API at all; a third has the voice.
    boards.autoNoVoice = await openBoard('', 'none');
    boards.autoNoApi = await openBoard('', 'no-speech-api');
    boards.autoIndonesian = await openBoard('', 'indonesian');
    expect(await boards.autoNoVoice.evaluate(() => speechSynthesis.getVoices().some((v) => /^(id|in)\b/i.test(v.lang)))).toBe(false);
    expect(await boards.autoNoApi.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    // Nothing plays before a call (the unlock plays are muted).
    expect((await played(boards.clips)).clips).toEqual([]);

    const staff = await signIn(s.app);
    const call = await staff.post('/api/counters/2/call-next');
    expect(call.body.ticket.number).toBe('A107');

    const expected = ['nomor-antrian', 'A', 'seratus', 'tujuh', 'silakan-menuju', 'loket', 'dua'];
    for (const name of ['clips', 'autoNoVoice', 'autoNoApi'] as const) {
      await expect.poll(() => played(boards[name]).then((p) => p.clips.length), { timeout: 20_000 }).toBe(expected.length);
      const p = await played(boards[name]);
      expect({ clips: p.clips, spoken: p.spoken }, name).toEqual({ clips: expected, spoken: [] });
    }
    // The board that has an Indonesian voice speaks the same words and plays no clip.
    await expect.poll(() => played(boards.autoIndonesian).then((p) => p.spoken), { timeout: 10_000 }).toEqual(['Nomor antrian A seratus tujuh, silakan menuju loket dua']);
    expect((await played(boards.autoIndonesian)).clips).toEqual([]);
    await expect.poll(() => boards.clips.locator('#spoken').textContent()).toBe('Nomor antrian A seratus tujuh, silakan menuju loket dua');
    await boards.clips.screenshot({ path: screenshotPath('display-voice-clips-1920x1080') });

    // A recall says "panggilan ulang" first, after the first announcement has finished (one at a time).
    expect((await staff.post(`/api/tickets/${ticket.body.id}/recall`)).status).toBe(200);
    await expect.poll(() => played(boards.clips).then((p) => p.clips.length), { timeout: 20_000 }).toBe(2 * expected.length + 1);
    expect((await played(boards.clips)).clips).toEqual([...expected, 'panggilan-ulang', ...expected]);
  });

  it('plays each clip to its end, one after another, from files the server serves as audio', async () => {
    const board = boards.clips;
    // The board preloaded every clip; each is served as audio.
    const media = await board.evaluate(async () => {
      const audios = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.mp3'));
      return { audios, canPlay: new Audio().canPlayType('audio/mpeg') };
    });
    expect(media.canPlay).not.toBe('');
    expect(media.audios.length).toBe(50);
    for (const url of media.audios) {
      const res = await board.request.get(url);
      expect(res.status(), url).toBe(200);
      expect(res.headers()['content-type'], url).toBe('audio/mpeg');
      expect((await res.body()).length, url).toBeGreaterThan(800);
    }
    // Each clip had played to its end when the next began: never two at once, none cut short by the board's stall guard.
    await expect.poll(() => played(board).then((p) => p.events.at(-1)), { timeout: 10_000 }).toBe('ended');
    const p = await played(board);
    expect(p.events.filter((e) => e.startsWith('play ')).map((e) => e.slice(5))).toEqual(p.clips);
    expect(p.events.filter((e) => !e.startsWith('play ')).every((e) => e === 'ended')).toBe(true);
    expect(p.events.filter((e) => e === 'ended').length).toBeGreaterThanOrEqual(p.clips.length);
    // The first announcement's words took as long as they take to say (about 5.7 s of audio).
    // p.times: when each clip began.
    const firstCall = p.times[7]! - p.times[0]!; // from "nomor antrian" to the recall's first clip
    expect(firstCall).toBeGreaterThan(5000);
    const spokenMs = p.times[6]! - p.times[0]!; // "nomor antrian" … the start of "dua"
    expect(spokenMs).toBeGreaterThan(4000);
    expect(spokenMs).toBeLessThan(8000);
  });

  it("speaks as the office's admin chose (clips) on a board with no voice in its URL, even with an Indonesian voice", async () => {
    const admin = await signIn(s.app);
    expect((await admin.patch('/api/offices/demo').send({ boardVoice: 'clips' })).status).toBe(200);
    expect((await admin.patch('/api/offices/demo').send({ boardVoice: 'loud' })).status).toBe(400);
    const board = await openBoard('', 'indonesian', 'A107');
    const ticket = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' });
    // Counter 2 still holds A107; counter 1 calls the B ticket.
    const call = await admin.post('/api/counters/1/call-next');
    expect(call.body.ticket.number).toBe(ticket.body.number);
    await expect.poll(() => played(board).then((p) => p.clips.length), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => played(board).then((p) => p.clips.join(' ')), { timeout: 20_000 }).toBe('nomor-antrian B satu silakan-menuju loket satu');
    expect((await played(board)).spoken).toEqual([]);
  });
});
