import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiProblem, read } from '../../api/client.ts';
import { endSession } from '../../auth/session.ts';
import { config } from '../../config.ts';
import { now } from '../../lib/clock.ts';
import { useHotkeys } from '../../lib/useHotkeys.ts';
import { Announcer, type AnnouncerState } from './announcer.ts';
import { callKey, newCalls, utteranceText, waitText, windowLabel, type BoardCall, type Seen } from './calls.ts';
import { webAudioChime } from './chime.ts';
import { startPolling } from './poller.ts';
import { browserSpeech } from './speech.ts';
import './hall.css';

type Board = Awaited<ReturnType<typeof loadBoard>>;
type Waiting = Awaited<ReturnType<typeof loadWaiting>>;

const loadBoard = (signal: AbortSignal) => read(api().GET('/hall/board', { signal }));
const loadWaiting = (signal: AbortSignal) => read(api().GET('/hall/waiting', { signal }));

/** A refused session or account: polling stops (a 401 also sends the screen to sign-in). */
const refused = (error: unknown) => error instanceof ApiProblem && (error.status === 401 || error.status === 403);

const MUTE_KEY = 'banjian.hall.muted';

/** The hall's voice on this machine: speech synthesis if the browser has it, and the Web Audio chime. */
function makeAnnouncer(onChange: (state: AnnouncerState) => void): Announcer {
  const synth = typeof window.speechSynthesis === 'undefined' ? undefined : window.speechSynthesis;
  const speech = synth && typeof SpeechSynthesisUtterance !== 'undefined' ? browserSpeech(synth, { utterance: (text) => new SpeechSynthesisUtterance(text) }) : undefined;
  const chime = webAudioChime(typeof AudioContext === 'undefined' ? undefined : () => new AudioContext());
  return new Announcer({ speech, chime, muted: sessionStorage.getItem(MUTE_KEY) === '1', onChange });
}

/**
 * 大厅叫号屏: the hall's TV (1920×1080, read from ten metres) and its speakers. Shows the latest call
 * large, the calls before it, each category's waiting count and expected wait, the center's name and
 * the time; says each new call and recall in Mandarin after a chime. A network drop leaves the last
 * board on screen while it retries quietly.
 */
