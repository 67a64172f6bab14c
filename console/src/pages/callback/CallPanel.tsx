import { Alert, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { api, read } from '../../api/client.ts';
import { chineseDate } from '../../lib/dates.ts';
import { CallForm, type AttemptResult } from './CallForm.tsx';
import { DueTag, StatusTag } from './tags.tsx';
import { outcomeName, reasons, type Entry } from './labels.ts';
import { entryStatus, type AttemptBody } from './model.ts';
import { PhoneNumber } from './PhoneNumber.tsx';
import { useLoad } from '../../lib/useLoad.ts';

interface Props {
  entry: Entry | undefined;
  today: string;
  /** The list shown is today's: only today's list takes attempts. */
  isToday: boolean;
  windowName: (id: string) => string;
  record: (caseId: string, body: AttemptBody) => Promise<AttemptResult>;
  onSaved: (entry: Entry, result: AttemptResult, body: AttemptBody) => void;
  onSkip: () => void;
}

const decisions = { approved: '准予办理', denied: '不予许可', forwarded: '已转报上级' } as const;

/** The case being called: who to ask for, the number, what happened on earlier tries, and the call form. */
export function CallPanel({ entry, today, isToday, windowName, record, onSaved, onSkip }: Props) {
  const caseId = entry?.caseId;
  const kase = useLoad(() => (caseId ? read(api().GET('/cases/{id}', { params: { path: { id: caseId } } })) : Promise.resolve(undefined)), [caseId]);
  if (!entry) {
    return (
      <Panel title="回访记录">
        <Empty description="在左侧名单中选择一件开始回访" />
      </Panel>
    );
  }
  const status = entryStatus(entry);
  const history = [...entry.earlierAttempts, ...entry.attempts];
  const applicant = kase.data?.applicant;
  return (
    <Panel
      title={
        <Space wrap>
          <span>正在回访 {entry.caseNo}</span>
          <Tag color={reasons[entry.reason].color}>{reasons[entry.reason].label}</Tag>
          <DueTag due={entry.due} today={today} />
        </Space>
      }
      extra={<StatusTag entry={entry} />}
      data-testid="call-panel"
    >
      <Space vertical size="middle" style={{ width: '100%' }}>
        <PhoneNumber phone={entry.phone} />
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'applicant', label: '申请人', children: applicant ? `${applicant.name}${applicant.organization ? `（${applicant.organization}）` : ''}` : kase.problem ? '—' : '读取中…' },
            { key: 'window', label: '办理窗口', children: windowName(entry.windowId) },
            { key: 'item', label: '事项', span: 2, children: entry.itemName },
            { key: 'completed', label: '办结日期', children: entry.completedDate ? chineseDate(entry.completedDate) : '—' },
            { key: 'decision', label: '办理结果', children: kase.data?.decision ? decisions[kase.data.decision] : '—' },
          ]}
        />
        {history.length > 0 ? (
          <div>
            <Typography.Text strong>拨打记录</Typography.Text>
            <Timeline
              style={{ marginTop: 12, marginBottom: -24 }}
              items={history.map((a, i) => ({ key: i, color: a.outcome === 'reached' ? 'green' : a.outcome === 'no-answer' ? 'orange' : 'red', content: `第 ${i + 1} 次 · ${chineseDate(a.attemptDate)} · ${outcomeName[a.outcome]}` }))}
            />
          </div>
        ) : null}
        {!isToday ? (
          <Alert type="info" showIcon title="这是往日的名单，只能查看和导出；回访记录只能登记在当天的名单上" />
        ) : status.kind === 'done' ? (
          <Alert type="success" showIcon title={`今日回访已完成（${outcomeName[status.outcome]}）`} />
        ) : (
          <CallForm key={`${entry.caseId}-${entry.attempts.length}`} entry={entry} record={record} onSaved={(result, body) => onSaved(entry, result, body)} onSkip={onSkip} />
        )}
      </Space>
    </Panel>
  );
}
