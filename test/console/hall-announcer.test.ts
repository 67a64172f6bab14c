import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, type AnnouncerState } from '../../console/src/pages/hall/announcer.ts';
import { CHIME_TONES, webAudioChime, type AudioContextLike, type Chime } from '../../console/src/pages/hall/chime.ts';
import { browserSpeech, pickVoice, type SynthLike, type UtteranceLike, type VoiceLike } from '../../console/src/pages/hall/speech.ts';

/**
 * A stand-in for `window.speechSynthesis`: records each utterance handed to it and whether another was
 * still being spoken; the test ends each one (`end()` or `fail()`) as the browser would.
 */
class FakeSynth implements SynthLike {
  voices: VoiceLike[];
  spoken: { text: string; lang: string; rate: number; voice: string | undefined; overlapped: boolean }[] = [];
  current: UtteranceLike | undefined;
  cancels = 0;
  private listeners: (() => void)[] = [];
  constructor(voices: VoiceLike[]) {
    this.voices = voices;
  }
  speak(u: UtteranceLike) {
    this.spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name, overlapped: this.current !== undefined });
    this.current = u;
  }
  cancel() {
    this.cancels++;
    this.fail('interrupted');
  }
  getVoices() {
    return this.voices;
  }
  addEventListener(_type: 'voiceschanged', listener: () => void) {
    this.listeners.push(listener);
  }
  removeEventListener(_type: 'voiceschanged', listener: () => void) {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  loadVoices(voices: VoiceLike[]) {
    this.voices = voices;
    for (const l of [...this.listeners]) l();
  }
  end() {
    const u = this.current;
    this.current = undefined;
    u?.onend?.({} as SpeechSynthesisEvent);
  }
  fail(error: string) {
    const u = this.current;
    this.current = undefined;
    u?.onerror?.({ error } as SpeechSynthesisErrorEvent);
  }
}

const utterance = (text: string): UtteranceLike => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null });
const mandarin: VoiceLike = { lang: 'zh-CN', name: 'Tingting' };
const english: VoiceLike = { lang: 'en-US', name: 'Samantha' };

/** A chime that records when it rang, always heard unless told it is blocked. */
function fakeChime(blocked = false): Chime & { rings: number; unlocked: number } {
  let isBlocked = blocked;
  const chime = {
    rings: 0,
    unlocked: 0,
    play() {
      chime.rings++;
      return Promise.resolve(isBlocked ? ('blocked' as const) : ('played' as const));
    },
    unlock() {
      chime.unlocked++;
      isBlocked = false;
      return Promise.resolve(true);
    },
    needsGesture: () => isBlocked,
  };
  return chime;
}

function setup(options: { voices?: VoiceLike[]; chime?: ReturnType<typeof fakeChime>; repeats?: number } = {}) {
  const synth = new FakeSynth(options.voices ?? [english, mandarin]);
  const chime = options.chime ?? fakeChime();
  const states: AnnouncerState[] = [];
  const announcer = new Announcer({ speech: browserSpeech(synth, { utterance, voiceWaitMs: 50 }), chime, repeats: options.repeats ?? 1, gapMs: 0, onChange: (s) => states.push(s) });
  return { synth, chime, announcer, states };
}

