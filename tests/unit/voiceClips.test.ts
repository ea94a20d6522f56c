import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcement } from '../../shared/speech';
import { announcementClips, labelClips, parseBoardVoice, VOICE_CLIPS } from '../../shared/voiceClips';

const VOICE_DIR = 'display/voice';

describe('a call as a sequence of recorded clips', () => {
  it('says "A 107, loket 2" in the words of the spoken announcement', () => {
    expect(announcementClips('A107', '2')).toEqual(['nomor-antrian', 'A', 'seratus', 'tujuh', 'silakan-menuju', 'loket', 'dua']);
  });

  it.each([
    ['A007', ['A', 'tujuh']],
    ['A010', ['A', 'sepuluh']],
    ['A011', ['A', 'sebelas']],
    ['A019', ['A', 'sembilan', 'belas']],
    ['A020', ['A', 'dua', 'puluh']],
    ['A021', ['A', 'dua', 'puluh', 'satu']],
    ['B100', ['B', 'seratus']],
    ['B101', ['B', 'seratus', 'satu']],
    ['B110', ['B', 'seratus', 'sepuluh']],
    ['B111', ['B', 'seratus', 'sebelas']],
    ['C115', ['C', 'seratus', 'lima', 'belas']],
    ['C200', ['C', 'dua', 'ratus']],
    ['Z999', ['Z', 'sembilan', 'ratus', 'sembilan', 'puluh', 'sembilan']],
    ['C000', ['C', 'nol']],
    ['AB011', ['A', 'B', 'sebelas']],
    // A busy day past 999.
    ['A1000', ['A', 'seribu']],
    ['A1207', ['A', 'seribu', 'dua', 'ratus', 'tujuh']],
  ])('ticket %s → %j', (ticket, clips) => {
    expect(labelClips(ticket)).toEqual(clips);
  });

  it('reads counter names that are numbers, words or both, never saying "loket" twice', () => {
    const counterPart = (name: string) => announcementClips('A001', name).slice(4);
    expect(counterPart('2')).toEqual(['loket', 'dua']);
    expect(counterPart('12')).toEqual(['loket', 'dua', 'belas']);
    expect(counterPart('Loket 4')).toEqual(['loket', 'empat']);
    expect(counterPart('loket 10')).toEqual(['loket', 'sepuluh']);
    expect(counterPart('2B')).toEqual(['loket', 'dua', 'B']);
    expect(counterPart('Prioritas')).toEqual(['loket', 'prioritas']);
    expect(counterPart('Satu')).toEqual(['loket', 'satu']);
    // A word no clip says is spelled, accents dropped; a run of capitals is a code read letter by letter.
    expect(counterPart('Kasir')).toEqual(['loket', 'K', 'A', 'S', 'I', 'R']);
    expect(counterPart('Café')).toEqual(['loket', 'C', 'A', 'F', 'E']);
    expect(counterPart('VIP 1')).toEqual(['loket', 'V', 'I', 'P', 'satu']);
  });

  it('reads a number past the clips digit by digit', () => {
    expect(labelClips('1234567')).toEqual(['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh']);
  });

  it('says "panggilan ulang" first on a recall', () => {
    expect(announcementClips('A007', '2', { recall: true })).toEqual(['panggilan-ulang', 'nomor-antrian', 'A', 'tujuh', 'silakan-menuju', 'loket', 'dua']);
  });

  it('says exactly the words of the spoken announcement when every word has a clip', () => {
    const spokenWords = (text: string) => text.toLowerCase().replace(/[.,]/g, '').split(/\s+/);
    const clipWords = (clips: string[]) => clips.flatMap((id) => VOICE_CLIPS[id]!.toLowerCase().split(' '));
    for (const [ticket, counter, recall] of [['A107', '2', false], ['B011', '12', true], ['C999', 'Loket 3', false], ['A001', 'Prioritas', true]] as const) {
      expect(clipWords(announcementClips(ticket, counter, { recall }))).toEqual(spokenWords(announcement(ticket, counter, { recall })));
    }
  });

  it('only asks for clips that exist as committed files, small in all', () => {
    const asked = new Set<string>();
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      for (let n = 0; n <= 1200; n++) for (const id of labelClips(`${letter}${String(n).padStart(3, '0')}`)) asked.add(id);
    }
    for (const id of announcementClips('A001', 'Prioritas', { recall: true })) asked.add(id);
    for (const id of asked) expect(VOICE_CLIPS, id).toHaveProperty(id);
    for (const id of Object.keys(VOICE_CLIPS)) expect(existsSync(join(VOICE_DIR, `${id}.mp3`)), `${id}.mp3`).toBe(true);
    const files = readdirSync(VOICE_DIR);
    expect(files.sort()).toEqual(Object.keys(VOICE_CLIPS).map((id) => `${id}.mp3`).sort());
    const total = files.reduce((n, f) => n + statSync(join(VOICE_DIR, f)).size, 0);
    expect(total).toBeLessThan(1_500_000);
    // Each file is MP3 (an ID3 tag or an MPEG frame sync at its start), not an empty placeholder.
    for (const f of files) {
      const bytes = readFileSync(join(VOICE_DIR, f));
      expect(bytes.length, f).toBeGreaterThan(800);
      const id3 = bytes.subarray(0, 3).toString('latin1') === 'ID3';
      const frameSync = bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0;
      expect(id3 || frameSync, f).toBe(true);
    }
  });
});

describe('the board voice option', () => {
  it.each([
    [null, 'auto'],
    ['', 'auto'],
    ['clips', 'clips'],
    ['CLIPS', 'clips'],
    ['browser', 'browser'],
    ['robot', 'auto'],
  ] as const)('?voice=%s → %s', (value, voice) => {
    expect(parseBoardVoice(value)).toBe(voice);
  });
});
