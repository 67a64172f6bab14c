import { Alert, App, Button, Card, Empty, Input, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, read, send } from '../../api/client.ts';
import type { Session } from '../../auth/session.ts';
import { config } from '../../config.ts';
import { now as clockNow } from '../../lib/clock.ts';
import { chineseDate, localTime } from '../../lib/dates.ts';
import { checklist, checkStatuses, type CheckStatus, type RosterEntry, type VideoCheckBody } from './labels.ts';
import { countyClock, inWorkOrder, statusNow } from './roster.ts';
import type { Names } from './use-names.ts';
import { useRead, useTick } from './use-read.ts';

type Row = RosterEntry & { shown: CheckStatus };

// The form is not on the first screen: it loads in the background once the list shows.
const loadDrawer = () => import('./VideoCheckDrawer.tsx');
const VideoCheckDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.VideoCheckDrawer })));

/** The bar beside each check, in its state's colour. */
const barColors: Record<CheckStatus, string> = { due: '#fa8c16', upcoming: '#1677ff', checked: '#52c41a', missed: '#f5222d' };

/** What was filed in this sitting, to show the director what they just recorded. */
interface Filed {
  windowId: string;
  body: VideoCheckBody;
}

/**
 * Today's video checks (今日督查): a director's own checks with their times and state, filed from here;
 * an administrator sees the whole roster. Another day can be looked up (a director sees the whole
 * roster of a day once it is over).
 */
