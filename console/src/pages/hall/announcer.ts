import type { Chime } from './chime.ts';
import type { SpeechPort, VoiceLike } from './speech.ts';

/** What the hall screen shows about its voice (语音播报). */
export interface AnnouncerState {
  /** 'checking' until the browser's voices are known; 'none' when it has no Mandarin voice (or no speech at all). */
  voice: 'checking' | 'ready' | 'none';
  muted: boolean;
  /** Audio waits for a person to click the page once (browsers' autoplay rule): the 点击开始播报 button. */
  needsGesture: boolean;
  /** Announcements waiting, the one being spoken included. */
  pending: number;
}

export interface AnnouncerOptions {
  speech: SpeechPort | undefined;
  chime: Chime;
  /**
   * How often a call is said: twice, as halls do for a visitor who missed the first, but only while
   * no other call waits — in a rush each call is said once, so the voice never lags behind the screen.
   */
  repeats?: number;
  /** Silence between two sentences. */
  gapMs?: number;
  muted?: boolean;
  onChange?: (state: AnnouncerState) => void;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The hall's voice: a strict queue of announcements, each a chime then one sentence, the next begun
 * only when the previous sentence has ended (its `onend` or `onerror`): two calls never talk over
 * each other, and the browser's own speech queue is never relied on.
 */
export class Announcer {
  private readonly queue: { text: string; times: number }[] = [];
  private voice: VoiceLike | undefined;
  private voiceState: AnnouncerState['voice'] = 'checking';
  private muted: boolean;
  private chimeBlocked = false;
  private speechBlocked = false;
  private running = false;
  private stopped = false;
  private readonly repeats: number;
  private readonly gapMs: number;

  constructor(private readonly options: AnnouncerOptions) {
    this.muted = options.muted ?? false;
    this.repeats = options.repeats ?? 2;
    this.gapMs = options.gapMs ?? 400;
  }

  state(): AnnouncerState {
    return { voice: this.voiceState, muted: this.muted, needsGesture: this.chimeBlocked || this.speechBlocked, pending: this.queue.length };
  }

  /** Looks for a Mandarin voice and whether audio waits for a click; announcements made meanwhile wait. */
  async start(): Promise<void> {
    this.chimeBlocked = this.options.chime.needsGesture();
    this.voice = this.options.speech ? await this.options.speech.findVoice().catch(() => undefined) : undefined;
    if (this.stopped) return;
    this.voiceState = this.voice ? 'ready' : 'none';
    if (!this.voice) this.queue.length = 0;
    this.changed();
    void this.pump();
  }

  /** Queues one sentence (a call); dropped when muted or when there is no voice to say it. */
  announce(text: string): void {
    if (this.stopped || this.muted || this.voiceState === 'none' || this.speechBlocked) return;
    this.queue.push({ text, times: 0 });
    this.changed();
    void this.pump();
  }

  /** 静音: stops the sentence being said and forgets the waiting ones (unmuting does not replay a backlog). */
  setMuted(muted: boolean): void {
    if (this.muted === muted) return;
    this.muted = muted;
    if (muted) {
      this.queue.length = 0;
      this.options.speech?.cancel();
    }
    this.changed();
  }

  /** A person clicked the page: audio may start now. */
  async unlock(): Promise<void> {
    const chimeOk = await this.options.chime.unlock();
    this.chimeBlocked = !chimeOk && this.options.chime.needsGesture();
    this.speechBlocked = false;
    this.changed();
    void this.pump();
  }

  dispose(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.options.speech?.cancel();
  }

  private changed(): void {
    this.options.onChange?.(this.state());
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.stopped && !this.muted && !this.speechBlocked && this.voice && this.options.speech) {
        const item = this.queue[0];
        if (!item) break;
        if (item.times === 0) {
          const chimed = await this.options.chime.play().catch(() => 'unavailable' as const);
          // No chime until someone clicks: say the call anyway (speech often needs no click in a kiosk).
          if (chimed === 'blocked' && !this.chimeBlocked) {
            this.chimeBlocked = true;
            this.changed();
          }
          if (this.stopped || this.muted) break;
        }
        const spoken = await this.options.speech.speak(item.text, this.voice).catch(() => 'failed' as const);
        if (this.queue[0] !== item) continue; // muted (and perhaps unmuted) meanwhile: the queue was emptied
        if (spoken === 'blocked') {
          // Nobody has clicked yet: wait for the button; calls made meanwhile are not replayed later.
          this.speechBlocked = true;
          this.queue.length = 0;
          this.changed();
          break;
        }
        item.times++;
        if (spoken === 'failed' || item.times >= this.repeats || this.queue.length > 1) {
          this.queue.shift();
          this.changed();
        }
        if (this.gapMs > 0 && this.queue.length > 0) await wait(this.gapMs);
      }
    } finally {
      this.running = false;
    }
  }
}
