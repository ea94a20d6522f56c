/**
 * Makes the board's Indonesian voice clips (display/voice/<id>.mp3), one per entry of
 * VOICE_CLIPS, offline. The clips are committed: run this only to change the voice.
 *   apt-get install -y espeak-ng sox lame
 *   npx tsx scripts/make-voice-clips.ts
 * espeak-ng's Indonesian voice at a calm announcer's rate → sox: 16 kHz mono, silence trimmed
 * at both ends (the board strings clips together), a short pause after each word, loudness
 * evened → lame: MP3 at 32 kbit/s. MP3 because every TV browser plays it (Ogg/Opus is smaller
 * but older Safari- and Tizen-based browsers do not play it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VOICE_CLIPS } from '../shared/voiceClips';

const OUT_DIR = 'display/voice';
/** Words per minute: espeak's 175 is hurried for a hall with an echo. */
const RATE = '140';

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });

const main = () => {
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'giliran-voice-'));
  try {
    const wanted = new Set(Object.keys(VOICE_CLIPS).map((id) => `${id}.mp3`));
    for (const file of readdirSync(OUT_DIR)) if (!wanted.has(file)) rmSync(join(OUT_DIR, file));
    for (const [id, text] of Object.entries(VOICE_CLIPS)) {
      const raw = join(work, `${id}-raw.wav`);
      const clean = join(work, `${id}.wav`);
      run('espeak-ng', ['-v', 'id', '-s', RATE, '-w', raw, text]);
      // -R -D: no random dither, so that running this again gives the same bytes (no churn in git).
      // Trim the leading and trailing silence (reverse, trim, reverse back), then 10 ms before and 30 ms after (playing the next clip adds its own short pause).
      run('sox', ['-R', '-D', raw, '-r', '16000', '-c', '1', clean, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0.01', '0.03', 'norm', '-1']);
      run('lame', ['--quiet', '-m', 'm', '-b', '32', '--resample', '16', clean, join(OUT_DIR, `${id}.mp3`)]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const files = readdirSync(OUT_DIR);
  const total = files.reduce((n, f) => n + statSync(join(OUT_DIR, f)).size, 0);
  process.stdout.write(`${files.length} clips in ${OUT_DIR}, ${(total / 1000).toFixed(1)} kB\n`);
};

main();