export function TodayChecks({ session, names }: { session: Session; names: Names }) {
  const { message } = App.useApp();
  const timeZone = config().county.timeZone;
  useTick(30_000);
  const now = countyClock(clockNow(), timeZone);
  const [date, setDate] = useState(now.date);
  const [open, setOpen] = useState<RosterEntry>();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    void loadDrawer();
  }, []);
  const [filed, setFiled] = useState<Filed[]>([]);
  const isDirector = session.roles.includes('director');
  const mine = isDirector && date >= now.date;
  const roster = useRead(`roster#${date}#${mine}`, () => read(api().GET('/rosters/{date}', { params: { path: { date }, query: mine ? { director: 'me' } : {} } })));
  // Read again every five minutes: an absent colleague's checks may be handed to this director during the day.
  const { reload } = roster;
  useEffect(() => {
    const timer = setInterval(reload, 5 * 60_000);
    return () => clearInterval(timer);
  }, [reload]);

  const rows: Row[] = inWorkOrder(
    (roster.data?.entries ?? []).map((e) => {
      const shown = statusNow(e, date, now);
      return { ...e, status: shown, shown };
    }),
  );
  const count = (s: CheckStatus) => rows.filter((r) => r.shown === s).length;
  const mayFile = (r: Row) => r.shown === 'due' && r.directorId === session.username && date === now.date;

  const submit = (body: VideoCheckBody) => send((headers) => api().POST('/video-checks', { body, headers }));

  const notPublished = roster.problem?.status === 404;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <label htmlFor="roster-date">日期</label>
        <Input
          id="roster-date"
          type="date"
          style={{ width: 170 }}
          value={date}
          max={now.date}
          onChange={(e) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value <= now.date) setDate(e.target.value);
          }}
        />
        {date !== now.date ? <Button onClick={() => setDate(now.date)}>回到今天</Button> : null}
        <Button onClick={roster.reload} loading={roster.loading}>刷新</Button>
        <Typography.Text type="secondary">
          {chineseDate(date)} · 现在 {now.time}（{config().county.name}时间）
        </Typography.Text>
      </Space>
      {notPublished ? (
        <Card>
          <Empty description={<>{chineseDate(date)}的督查排班尚未发布。<br />每个工作日 07:00 自动发布，节假日没有排班；{session.roles.includes('admin') ? '可以在系统管理中手工发布。' : '如需手工发布，请联系系统管理员。'}</>}>
            {session.roles.includes('admin') ? <Link to="/admin?tab=publish">去手工发布</Link> : null}
          </Empty>
        </Card>
      ) : roster.problem ? (
        <Alert type="error" showIcon title={roster.problem.message} action={<Button size="small" onClick={roster.reload}>重试</Button>} />
      ) : (
        <>
          <Space size="large" wrap>
            <Statistic title={mine ? '我的督查任务' : '督查任务'} value={rows.length} />
            <Statistic title="待督查" value={count('due')} styles={{ content: { color: count('due') > 0 ? '#d46b08' : undefined } }} />
            <Statistic title="未到时间" value={count('upcoming')} />
            <Statistic title="已督查" value={count('checked')} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title="漏查" value={count('missed')} styles={{ content: { color: count('missed') > 0 ? '#cf1322' : undefined } }} />
          </Space>
          {roster.data && roster.data.absent.length > 0 ? <Alert type="info" showIcon title={`请假的主任：${roster.data.absent.map(names.director).join('、')}（其督查任务已改派）`} /> : null}
          {rows.length === 0 && roster.data ? (
            <Card>
              <Empty description={mine ? '该日没有您的督查任务' : '该日没有督查任务'} />
            </Card>
          ) : (
            <ul aria-label="督查任务" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
              {rows.map((r) => (
                <li key={`${r.directorId}#${r.windowId}`} data-window={r.windowId} data-status={r.shown} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '10px 16px', background: '#fff', borderRadius: 8, borderLeft: `4px solid ${barColors[r.shown]}` }}>
                  <Typography.Text strong style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums', width: 56 }}>
                    {r.at}
                  </Typography.Text>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <div>{names.window(r.windowId)}</div>
                    {mine ? null : <Typography.Text type="secondary">督查人：{names.director(r.directorId)}</Typography.Text>}
                  </div>
                  <Tooltip title={checkStatuses[r.shown].hint}>
                    <Tag color={checkStatuses[r.shown].color} style={{ marginInlineEnd: 0 }}>
                      {checkStatuses[r.shown].label}
                    </Tag>
                  </Tooltip>
                  <div style={{ width: 130, textAlign: 'right' }}>
                    {mayFile(r) ? (
                      <Button
                        type="primary"
                        aria-label={`督查 ${names.window(r.windowId)}`}
                        onClick={() => {
                          setOpened(true);
                          setOpen(r);
                        }}
                      >
                        开始督查
                      </Button>
                    ) : r.shown === 'upcoming' && r.directorId === session.username ? (
                      <Typography.Text type="secondary">{r.at} 起可督查</Typography.Text>
                    ) : r.shown === 'checked' ? (
                      <Typography.Text type="success">已提交</Typography.Text>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {!mine && roster.data && roster.data.offRoster.length > 0 ? (
            <Card size="small" title="排班外的督查（管理员补查）">
              {roster.data.offRoster.map((c) => (
                <div key={c.checkId}>
                  {localTime(c.checkedAt)} {names.window(c.windowId)} · {names.director(c.directorId)}
                </div>
              ))}
            </Card>
          ) : null}
          {filed.length > 0 ? (
            <Card size="small" title="本次提交的督查记录">
              {filed.map((f) => {
                const failed = checklist.filter((c) => !f.body.items[c.key]);
                return (
                  <div key={f.windowId} style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{names.window(f.windowId)}</Typography.Text> {localTime(f.body.checkedAt)} ·{' '}
                    {failed.length === 0 ? <Tag color="green">全部符合</Tag> : failed.map((c) => <Tag key={c.key} color="red">{c.failed}</Tag>)}
                    {f.body.note ? <Typography.Text type="secondary"> {f.body.note}</Typography.Text> : null}
                  </div>
                );
              })}
            </Card>
          ) : null}
        </>
      )}
      {opened ? (
        <Suspense fallback={null}>
          <VideoCheckDrawer
            entry={open}
            rosterDate={date}
            windowLabel={names.window}
            now={now}
            timeZone={timeZone}
            submit={submit}
            onClose={() => setOpen(undefined)}
            onFiled={(entry, body) => {
              setOpen(undefined);
              setFiled((f) => [...f, { windowId: entry.windowId, body }]);
              void message.success(`${names.window(entry.windowId)} 的督查记录已提交`);
              roster.reload();
            }}
          />
        </Suspense>
      ) : null}
    </Space>
  );
}
