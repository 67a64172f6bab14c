/** How the dashboard writes its figures: counts with separators, rates with one decimal, "—" for none. */

/** A rate (0..1) as a percentage with one decimal: 0.978 → 97.8%; no rate (nothing to rate) → —. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A count: 130268 → 130,268. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
}

/** A figure with one decimal (per working day, minutes): 558.04 → 558.0. */
export function decimal(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export type Kind = 'count' | 'decimal' | 'rate';

export function figure(value: number | null | undefined, kind: Kind): string {
  return kind === 'rate' ? percent(value) : kind === 'decimal' ? decimal(value) : count(value);
}

export interface Change {
  direction: 'up' | 'down' | 'same' | 'none';
  /** ↑ 12.5%, ↓ 1.2 个百分点, 持平, or — when there is nothing to compare. */
  text: string;
}

/**
 * The change from the previous period: rates by percentage points, other figures relative to the
 * previous one (by the difference itself when the previous one was 0).
 */
export function change(current: number | null | undefined, previous: number | null | undefined, kind: Kind): Change {
  if (current === null || current === undefined || previous === null || previous === undefined) return { direction: 'none', text: '—' };
  const points = kind === 'rate' ? Math.round((current - previous) * 1000) / 10 : undefined;
  const diff = current - previous;
  const rounded = kind === 'rate' ? points! : kind === 'decimal' ? Math.round(diff * 10) / 10 : diff;
  if (rounded === 0) return { direction: 'same', text: '持平' };
  const direction = diff > 0 ? 'up' : 'down';
  const arrow = direction === 'up' ? '↑' : '↓';
  if (kind === 'rate') return { direction, text: `${arrow} ${Math.abs(points!).toFixed(1)} 个百分点` };
  if (previous === 0) return { direction, text: `${arrow} ${figure(Math.abs(diff), kind)}` };
  return { direction, text: `${arrow} ${((Math.abs(diff) / Math.abs(previous)) * 100).toFixed(1)}%` };
}

/** The Chinese names of the application channels (the summary's byChannel keys). */
export const channelNames: Record<string, string> = { window: '窗口', online: '网上申报', township: '乡镇（街道）代办', village: '村（社区）代办', agent: '代办员' };

/** The site levels (bySiteLevel keys). */
export const siteLevelNames: Record<string, string> = { county: '县级中心', township: '乡镇（街道）', village: '村（社区）' };
