import { Alert, App, Button, Col, Row, Space, Tag, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { chineseDate } from '../../lib/dates.ts';
import type { AttemptResult } from './CallForm.tsx';
import { CallbackTable } from './CallbackTable.tsx';
import { exportList } from './export.ts';
import { levelName, outcomeName, type Attempt, type Entry } from './labels.ts';
import { nextOpen, orderEntries, problemText, tally, withRecorded, type AttemptBody } from './model.ts';
import { useLoad } from '../../lib/useLoad.ts';

// The call form (its form, validation and timeline) arrives just after the list: the list is the first screen.
const CallPanel = lazy(() => import('./CallPanel.tsx').then((m) => ({ default: m.CallPanel })));

interface Props {
  date: string;
  today: string;
  /** `me`: one's own share (callback staff); undefined: the whole list (an administrator). */
  staff: 'me' | undefined;
  username: string;
  windowName: (id: string) => string;
}

/** The rectification a bad review given on this call opened, read from the case's timeline (callback staff may read cases). */
async function openedRectification(caseId: string, reviewId: string): Promise<{ id: string; resolveDue: string } | undefined> {
  const timeline = await read(api().GET('/cases/{id}/events', { params: { path: { id: caseId } } }));
  const event = timeline.events.find((e) => e.type === 'RectificationOpened' && e.data.reviewId === reviewId);
  const { rectificationId, resolveDue } = event?.data ?? {};
  return typeof rectificationId === 'string' && typeof resolveDue === 'string' ? { id: rectificationId, resolveDue } : undefined;
}

/** 今日回访: the day's list (one's share) beside the call form; saving a call opens the next case. */
export function TodayList({ date, today, staff, username, windowName }: Props) {
  const { message } = App.useApp();
  const list = useLoad(() => read(api().GET('/callbacks', { params: { query: { date, ...(staff ? { staff } : {}) } } })), [date, staff]);
  // Attempts saved here, until the list (a projection, a moment behind) shows them too.
  const [recorded, setRecorded] = useState<ReadonlyMap<string, Attempt[]>>(new Map());
  const [selectedId, setSelectedId] = useState<string>();
  const [notice, setNotice] = useState<{ type: 'success' | 'warning'; text: ReactNode }>();
  const [exporting, setExporting] = useState(false);
  const entries = useMemo(() => orderEntries(withRecorded(list.data?.entries ?? [], recorded)), [list.data, recorded]);
  const selected = entries.find((e) => e.caseId === selectedId);
  const counts = tally(entries, today);
  const isToday = date === today;

  const record = (caseId: string, body: AttemptBody) => send((headers) => api().POST('/callbacks/{caseId}/attempts', { params: { path: { caseId } }, body, headers }));

  const onSaved = (entry: Entry, result: AttemptResult, body: AttemptBody) => {
    const attempts = [...entry.attempts, { listDate: date, outcome: result.outcome, attemptDate: today }];
    setRecorded((previous) => new Map(previous).set(entry.caseId, attempts));
    const next = nextOpen(
      entries.map((e) => (e.caseId === entry.caseId ? { ...e, attempts } : e)),
      entry.caseId,
    );
    setSelectedId(next?.caseId);
    const said = `${entry.caseNo} 第 ${result.attempt} 次拨打：${outcomeName[result.outcome]}${body.level ? `，满意度“${levelName[body.level]}”` : ''}`;
    const after = next ? `，下一件 ${next.caseNo}` : '。今日名单已全部回访';
    message.success(`已保存${after}`);
    setNotice({ type: 'success', text: `${said}${entry.reason === 'bad-review' && result.outcome === 'reached' ? '；差评回访已完成' : ''}` });
    if (result.reviewId) {
      void openedRectification(entry.caseId, result.reviewId)
        .then((r) => r && setNotice({ type: 'warning', text: `${said}，记为差评：已生成整改单 ${r.id}，请窗口在${chineseDate(r.resolveDue)}前整改或说明` }))
        .catch(() => undefined);
    }
    list.reload();
  };

  const download = async () => {
    setExporting(true);
    try {
      await exportList(date, staff, staff ? username : undefined);
    } catch (error) {
      message.error(error instanceof ApiProblem ? problemText(error) : '导出失败，请重试');
    } finally {
      setExporting(false);
    }
  };

  const missing = list.problem?.status === 404;
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      {notice ? <Alert type={notice.type} showIcon closable data-testid="last-call" title={notice.text} onClose={() => setNotice(undefined)} /> : null}
      {missing ? (
        <Alert type="info" showIcon title={`${chineseDate(date)}的回访名单尚未生成`} description="名单在每个工作日早上自动生成；如需立即生成，请联系系统管理员。" />
      ) : list.problem ? (
        <Alert type="error" showIcon title={problemText(list.problem)} action={<Button onClick={list.reload}>重试</Button>} />
      ) : null}
      <Row gutter={16} align="top">
        <Col xs={24} xl={14}>
          <Panel
            title={`${staff ? '我的回访名单' : '回访名单（全部）'} · ${chineseDate(date)}`}
            extra={
              <Space>
                <Button onClick={list.reload} loading={list.loading && list.data !== undefined}>
                  刷新
                </Button>
                <Button type="primary" ghost onClick={() => void download()} loading={exporting} disabled={missing}>
                  导出 Excel
                </Button>
              </Space>
            }
          >
            <Space wrap style={{ marginBottom: 12 }} aria-label="名单统计" data-testid="tally">
              <Typography.Text>共 {counts.total} 件</Typography.Text>
              <Tag color="red">差评 {counts.badReviews}</Tag>
              {counts.dueNow > 0 ? <Tag color="#d4380d">今日须回访差评 {counts.dueNow}</Tag> : null}
              <Tag color="processing">待回访 {counts.pending}</Tag>
              <Tag color="warning">未接通 {counts.retry}</Tag>
              <Tag color="success">已接通 {counts.reached}</Tag>
              <Tag>已完成 {counts.done}</Tag>
            </Space>
            <CallbackTable entries={entries} selectedId={selectedId} today={today} loading={list.loading && list.data === undefined && !missing} showStaff={!staff} windowName={windowName} onOpen={(e) => setSelectedId(e.caseId)} />
          </Panel>
        </Col>
        <Col xs={24} xl={10} style={{ position: 'sticky', top: 16 }}>
          {selected || entries.length === 0 ? (
            <Suspense fallback={<Panel loading />}>
              <CallPanel entry={selected} today={today} isToday={isToday} windowName={windowName} record={record} onSaved={onSaved} onSkip={() => setSelectedId(nextOpen(entries, selectedId)?.caseId)} />
            </Suspense>
          ) : (
            <Panel title="回访记录">
              <Space vertical>
                <Typography.Text>点击名单中的一件开始回访，差评排在最前。</Typography.Text>
                {nextOpen(entries, undefined) ? (
                  <Button type="primary" onClick={() => setSelectedId(nextOpen(entries, undefined)?.caseId)}>
                    从第一件待回访开始
                  </Button>
                ) : (
                  <Typography.Text type="success">名单上的办件都已回访完毕</Typography.Text>
                )}
              </Space>
            </Panel>
          )}
        </Col>
      </Row>
    </Space>
  );
}
