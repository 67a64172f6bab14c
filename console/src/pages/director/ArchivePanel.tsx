import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Popconfirm, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import type { Session } from '../../auth/session.ts';
import type { Schemas } from '../../../../client/index.ts';
import { countyToday } from '../../lib/dates.ts';
import { chineseMonth, previousMonth } from './archive.ts';
import { ArchiveCaseView } from './ArchiveCaseView.tsx';
import { archiveProblems } from './labels.ts';
import type { Names } from './use-names.ts';
import { useRead } from './use-read.ts';

type Sample = Schemas['ArchiveChecks']['samples'][number];

/**
 * The month's archive sample (档案抽查): each window's sampled files with their check state;
 * opening one shows its steps beside the problem checklist. An administrator may draw a month's
 * sample by hand when the timer has not.
 */
export function ArchivePanel({ session, names }: { session: Session; names: Names }) {
  const { message } = App.useApp();
  const today = countyToday();
  const [month, setMonth] = useState(previousMonth(today));
  const [windowId, setWindowId] = useState<string>();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [opened, setOpened] = useState<Sample>();
  const [drawing, setDrawing] = useState(false);
  const sample = useRead(`archive#${month}`, () => read(api().GET('/archive-checks/{month}', { params: { path: { month } } })));
  const isAdmin = session.roles.includes('admin');

  const all = sample.data?.samples ?? [];
  const rows = all.filter((s) => (!windowId || s.windowId === windowId) && (!onlyOpen || !s.checked));
  const checked = all.filter((s) => s.checked);
  const problemCount = checked.reduce((n, s) => n + s.problems.length, 0);

  const draw = async () => {
    setDrawing(true);
    try {
      await send((headers) => api().POST('/archive-checks/{month}', { params: { path: { month } }, body: {}, headers }));
      void message.success(`已抽取${chineseMonth(month)}的档案样本`);
      sample.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      void message.error(error.message);
    } finally {
      setDrawing(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <label htmlFor="archive-month">月份</label>
        <DatePicker
          id="archive-month"
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          disabledDate={(d) => d.format('YYYY-MM') > today.slice(0, 7)}
        />
        <label htmlFor="archive-window">窗口</label>
        <Select
          id="archive-window"
          allowClear
          placeholder="全部窗口"
          style={{ width: 260 }}
          value={windowId}
          onChange={(v: string | undefined) => setWindowId(v)}
          options={[...new Set(all.map((s) => s.windowId))].sort().map((id) => ({ value: id, label: names.window(id) }))}
        />
        <Space>
          <Switch id="archive-open" checked={onlyOpen} onChange={setOnlyOpen} />
          <label htmlFor="archive-open">只看未检查</label>
        </Space>
        <Button onClick={sample.reload} loading={sample.loading}>刷新</Button>
      </Space>
      {sample.problem?.status === 404 ? (
        <Card>
          <Empty description={<>{chineseMonth(month)}的档案抽查样本尚未抽取。<br />每月第一个工作日自动抽取上月样本。</>}>
            {isAdmin ? (
              <Popconfirm title={`现在抽取${chineseMonth(month)}的样本？`} description="每月只抽取一次，抽取后不能重抽。" okText="抽取" cancelText="取消" onConfirm={() => void draw()}>
                <Button type="primary" loading={drawing}>抽取样本</Button>
              </Popconfirm>
            ) : null}
          </Empty>
        </Card>
      ) : sample.problem ? (
        <Alert type="error" showIcon title={sample.problem.message} action={<Button size="small" onClick={sample.reload}>重试</Button>} />
      ) : (
        <>
          <Space size="large" wrap>
            <Statistic title={`样本（每窗口 ${sample.data?.perWindow ?? '-'} 件）`} value={all.length} />
            <Statistic title="已检查" value={checked.length} suffix={`/ ${all.length}`} />
            <Statistic title="有问题的卷宗" value={checked.filter((s) => s.problems.length > 0).length} />
            <Statistic title="问题数" value={problemCount} styles={{ content: { color: problemCount > 0 ? '#cf1322' : undefined } }} />
          </Space>
          <Table<Sample>
            rowKey="caseId"
            size="middle"
            loading={sample.loading && !sample.data}
            dataSource={rows}
            aria-label="档案抽查样本"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: all.length === 0 ? '该月没有办结的办件' : '没有符合条件的卷宗' }}
            columns={[
              { title: '窗口', dataIndex: 'windowId', key: 'window', render: (id: string) => names.window(id) },
              { title: '办件编号', dataIndex: 'caseNo', key: 'no' },
              { title: '办结日期', dataIndex: 'completedDate', key: 'done', width: 120 },
              {
                title: '检查',
                key: 'state',
                width: 110,
                render: (_: unknown, s) => (!s.checked ? <Tag>未检查</Tag> : s.problems.length === 0 ? <Tag color="green">合格</Tag> : <Tag color="red">{s.problems.length} 个问题</Tag>),
              },
              { title: '问题', key: 'problems', render: (_: unknown, s) => s.problems.map((p, i) => <Tag key={i} color="volcano">{archiveProblems[p.code].label}</Tag>) },
              {
                title: '操作',
                key: 'open',
                width: 100,
                render: (_: unknown, s) => (
                  <Button type={s.checked ? 'default' : 'primary'} size="small" onClick={() => setOpened(s)} aria-label={`${s.checked ? '查看' : '检查'}卷宗 ${s.caseNo}`}>
                    {s.checked ? '查看' : '检查'}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      <Drawer title={opened ? <>档案检查 · {opened.caseNo} <Typography.Text type="secondary">（{chineseMonth(month)}样本）</Typography.Text></> : '档案检查'} open={opened !== undefined} onClose={() => setOpened(undefined)} size="min(1100px, 96vw)" destroyOnHidden>
        {opened ? <ArchiveCaseView month={month} caseId={opened.caseId} names={names} onRecorded={() => { void message.success(`卷宗 ${opened.caseNo} 的检查结果已记录`); sample.reload(); }} /> : null}
      </Drawer>
    </Space>
  );
}
