import { Tag } from 'antd';
import { chineseDate } from '../../lib/dates.ts';
import { outcomeName, type Entry } from './labels.ts';
import { dueState, entryStatus } from './model.ts';

/** Where an entry stands today: 待回访, 未接通 n 次, or how it ended. */
export function StatusTag({ entry }: { entry: Pick<Entry, 'attempts'> }) {
  const status = entryStatus(entry);
  switch (status.kind) {
    case 'pending':
      return <Tag color="processing">待回访</Tag>;
    case 'retry':
      return <Tag color="warning">未接通 {status.noAnswers} 次</Tag>;
    case 'done':
      return <Tag color={status.outcome === 'reached' ? 'success' : 'default'}>{outcomeName[status.outcome]}</Tag>;
  }
}

/** A bad review's callback due day, red once it is today or past (it is owed within one working day). */
export function DueTag({ due, today }: { due: string | null; today: string }) {
  const state = dueState(due, today);
  if (state === 'none' || due === null) return null;
  if (state === 'overdue') return <Tag color="#cf1322">已逾期 · 应于{chineseDate(due)}回访</Tag>;
  if (state === 'today') return <Tag color="#d4380d">今日到期</Tag>;
  return <Tag color="gold">{chineseDate(due)}前回访</Tag>;
}
