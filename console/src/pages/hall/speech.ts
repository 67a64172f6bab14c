/**
 * The browser's speech synthesis as the announcer uses it: find a Mandarin voice, speak one sentence
 * and say how it ended. Structural types, so that tests hand in plain objects for `speechSynthesis`.
 */

export interface VoiceLike {
  lang: string;
  name: string;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onend: ((event: SpeechSynthesisEvent) => unknown) | null;
  onerror: ((event: SpeechSynthesisErrorEvent) => unknown) | null;
}

export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): readonly VoiceLike[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

/** How one sentence ended: spoken, refused until a person touches the page (autoplay policy), or failed otherwise. */
export type Spoken = 'done' | 'blocked' | 'failed';

/** What the announcer needs of speech: a voice check, one sentence at a time, and a stop. */
export interface SpeechPort {
  /** A Mandarin voice, after the browser has loaded its voices (or a short wait); undefined when it has none. */
  findVoice(): Promise<VoiceLike | undefined>;
  speak(text: string, voice: VoiceLike): Promise<Spoken>;
  cancel(): void;
}

const normal = (lang: string) => lang.replace('_', '-').toLowerCase();

/** The best Mandarin voice: mainland first, then any other zh voice, Cantonese (zh-HK) last. */
export function pickVoice(voices: readonly VoiceLike[]): VoiceLike | undefined {
  const rank = (v: VoiceLike) => {
    const lang = normal(v.lang);
    if (lang === 'zh-cn' || lang.startsWith('zh-hans')) return 0;
    if (lang === 'zh' || lang.startsWith('zh-tw') || lang.startsWith('zh-hant')) return 1;
    if (lang.startsWith('zh-hk')) return 3;
    return 2;
  };
  return voices
    .filter((v) => normal(v.lang).startsWith('zh'))
    .map((voice, i) => ({ voice, i, r: rank(voice) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)[0]?.voice;
}

export interface BrowserSpeechOptions {
  /** Makes an utterance (the browser's `new SpeechSynthesisUtterance(text)`). */
  utterance: (text: string) => UtteranceLike;
  /** How long to wait for `voiceschanged` when the first `getVoices()` is empty (Chrome loads them late). */
  voiceWaitMs?: number;
  /** Speaking rate: a little slower than normal for a hall with echo. */
  rate?: number;
  /** Give up on a sentence whose end never comes (some engines drop `onend`): per character, at least `minWatchMs`. */
  msPerChar?: number;
  minWatchMs?: number;
}

/** Speech through `speechSynthesis`, one sentence at a time, each ending in exactly one outcome. */
export function browserSpeech(synth: SynthLike, options: BrowserSpeechOptions): SpeechPort {
  const { utterance, voiceWaitMs = 2000, rate = 0.9, msPerChar = 600, minWatchMs = 8000 } = options;
  return {
    async findVoice() {
      const now = pickVoice(synth.getVoices());
      if (now) return now;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          synth.removeEventListener?.('voiceschanged', done);
          resolve();
        };
        const timer = setTimeout(done, voiceWaitMs);
        synth.addEventListener?.('voiceschanged', done);
      });
      return pickVoice(synth.getVoices());
    },
    speak(text, voice) {
      return new Promise<Spoken>((resolve) => {
        const u = utterance(text);
        u.lang = 'zh-CN';
        u.rate = rate;
        try {
          u.voice = voice;
        } catch {
          // A voice object the engine does not take as its own (a kiosk's shim): the language alone picks one.
        }
        let ended = false;
        const end = (how: Spoken) => {
          if (ended) return;
          ended = true;
          clearTimeout(watchdog);
          u.onend = null;
          u.onerror = null;
          resolve(how);
        };
        const watchdog = setTimeout(() => {
          synth.cancel();
          end('failed');
        }, Math.max(minWatchMs, text.length * msPerChar));
        u.onend = () => end('done');
        // Chrome refuses speech before the page has had a click ('not-allowed').
        u.onerror = (event) => end(event.error === 'not-allowed' ? 'blocked' : 'failed');
        try {
          synth.speak(u);
        } catch {
          end('failed');
        }
      });
    },
    cancel() {
      synth.cancel();
    },
  };
}
