/**
 * The board's voice: a chime made by WebAudio oscillators (no sound file), then the spoken
 * Indonesian announcement: through the Web Speech API where the browser has an Indonesian
 * voice, otherwise (or when the board's URL says `voice=clips`) as recorded clips played in
 * sequence. Calls wait in a queue and are announced one after another, never over each other.
 */
import { announcement } from '../shared/speech';
import type { CallEvent } from '../shared/types';
import { announcementClips, type BoardVoice } from '../shared/voiceClips';
import { ClipPlayer } from './clips';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An Indonesian voice where the system has one ('id-ID'; older Android says 'in_ID'). */
export const pickIndonesianVoice = (voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined => {
  const tag = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return (
    voices.find((v) => tag(v) === 'id-id' && v.localService) ??
    voices.find((v) => tag(v) === 'id-id') ??
    voices.find((v) => tag(v).startsWith('id') || tag(v).startsWith('in-'))
  );
};

export type AnnouncerHooks = {
  /** A call's turn begins: the board shows it large. */
  start: (call: CallEvent, text: string) => void;
  end: (call: CallEvent) => void;
};

export class Announcer {
  private queue: CallEvent[] = [];
  private running = false;
  private audio: AudioContext | null = null;
  enabled = false;
  private readonly clips = new ClipPlayer();
  /** Chrome fills getVoices() some time after the page loads: wait for it once, not at every call. */
  private voicesSettled = false;

  constructor(
    private readonly hooks: AnnouncerHooks,
    private voice: BoardVoice = 'auto',
    private readonly quietHoldMs = 2500,
  ) {
    if (voice !== 'browser') this.clips.preload();
  }

  /** The office's choice (admin page), as the board state carries it; the next call is spoken so. */
  setVoice(voice: BoardVoice): void {
    if (voice === this.voice) return;
    this.voice = voice;
    if (voice !== 'browser') this.clips.preload();
  }

  /** True when the browser already lets this page play sound (a kiosk-mode TV): no tap needed. */
  async tryAutoEnable(): Promise<boolean> {
    try {
      this.audio ??= new AudioContext();
      if (this.audio.state !== 'running') await Promise.race([this.audio.resume(), sleep(300)]);
      this.enabled = this.audio.state === 'running';
    } catch {
      this.enabled = false;
    }
    return this.enabled;
  }

  /** Called from the tap on the overlay: the gesture browsers require before audio. */
  async enableFromGesture(): Promise<void> {
    this.audio ??= new AudioContext();
    await this.audio.resume().catch(() => undefined);
    // An empty utterance inside the gesture unlocks speech on browsers that need it; the clips likewise.
    if (this.voice !== 'clips' && 'speechSynthesis' in window) window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
    if (this.voice !== 'browser') this.clips.unlock();
    this.enabled = true;
  }

  enqueue(call: CallEvent): void {
    this.queue.push(call);
    if (!this.running) void this.run();
  }

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const call = this.queue.shift()!;
        const text = announcement(call.number, call.counter, { recall: call.recall, comeIn: call.comeIn === true });
        this.hooks.start(call, text);
        if (this.enabled && this.audio) {
          await this.chime(this.audio);
          if (await this.useClips()) await this.clips.play(announcementClips(call.number, call.counter, { recall: call.recall, comeIn: call.comeIn === true }));
          else await this.speak(text);
          await sleep(600);
        } else {
          await sleep(this.quietHoldMs);
        }
        this.hooks.end(call);
      }
    } finally {
      this.running = false;
    }
  }

  /** Clips when the board is told so, or (auto) when this browser has no Indonesian voice to speak with. */
  private async useClips(): Promise<boolean> {
    if (this.voice !== 'auto') return this.voice === 'clips';
    if (!('speechSynthesis' in window)) return true;
    const synth = window.speechSynthesis;
    if (!this.voicesSettled && synth.getVoices().length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        // Optional call: some older TV engines' speechSynthesis is no EventTarget (the timer then decides).
        synth.addEventListener?.('voiceschanged', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
    this.voicesSettled = true;
    return pickIndonesianVoice(synth.getVoices()) === undefined;
  }

  /** A three-note bell (G5, E5, C5), each a sine with a soft octave above it, ~1.8 s. */
  private async chime(ctx: AudioContext): Promise<void> {
    const t0 = ctx.currentTime + 0.05;
    const notes = [784, 659.25, 523.25];
    notes.forEach((freq, i) => {
      const start = t0 + i * 0.38;
      for (const [mult, level] of [[1, 0.32], [2, 0.06]] as const) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq * mult;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(level, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.1);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 1.15);
      }
    });
    await sleep(1850);
  }

  private speak(text: string): Promise<void> {
    if (!('speechSynthesis' in window)) return Promise.resolve();
    const synth = window.speechSynthesis;
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'id-ID';
      const voice = pickIndonesianVoice(synth.getVoices());
      if (voice) utterance.voice = voice;
      utterance.rate = 0.9;
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        resolve();
      };
      // Some engines never start or never end (no voice installed, a stalled engine): never let the queue hang.
      const giveUp = () => {
        synth.cancel();
        done();
      };
      let guard = setTimeout(giveUp, 1500);
      utterance.onstart = () => {
        clearTimeout(guard);
        guard = setTimeout(giveUp, 2000 + text.length * 120);
      };
      utterance.onend = done;
      utterance.onerror = done;
      if (synth.speaking || synth.pending) synth.cancel();
      synth.speak(utterance);
    });
  }
}
