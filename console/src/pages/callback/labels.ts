import type { Schemas } from '../../../../client/index.ts';
import { levels, type Level } from '../../lib/levels.ts';

export { levels, type Level };

/** The words of telephone callbacks (电话回访) and the good/bad review system (好差评), as the hall says them. */

export type Entry = Schemas['CallbackList']['entries'][number];
export type Attempt = Entry['attempts'][number];
export type Outcome = Attempt['outcome'];
export type Reason = Entry['reason'];
export type RectificationStatus = Schemas['Rectification']['status'];

/** Call outcomes, in the order the form offers them. */
export const outcomes: { value: Outcome; label: string }[] = [
  { value: 'reached', label: '已接通' },
  { value: 'no-answer', label: '无人接听' },
  { value: 'wrong-number', label: '号码错误' },
  { value: 'refused', label: '拒绝回访' },
];
export const outcomeName: Record<Outcome, string> = Object.fromEntries(outcomes.map((o) => [o.value, o.label])) as Record<Outcome, string>;

export const levelName: Record<Level, string> = Object.fromEntries(levels.map((l) => [l.value, l.label])) as Record<Level, string>;
export const isBadLevel = (level: Level | undefined): boolean => level === 'dissatisfied' || level === 'very-dissatisfied';

/** The five questions (五个问题) of a reached call, each answered yes or no; `true` is the good answer. */
export const questions = [
  { key: 'attitude', label: '服务态度是否热情周到' },
  { key: 'speed', label: '办理速度是否快捷' },
  { key: 'oneTimeNotice', label: '材料不全时是否一次性告知' },
  { key: 'timeLimit', label: '是否在承诺时限内办结' },
  { key: 'integrity', label: '工作人员是否廉洁（无吃拿卡要）' },
] as const;
export type Question = (typeof questions)[number]['key'];

/** Why a case is on the day's list. */
export const reasons: Record<Reason, { label: string; color: string }> = {
  'bad-review': { label: '差评回访', color: 'red' },
  retry: { label: '未接通重拨', color: 'orange' },
  sample: { label: '抽样回访', color: 'blue' },
};

export const rectificationStatusName: Record<RectificationStatus, string> = {
  opened: '待核实',
  verified: '已核实，待整改',
  appealed: '申诉中',
  resolved: '已整改，待回访',
  'followed-up': '已回访，待办结',
  closed: '已办结',
  voided: '已撤销',
};

export const resolvedHowName: Record<NonNullable<Schemas['Rectification']['resolvedHow']>, string> = { rectified: '已整改', explained: '已解释说明' };
