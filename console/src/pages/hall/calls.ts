import type { Schemas } from '../../../../client/index.ts';

/** One call on the hall board (a first call or a recall): ticket → window, newest first. */
export type BoardCall = Schemas['HallBoard']['calls'][number];

/** One call's identity: the same ticket called again (a recall) is a new entry with its own instant. */
export const callKey = (call: Pick<BoardCall, 'at' | 'number' | 'windowId'>): string => `${call.at}#${call.number}#${call.windowId}`;

/** What is known of the board already: the keys shown so far (undefined before the first board of the page). */
export type Seen = ReadonlySet<string> | undefined;

/**
 * The calls to announce in a new board: those not seen before, oldest first. The first board of the
 * page announces nothing (those visitors were called before the screen came on), and neither does a
 * call more than `staleMs` older than the board's newest (after an outage the hall does not hear a
 * backlog of old numbers). Measured against the board itself, not this machine's clock, which on a
 * hall's PC is often minutes off.
 */
export function newCalls(calls: readonly BoardCall[], seen: Seen, staleMs = 2 * 60_000): { fresh: BoardCall[]; seen: Set<string> } {
  const keys = new Set(calls.map(callKey));
  if (!seen) return { fresh: [], seen: keys };
  // Keys of earlier boards stay known, so that a call that scrolls out and back (a slow answer) is not announced twice.
  const known = new Set([...seen, ...keys]);
  const newest = Math.max(...calls.map((c) => Date.parse(c.at)));
  const fresh = calls
    .filter((c) => !seen.has(callKey(c)) && newest - Date.parse(c.at) <= staleMs)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // The board holds 20 calls; remembering a few hundred keys is plenty and stays bounded.
  return { fresh, seen: new Set([...known].slice(-400)) };
}

/** A window as people in the hall read it: "3号窗口" and "不动产登记" for W03 不动产登记窗口. */
export interface WindowLabel {
  /** The number on the window's sign, when it has one (W03 → 3). */
  number: number | undefined;
  /** "3号窗口", or the window's own name when it has no number. */
  label: string;
  /** What the window does, without the word 窗口: "不动产登记", "市场监管（商事登记）". */
  service: string;
}

export function windowLabel(windowId: string, windowName: string): WindowLabel {
  const match = /^W(\d+)$/.exec(windowId);
  const service = windowName.replace('窗口', '').trim();
  if (!match) return { number: undefined, label: windowName, service: '' };
  const number = Number(match[1]);
  return { number, label: `${number}号窗口`, service: service === windowName ? windowName : service };
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const units = ['', '十', '百', '千'];

/**
 * A whole number as it is said in Mandarin (12 → 十二, 105 → 一百零五, 2 → 二): speech engines read
 * "A012" digit by digit or not at all consistently, so the text hands them the words.
 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return digits[0]!;
  const ds = String(n).split('').map(Number);
  let text = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && text) text += digits[0];
    zero = false;
    text += digits[d]! + unit;
  });
  // 10–19 are said 十, 十一 … not 一十, 一十一.
  return text.startsWith('一十') ? text.slice(1) : text;
}

/** A ticket number as it is said: A012 → A十二. */
export function spokenTicket(number: string): string {
  const match = /^([A-Za-z]*)(\d+)$/.exec(number);
  if (!match) return number;
  return `${match[1]!.toUpperCase()}${chineseNumber(Number(match[2]))}`;
}

/** A window as it is said: W03 → 三号窗口; a window without a number by its name. */
export function spokenWindow(windowId: string, windowName: string): string {
  const { number, label } = windowLabel(windowId, windowName);
  return number === undefined ? label : `${chineseNumber(number)}号窗口`;
}

/** The sentence the hall hears for a call: 请 A十二号 到 三号窗口 办理 (a recall: 再次呼叫 …). */
export function utteranceText(call: Pick<BoardCall, 'number' | 'windowId' | 'windowName' | 'recall'>): string {
  const ticket = `${spokenTicket(call.number)}号`;
  const where = spokenWindow(call.windowId, call.windowName);
  return call.recall ? `再次呼叫 ${ticket}，请到 ${where} 办理` : `请 ${ticket} 到 ${where} 办理`;
}

/** The expected wait as the hall reads it: 约 25 分钟, 约 1 小时 10 分钟; nobody waiting: 无需等候. */
export function waitText(waiting: number, minutes: number): string {
  if (waiting === 0) return '无需等候';
  if (minutes < 1) return '即将叫号';
  if (minutes < 60) return `约 ${Math.round(minutes)} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m === 0 ? `约 ${h} 小时` : `约 ${h} 小时 ${m} 分钟`;
}