/** Lets the announcer's promises run up to the next sentence handed to the fake. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('the announcer', () => {
  it('says queued calls one after another, a chime before each, never two at once', async () => {
    const { synth, chime, announcer } = setup();
    await announcer.start();
    announcer.announce('请 C一号 到 三号窗口 办理');
    announcer.announce('请 B一号 到 二号窗口 办理');
    announcer.announce('再次呼叫 C一号，请到 三号窗口 办理');
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['请 C一号 到 三号窗口 办理']);
    expect(chime.rings).toBe(1);
    synth.end();
    await settle();
    expect(synth.spoken).toHaveLength(2);
    expect(chime.rings).toBe(2);
    // An error ends a sentence too: the queue goes on.
    synth.fail('synthesis-failed');
    await settle();
    synth.end();
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['请 C一号 到 三号窗口 办理', '请 B一号 到 二号窗口 办理', '再次呼叫 C一号，请到 三号窗口 办理']);
    expect(synth.spoken.every((s) => !s.overlapped)).toBe(true);
    expect(synth.spoken[0]).toMatchObject({ lang: 'zh-CN', voice: 'Tingting' });
    expect(synth.spoken[0]!.rate).toBeCloseTo(0.9);
    expect(announcer.state().pending).toBe(0);
  });

  it('says a call twice when nothing else waits, once when the next call is already queued', async () => {
    const { synth, chime, announcer } = setup({ repeats: 2 });
    await announcer.start();
    announcer.announce('A');
    await settle();
    synth.end();
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A', 'A']);
    expect(chime.rings).toBe(1);
    synth.end();
    await settle();
    expect(announcer.state().pending).toBe(0);
    // Two calls queued: the first is said once, the last (nothing after it) twice.
    announcer.announce('B');
    announcer.announce('C');
    await settle();
    synth.end();
    await settle();
    synth.end();
    await settle();
    synth.end();
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A', 'A', 'B', 'C', 'C']);
    // D is being said when E arrives: D is not repeated, E follows.
    announcer.announce('D');
    await settle();
    announcer.announce('E');
    synth.end();
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A', 'A', 'B', 'C', 'C', 'D', 'E']);
    expect(chime.rings).toBe(5);
    expect(synth.spoken.every((s) => !s.overlapped)).toBe(true);
  });

  it('waits for the browser to load its voices, and goes silent when none is Mandarin', async () => {
    const late = setup({ voices: [] });
    const starting = late.announcer.start();
    late.announcer.announce('请 A一号 到 一号窗口 办理');
    late.synth.loadVoices([mandarin]);
    await starting;
    await settle();
    expect(late.announcer.state().voice).toBe('ready');
    expect(late.synth.spoken.map((s) => s.text)).toEqual(['请 A一号 到 一号窗口 办理']);

    const none = setup({ voices: [english] });
    await none.announcer.start();
    none.announcer.announce('请 A一号 到 一号窗口 办理');
    await settle();
    expect(none.announcer.state()).toMatchObject({ voice: 'none', pending: 0 });
    expect(none.synth.spoken).toEqual([]);
    expect(none.chime.rings).toBe(0);
  });

  it('has no voice at all where the browser has no speech synthesis', async () => {
    const announcer = new Announcer({ speech: undefined, chime: fakeChime(), gapMs: 0 });
    await announcer.start();
    announcer.announce('请 A一号 到 一号窗口 办理');
    expect(announcer.state()).toMatchObject({ voice: 'none', pending: 0 });
  });

  it('when muted stops the sentence being said, drops the rest, and does not replay them when unmuted', async () => {
    const { synth, announcer } = setup();
    await announcer.start();
    announcer.announce('A');
    announcer.announce('B');
    await settle();
    announcer.setMuted(true);
    expect(synth.cancels).toBe(1);
    announcer.announce('C');
    await settle();
    announcer.setMuted(false);
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A']);
    announcer.announce('D');
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A', 'D']);
    expect(announcer.state()).toMatchObject({ muted: false, pending: 1 });
  });

  it('asks for a click when the browser refuses speech, and speaks new calls after it', async () => {
    const { synth, announcer } = setup();
    await announcer.start();
    expect(announcer.state().needsGesture).toBe(false);
    announcer.announce('A');
    await settle();
    synth.fail('not-allowed');
    await settle();
    expect(announcer.state()).toMatchObject({ needsGesture: true, pending: 0 });
    announcer.announce('B');
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A']);
    await announcer.unlock();
    expect(announcer.state().needsGesture).toBe(false);
    announcer.announce('C');
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A', 'C']);
  });

  it('says calls without the chime while audio waits for a click, and shows the button from the start', async () => {
    const chime = fakeChime(true);
    const { synth, announcer } = setup({ chime });
    await announcer.start();
    expect(announcer.state().needsGesture).toBe(true);
    announcer.announce('A');
    await settle();
    expect(synth.spoken.map((s) => s.text)).toEqual(['A']);
    synth.end();
    await announcer.unlock();
    expect(chime.unlocked).toBe(1);
    expect(announcer.state().needsGesture).toBe(false);
  });
});

describe('speech through speechSynthesis', () => {
  it('prefers a mainland Mandarin voice, and takes no voice that is not Chinese', () => {
    expect(pickVoice([english, { lang: 'zh-HK', name: 'Sinji' }, { lang: 'zh_TW', name: 'Meijia' }, { lang: 'zh-CN', name: 'Tingting' }])?.name).toBe('Tingting');
    expect(pickVoice([english, { lang: 'zh-HK', name: 'Sinji' }, { lang: 'zh-TW', name: 'Meijia' }])?.name).toBe('Meijia');
    expect(pickVoice([english, { lang: 'fr-FR', name: 'Amélie' }])).toBeUndefined();
  });

  it('gives up on a sentence whose end never comes, so the queue is not stuck', async () => {
    vi.useFakeTimers();
    const synth = new FakeSynth([mandarin]);
    const speech = browserSpeech(synth, { utterance, minWatchMs: 5000, msPerChar: 10 });
    const said = speech.speak('请 A一号 到 一号窗口 办理', mandarin);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(said).resolves.toBe('failed');
    expect(synth.cancels).toBe(1);
  });

  it('finds no voice after a short wait when the browser never loads any', async () => {
    vi.useFakeTimers();
    const speech = browserSpeech(new FakeSynth([]), { utterance, voiceWaitMs: 2000 });
    const found = speech.findVoice();
    await vi.advanceTimersByTimeAsync(2000);
    await expect(found).resolves.toBeUndefined();
  });
});

describe('the chime', () => {
  function fakeAudio(state: 'running' | 'suspended', resumes: boolean) {
    const tones: { frequency: number; start: number; stop: number }[] = [];
    const ctx = {
      state: state as string,
      currentTime: 10,
      destination: {},
      resume() {
        if (resumes) ctx.state = 'running';
        return resumes ? Promise.resolve() : new Promise<void>(() => undefined);
      },
      createOscillator() {
        const tone = { frequency: 0, start: 0, stop: 0 };
        tones.push(tone);
        return {
          type: 'sine',
          frequency: { setValueAtTime: (v: number) => (tone.frequency = v) },
          connect: () => undefined,
          start: (t?: number) => (tone.start = t ?? 0),
          stop: (t?: number) => (tone.stop = t ?? 0),
        };
      },
      createGain: () => ({ gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined }),
    } satisfies AudioContextLike;
    return { ctx, tones };
  }

  it('rings two tones, high then low, in about 0.8 s', async () => {
    vi.useFakeTimers();
    const { ctx, tones } = fakeAudio('running', true);
    const played = webAudioChime(() => ctx).play();
    await vi.advanceTimersByTimeAsync(800);
    await expect(played).resolves.toBe('played');
    expect(tones.map((t) => t.frequency)).toEqual(CHIME_TONES.map((t) => t.frequency));
    expect(tones[0]!.frequency).toBeGreaterThan(tones[1]!.frequency);
    expect(tones[1]!.stop - tones[0]!.start).toBeLessThanOrEqual(0.9);
  });

  it('says it is blocked while the browser holds audio until a click, and plays after one', async () => {
    vi.useFakeTimers();
    const held = fakeAudio('suspended', false);
    const chime = webAudioChime(() => held.ctx);
    expect(chime.needsGesture()).toBe(true);
    const played = chime.play();
    await vi.advanceTimersByTimeAsync(200);
    await expect(played).resolves.toBe('blocked');
    expect(held.tones).toEqual([]);

    const clickable = fakeAudio('suspended', true);
    const after = webAudioChime(() => clickable.ctx);
    await expect(after.unlock()).resolves.toBe(true);
    expect(after.needsGesture()).toBe(false);
  });

  it('is silent, not broken, where the browser has no Web Audio', async () => {
    const chime = webAudioChime(undefined);
    await expect(chime.play()).resolves.toBe('unavailable');
    expect(chime.needsGesture()).toBe(false);
    const throwing = webAudioChime(() => {
      throw new Error('no audio device');
    });
    await expect(throwing.play()).resolves.toBe('unavailable');
  });
});

describe('speech on an engine that does not take the voice object', () => {
  it('speaks in Mandarin by the language alone', async () => {
    const synth = new FakeSynth([mandarin]);
    const strict = (text: string): UtteranceLike => {
      const u = utterance(text);
      Object.defineProperty(u, 'voice', {
        get: () => null,
        set: () => {
          throw new TypeError("Failed to set the 'voice' property on 'SpeechSynthesisUtterance'");
        },
      });
      return u;
    };
    const said = browserSpeech(synth, { utterance: strict }).speak('请 A一号 到 一号窗口 办理', mandarin);
    synth.end();
    await expect(said).resolves.toBe('done');
    expect(synth.spoken).toEqual([{ text: '请 A一号 到 一号窗口 办理', lang: 'zh-CN', rate: 0.9, voice: undefined, overlapped: false }]);
  });

  it('goes on with the next call when speaking one throws', async () => {
    let calls = 0;
    const speech = {
      findVoice: () => Promise.resolve(mandarin),
      speak: (text: string) => {
        calls++;
        return text === 'A' ? Promise.reject(new Error('engine crashed')) : Promise.resolve('done' as const);
      },
      cancel: () => undefined,
    };
    const announcer = new Announcer({ speech, chime: fakeChime(), repeats: 1, gapMs: 0 });
    await announcer.start();
    announcer.announce('A');
    announcer.announce('B');
    await settle();
    await settle();
    expect(calls).toBe(2);
    expect(announcer.state().pending).toBe(0);
  });
});
