/**
 * The ding-dong before each announcement (提示音): two sine tones, a major third apart, about 0.8 s
 * in all, made with Web Audio so that no sound file has to be shipped or fetched.
 */

/** The parts of Web Audio the chime uses (structural, so tests can count the tones). */
export interface AudioContextLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { setValueAtTime(value: number, time: number): unknown };
    connect(node: unknown): unknown;
    start(when?: number): void;
    stop(when?: number): void;
  };
  createGain(): {
    gain: { setValueAtTime(value: number, time: number): unknown; exponentialRampToValueAtTime(value: number, time: number): unknown };
    connect(node: unknown): unknown;
  };
}

/** How a chime went: heard, held back until someone touches the page, or not possible in this browser. */
export type Chimed = 'played' | 'blocked' | 'unavailable';

export interface Chime {
  play(): Promise<Chimed>;
  /** Inside a click or key press: lets the audio start (browsers hold it until a person acts on the page). */
  unlock(): Promise<boolean>;
  /** Whether audio waits for a person to act on the page. */
  needsGesture(): boolean;
}

/** Ding (G5) then dong (E5): the two-tone chime of Chinese halls and stations. */
export const CHIME_TONES = [
  { frequency: 784, start: 0, length: 0.45 },
  { frequency: 659, start: 0.35, length: 0.45 },
] as const;
export const CHIME_MS = 800;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function webAudioChime(create: (() => AudioContextLike) | undefined): Chime {
  let context: AudioContextLike | undefined;
  let failed = false;
  const get = () => {
    if (!context && create && !failed) {
      try {
        context = create();
      } catch {
        failed = true;
      }
    }
    return context;
  };
  return {
    async play() {
      const ctx = get();
      if (!ctx) return 'unavailable';
      if (ctx.state !== 'running') {
        // Outside a gesture, resume() stays pending in Chrome: give it a moment, not forever.
        await Promise.race([ctx.resume().catch(() => undefined), wait(200)]);
        if (ctx.state !== 'running') return 'blocked';
      }
      const t0 = ctx.currentTime + 0.02;
      for (const tone of CHIME_TONES) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.setValueAtTime(tone.frequency, t0 + tone.start);
        gain.gain.setValueAtTime(0.0001, t0);
        gain.gain.setValueAtTime(0.35, t0 + tone.start);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + tone.start + tone.length);
        osc.connect(gain);
        gain.connect(ctx.destination);
        osc.start(t0 + tone.start);
        osc.stop(t0 + tone.start + tone.length + 0.05);
      }
      await wait(CHIME_MS);
      return 'played';
    },
    async unlock() {
      const ctx = get();
      if (!ctx) return false;
      await ctx.resume().catch(() => undefined);
      return ctx.state === 'running';
    },
    needsGesture() {
      const ctx = get();
      return !!ctx && ctx.state !== 'running';
    },
  };
}
