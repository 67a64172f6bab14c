import type { Figures } from './data.ts';
import type { Scope } from './period.ts';
import { change, figure, type Change, type Kind } from './format.ts';

/** One figure of the period, as on a card and in the printed report. */
export interface CardFigure {
  key: string;
  title: string;
  /** Beside the value: 件, 件/工作日, 分钟… */
  unit: string;
  kind: Kind;
  value: number | null;
  previous: number | null;
  /** Which way is better: more completed is, more bad reviews is not. */
  better: 'up' | 'down';
  /** A second figure written after the first (callbacks: attempts / valid). */
  second?: { value: number | null; previous: number | null };
  /** A line under the value (the rectifications behind the bad reviews). */
  note?: string;
}

/**
 * The annual report's figures for a period, each with the previous period's: what the cards show and
 * the printed report lists, in the seed report's order.
 */
export function cardFigures(f: Figures, scope: Scope['kind'] = 'all'): CardFigure[] {
  // The queue's figures have no department or site: those scopes see the whole center's.
  const whole = scope === 'department' || scope === 'site' ? '（全中心）' : '';
  const s = f.summary;
  const p = f.previousSummary;
  const sat = f.satisfaction;
  const psat = f.previousSatisfaction;
  const r = sat.rectifications;
  return [
    { key: 'accepted', title: '受理', unit: '件', kind: 'count', value: s.accepted, previous: p.accepted, better: 'up' },
    { key: 'completed', title: '办结', unit: '件', kind: 'count', value: s.completed, previous: p.completed, better: 'up' },
    { key: 'completedPerWorkingDay', title: '日均办结', unit: '件/工作日', kind: 'decimal', value: s.completedPerWorkingDay, previous: p.completedPerWorkingDay, better: 'up' },
    { key: 'onTimeRate', title: '按时办结率', unit: '', kind: 'rate', value: s.onTimeRate, previous: p.onTimeRate, better: 'up' },
    { key: 'earlyRate', title: '提前办结率', unit: '', kind: 'rate', value: s.earlyRate, previous: p.earlyRate, better: 'up' },
    { key: 'satisfactionRate', title: '满意率', unit: '', kind: 'rate', value: sat.satisfactionRate, previous: psat.satisfactionRate, better: 'up' },
    { key: 'grassroots', title: '基层站点收件', unit: '件', kind: 'count', value: s.grassroots, previous: p.grassroots, better: 'up' },
    { key: 'online', title: '网上申报', unit: '件', kind: 'count', value: s.online, previous: p.online, better: 'up' },
    {
      key: 'callbacks',
      title: '电话回访（拨打 / 有效）',
      unit: '次',
      kind: 'count',
      value: sat.callbackAttempts,
      previous: psat.callbackAttempts,
      better: 'up',
      second: { value: sat.validCallbacks, previous: psat.validCallbacks },
    },
    {
      key: 'badReviews',
      title: '差评',
      unit: '件',
      kind: 'count',
      value: sat.badReviews,
      previous: psat.badReviews,
      better: 'down',
      note: `整改：在办 ${r.open} · 超期 ${r.overdue} · 本期办结 ${r.closed}`,
    },
    // Tickets are taken for a category, not a window: a window counts those it served.
    scope === 'window'
      ? { key: 'queueServed', title: '叫号办理', unit: '人次', kind: 'count', value: f.queue.served, previous: f.previousQueue.served, better: 'up' }
      : { key: 'queueIssued', title: `取号${whole}`, unit: '人次', kind: 'count', value: f.queue.issued, previous: f.previousQueue.issued, better: 'up' },
    { key: 'averageWait', title: `平均等候${whole}`, unit: '分钟', kind: 'decimal', value: f.queue.averageWaitMinutes, previous: f.previousQueue.averageWaitMinutes, better: 'down', note: `90% 的人等候不超过 ${figure(f.queue.p90WaitMinutes, 'decimal')} 分钟` },
  ];
}

/** The value as written on a card: "1,234" or, with a second figure, "1,234 / 987". */
export function shownValue(c: CardFigure): string {
  return c.second ? `${figure(c.value, c.kind)} / ${figure(c.second.value, c.kind)}` : figure(c.value, c.kind);
}

export function shownPrevious(c: CardFigure): string {
  return c.second ? `${figure(c.previous, c.kind)} / ${figure(c.second.previous, c.kind)}` : figure(c.previous, c.kind);
}

/** The change a card shows, and whether it is good news. */
export function cardChange(c: CardFigure): Change & { good: boolean | undefined } {
  const moved = change(c.value, c.previous, c.kind);
  const good = moved.direction === 'up' || moved.direction === 'down' ? moved.direction === c.better : undefined;
  return { ...moved, good };
}
