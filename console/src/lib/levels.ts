import type { Schemas } from '../../../client/index.ts';

/** A review's level (好差评). */
export type Level = Schemas['Rectification']['level'];

/** The five levels of the good/bad review system (满意度), best first, as the hall says them; the last two are bad reviews (差评). */
export const levels: { value: Level; label: string }[] = [
  { value: 'very-satisfied', label: '非常满意' },
  { value: 'satisfied', label: '满意' },
  { value: 'basically-satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
  { value: 'very-dissatisfied', label: '非常不满意' },
];