export default function HallScreen() {
  const navigate = useNavigate();
  const [board, setBoard] = useState<Board>();
  const [waiting, setWaiting] = useState<Waiting>();
  // Which reads are failing now: the mark shows while either is.
  const [offline, setOffline] = useState({ board: false, waiting: false });
  const [forbidden, setForbidden] = useState(false);
  const [voice, setVoice] = useState<AnnouncerState>(() => ({ voice: 'checking', muted: sessionStorage.getItem(MUTE_KEY) === '1', needsGesture: false, pending: 0 }));
  const [noVoiceNoticeGone, setNoVoiceNoticeGone] = useState(false);
  const announcer = useRef<Announcer | undefined>(undefined);

  // No Shell here: this page answers a refused session itself.
  useEffect(() => {
    const expired = () => {
      endSession();
      void navigate('/sign-in?expired=1&next=%2Fhall');
    };
    window.addEventListener('banjian:signed-out', expired);
    return () => window.removeEventListener('banjian:signed-out', expired);
  }, [navigate]);

  useEffect(() => {
    const voice = makeAnnouncer(setVoice);
    announcer.current = voice;
    void voice.start();

    let seen: Seen;
    const failed = (which: 'board' | 'waiting') => (error: unknown) => {
      if (error instanceof ApiProblem && error.status === 403) setForbidden(true);
      else if (!refused(error)) setOffline((o) => ({ ...o, [which]: true }));
    };
    const waitingPoll = startPolling({
      load: loadWaiting,
      intervalMs: 5000,
      onData: (next) => {
        setWaiting(next);
        setOffline((o) => ({ ...o, waiting: false }));
      },
      onFailure: failed('waiting'),
      fatal: refused,
    });
    /**
     * The board is polled every 0.75 s: API Gateway's HTTP API in front of Lambda cannot hold a
     * server-sent-events stream open, and one small Query per poll per screen is cheap (about 38,000
     * a working day). A call reaches the board through the stream and the projector first, so a poll
     * a second would leave too little of the two seconds a call may take to show.
     */
    const boardPoll = startPolling({
      load: loadBoard,
      intervalMs: 750,
      // Back within seconds of the network: at most one quiet try every five seconds meanwhile.
      backoffMs: [1000, 2000, 3000, 5000],
      onData: (next) => {
        const { fresh, seen: known } = newCalls(next.calls, seen);
        seen = known;
        setBoard(next);
        setOffline((o) => ({ ...o, board: false }));
        if (fresh.length > 0) {
          for (const call of fresh) voice.announce(utteranceText(call));
          waitingPoll.poke();
        }
      },
      onFailure: failed('board'),
      fatal: refused,
    });
    const online = () => {
      boardPoll.poke();
      waitingPoll.poke();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      boardPoll.stop();
      waitingPoll.stop();
      voice.dispose();
      announcer.current = undefined;
    };
  }, []);

  // Says once that this machine cannot speak, then goes on silently.
  const noVoice = voice.voice === 'none';
  useEffect(() => {
    if (!noVoice) return;
    const timer = setTimeout(() => setNoVoiceNoticeGone(true), 20_000);
    return () => clearTimeout(timer);
  }, [noVoice]);

  const toggleMute = () => {
    const muted = !voice.muted;
    if (muted) sessionStorage.setItem(MUTE_KEY, '1');
    else sessionStorage.removeItem(MUTE_KEY);
    announcer.current?.setMuted(muted);
  };
  useHotkeys({ M: toggleMute });

  const calls = board?.calls ?? [];
  const [latest, ...earlier] = calls;
  return (
    <div className="hall">
      <header className="hall-header">
        <div>
          <h1 className="hall-title">{config().county.name}行政审批服务中心</h1>
          <div className="hall-subtitle">叫号信息 · 请留意屏幕和语音提示</div>
        </div>
        <Clock />
      </header>

      <main className="hall-main">
        <section className="hall-latest" aria-label="当前叫号" aria-live="polite">
          {latest ? <LatestCall call={latest} /> : <div className="hall-empty">{board ? '今日暂无叫号，请取号后留意屏幕' : '正在连接…'}</div>}
        </section>
        <section className="hall-recent" aria-label="最近叫号">
          <h2 className="hall-heading">最近叫号</h2>
          <ol className="hall-recent-list" data-testid="recent-calls">
            {earlier.slice(0, 7).map((call) => {
              const w = windowLabel(call.windowId, call.windowName);
              return (
                <li key={callKey(call)} className="hall-recent-row">
                  <span className="hall-recent-number">{call.number}</span>
                  <span className="hall-recent-window">
                    {w.label}
                    {w.service ? <small>{w.service}</small> : null}
                  </span>
                  {call.recall ? <span className="hall-tag">重呼</span> : null}
                  <time className="hall-recent-time">{clockTime(call.at)}</time>
                </li>
              );
            })}
          </ol>
        </section>
      </main>

      <section className="hall-waiting" aria-label="各业务等候情况">
        <h2 className="hall-heading">各业务等候情况</h2>
        <ul className="hall-waiting-grid" data-testid="waiting">
          {(waiting?.categories ?? []).map((c) => (
            <li key={c.code} className={c.waiting > 0 ? 'hall-category' : 'hall-category hall-category-idle'} data-category={c.code}>
              <div className="hall-category-name">
                <span className="hall-code">{c.code}</span>
                <span title={c.name}>{c.name}</span>
              </div>
              <div className="hall-category-figures">
                <span>
                  等候 <b>{c.waiting}</b> 人
                </span>
                <span className="hall-category-wait">{waitText(c.waiting, c.estimatedWaitMinutes)}</span>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <footer className="hall-footer">
        <span className="hall-voice" data-testid="voice-state">
          {voice.voice === 'checking' ? '语音播报：检查中…' : voice.voice === 'none' ? '语音播报：本机无中文语音' : voice.muted ? '语音播报：已静音' : '语音播报：已开启'}
        </span>
        <button type="button" className="hall-mute" onClick={toggleMute} aria-pressed={voice.muted} aria-keyshortcuts="Alt+M" disabled={voice.voice === 'none'}>
          {voice.muted ? '取消静音' : '静音'}
        </button>
        {offline.board || offline.waiting ? (
          <span className="hall-offline" role="status">
            连接中断，正在重试
          </span>
        ) : null}
        {forbidden ? (
          <span className="hall-offline" role="alert">
            此账号不能查看叫号信息，请用大厅叫号屏账号登录
          </span>
        ) : null}
      </footer>

      {noVoice && !noVoiceNoticeGone ? (
        <div className="hall-notice" role="status">
          本机没有中文语音，叫号不播报
        </div>
      ) : null}
      {voice.needsGesture && !voice.muted && voice.voice !== 'none' ? (
        <button type="button" className="hall-start" autoFocus onClick={() => void announcer.current?.unlock()}>
          点击开始播报
        </button>
      ) : null}
    </div>
  );
}

/** The latest call, as large as the screen allows: 请 C012 号 / 到 3号窗口 / 不动产登记. */
function LatestCall({ call }: { call: BoardCall }) {
  const w = windowLabel(call.windowId, call.windowName);
  return (
    // Keyed by the call: a new call (or a recall) restarts the highlight.
    <div key={callKey(call)} className="hall-latest-card" data-testid="latest-call">
      <div className="hall-latest-top">
        <span className="hall-heading">{call.recall ? '再次呼叫' : '正在叫号'}</span>
        <time>{clockTime(call.at)}</time>
      </div>
      <div className="hall-latest-line">
        请 <span className="hall-latest-number">{call.number}</span> 号
      </div>
      <div className="hall-latest-window">
        到 <span>{w.label}</span>
      </div>
      {w.service ? <div className="hall-latest-service">{w.service}</div> : null}
    </div>
  );
}

/** The county's time of an instant, HH:mm. */
function clockTime(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: config().county.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The county's date and time, ticking each second (the dev clock's, in the local build). */
function Clock() {
  const [at, setAt] = useState(() => now());
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const timeZone = config().county.timeZone;
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  const date = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(at);
  return (
    <div className="hall-clock" data-testid="clock">
      <div className="hall-time">{time}</div>
      <div className="hall-date">{date}</div>
    </div>
  );
}
