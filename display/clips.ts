/// <reference types="vite/client" />
/**
 * Plays the recorded Indonesian clips (display/voice/*.mp3) one after another: the board's voice
 * on a TV whose browser has no Indonesian speech voice. One preloaded <audio> per clip, so a
 * word starts at once; a clip that cannot play is skipped after a short wait, never blocking the queue.
 */
import type { ClipId } from '../shared/voiceClips';

// Served as files (never inlined as data: URLs), hashed by the build like every asset.
const CLIP_URLS = import.meta.glob<string>('./voice/*.mp3', { eager: true, query: '?url&no-inline', import: 'default' });

export const clipUrl = (id: ClipId): string | undefined => CLIP_URLS[`./voice/${id}.mp3`];

export class ClipPlayer {
  private readonly elements = new Map<ClipId, HTMLAudioElement>();

  /** Starts loading every clip (about 130 kB in all), so that the first call is not late. */
  preload(): void {
    for (const key of Object.keys(CLIP_URLS)) this.element(key.slice('./voice/'.length, -'.mp3'.length));
  }

  /**
   * Inside the tap that enables sound: browsers that unlock media element by element (Safari)
   * need each one played once from a gesture. Muted, and paused at once.
   */
  unlock(): void {
    for (const audio of this.elements.values()) {
      audio.muted = true;
      audio
        .play()
        .then(() => audio.pause())
        .catch(() => undefined)
        .finally(() => {
          audio.muted = false;
          audio.currentTime = 0;
        });
    }
  }

  async play(ids: readonly ClipId[]): Promise<void> {
    for (const id of ids) {
      const audio = this.element(id);
      if (audio) await this.playOne(audio);
    }
  }

  private element(id: ClipId): HTMLAudioElement | undefined {
    let audio = this.elements.get(id);
    if (audio) return audio;
    const url = clipUrl(id);
    if (!url) return undefined;
    audio = new Audio();
    audio.preload = 'auto';
    audio.src = url;
    this.elements.set(id, audio);
    return audio;
  }

  private playOne(audio: HTMLAudioElement): Promise<void> {
    return new Promise((resolve) => {
      let guard: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(guard);
        audio.removeEventListener('ended', done);
        audio.removeEventListener('error', done);
        resolve();
      };
      audio.addEventListener('ended', done);
      audio.addEventListener('error', done);
      // A clip lasts under 1.5 s; a stalled load or a missing audio device must not hang the queue.
      const limitMs = (Number.isFinite(audio.duration) ? audio.duration * 1000 : 1500) + 1500;
      guard = setTimeout(() => {
        audio.pause();
        done();
      }, limitMs);
      audio.currentTime = 0;
      audio.play().catch(done);
    });
  }
}
