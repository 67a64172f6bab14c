import { Alert, App, Button, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { approve, readIntermediaries, readProjects, readRules, reinstate, sweep } from './api.ts';
import { barredText, intermediaryStatus, openObjections, type Intermediary } from './model.ts';
import { projectLink, ProjectTable, typeNamer } from './parts.tsx';

// The date pickers come with the figures and the suspension form, when opened: the first screen is the list.
const MarketStats = lazy(() => import('./MarketStats.tsx'));
const SuspendDialog = lazy(() => import('./SuspendDialog.tsx'));

const tabs = ['intermediaries', 'projects', 'stats'] as const;
type Tab = (typeof tabs)[number];

/**
 * 中介超市 for the center (administrators act, directors look): the intermediaries to approve, suspend
 * or reinstate with their trust scores; every project and the objections waiting for an answer; the
 * market's figures for a period; and the daily deadline timer, run by hand.
 */
export default function MarketAdmin() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((t) => t === params.get('tab')) ?? 'intermediaries';
  const admin = currentSession()!.roles.includes('admin');
  const [ran, setRan] = useState(0);
  return (
    <>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          中介超市
        </Typography.Title>
        {admin ? <SweepButton onRan={() => setRan((n) => n + 1)} /> : null}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'intermediaries', label: '中介机构', children: <Intermediaries admin={admin} /> },
          { key: 'projects', label: '项目与异议', children: <Projects key={ran} /> },
          {
            key: 'stats',
            label: '统计',
            children: (
              <Suspense fallback={<Skeleton active />}>
                <MarketStats key={ran} />
              </Suspense>
            ),
          },
        ]}
      />
    </>
  );
}

/** 运行截止检查: what the daily timer does after closing, now: quoting closed where the deadline passed, publicity periods ended. */
function SweepButton({ onRan }: { onRan: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await sweep();
      const failed = r.closed.filter((c) => c.failed).length;
      message.success(`已检查 ${r.considered} 个项目：报价截止 ${r.closed.length} 个${failed ? `（其中流标 ${failed} 个）` : ''}，公示期满成交 ${r.ended.length} 个`);
      onRan();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      message.error(`截止检查失败：${error.message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      <Typography.Text type="secondary">每天下班后自动运行</Typography.Text>
      <Button onClick={() => void run()} loading={busy}>
        运行截止检查
      </Button>
    </Space>
  );
}

function Intermediaries({ admin }: { admin: boolean }) {
  const { message } = App.useApp();
  const list = useLoad(readIntermediaries, []);
  const rules = useLoad(readRules, []);
  const typeName = typeNamer(rules.data);
  const [suspending, setSuspending] = useState<Intermediary>();
  const [busy, setBusy] = useState<string>();
  // Those waiting for approval first, then by trust score as the API orders them.
  const rows = [...(list.data ?? [])].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
  const act = async (i: Intermediary, call: () => Promise<Intermediary>, done: string) => {
    setBusy(i.intermediaryId);
    try {
      await call();
      message.success(`${i.name}：${done}`);
      list.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      message.error(`${i.name}：${error.message}`);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Panel
      title={`中介机构（${rows.length}）`}
      aria-label="中介机构"
      extra={
        <Button onClick={list.reload} loading={list.loading && !!list.data}>
          刷新
        </Button>
      }
    >
      {list.error ? <Alert type="error" showIcon title={`读取失败：${list.error}`} style={{ marginBottom: 12 }} /> : null}
      <DataTable<Intermediary>
        label="中介机构"
        rows={rows}
        rowKey={(i) => i.intermediaryId}
        loading={!list.data && !list.error}
        empty="还没有中介机构入驻"
        rowData={(i) => ({ 'data-intermediary': i.intermediaryId, 'data-status': i.status })}
        columns={[
          {
            title: '机构',
            render: (i) => (
              <>
                <div>{i.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {i.intermediaryId} · {i.creditCode}
                </Typography.Text>
              </>
            ),
          },
          { title: '服务类型', render: (i) => i.serviceTypes.map(typeName).join('、') },
          {
            title: '状态',
            render: (i) => (
              <>
                <Tag color={intermediaryStatus[i.status].color} data-testid="status">
                  {intermediaryStatus[i.status].label}
                </Tag>
                {i.barred && i.status !== 'pending' ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {barredText(i)}
                    </Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: '信用评分',
            nowrap: true,
            render: (i) => (
              <Typography.Text type={i.trust.score < i.trust.floor ? 'danger' : undefined} data-testid="trust">
                {i.trust.score}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {' '}
                  （{i.trust.evaluations} 次评价{i.trust.penaltyPoints ? `，扣 ${i.trust.penaltyPoints} 分` : ''}）
                </Typography.Text>
              </Typography.Text>
            ),
          },
          { title: '联系人', nowrap: true, render: (i) => (i.contact ? `${i.contact.name} ${i.contact.phone}` : '—') },
          { title: '入驻日期', nowrap: true, render: (i) => chineseDate(i.registeredDate) },
          ...(admin
            ? [
                {
                  title: '操作',
                  nowrap: true,
                  render: (i: Intermediary) =>
                    i.status === 'pending' ? (
                      <Popconfirm title={`审核通过 ${i.name}？`} description="通过后即可参与报价。" okText="通过" cancelText="取消" onConfirm={() => void act(i, () => approve(i.intermediaryId), '已审核通过')}>
                        <Button size="small" type="primary" loading={busy === i.intermediaryId} aria-label={`审核通过 ${i.name}`}>
                          审核通过
                        </Button>
                      </Popconfirm>
                    ) : i.status === 'suspended' ? (
                      <Popconfirm title={`恢复 ${i.name} 的竞价资格？`} okText="恢复" cancelText="取消" onConfirm={() => void act(i, () => reinstate(i.intermediaryId, {}), '已恢复竞价资格')}>
                        <Button size="small" loading={busy === i.intermediaryId} aria-label={`恢复资格 ${i.name}`}>
                          恢复资格
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" danger onClick={() => setSuspending(i)} aria-label={`暂停资格 ${i.name}`}>
                        暂停资格
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {suspending ? (
        <Suspense fallback={null}>
          <SuspendDialog
            intermediary={suspending}
            onCancel={() => setSuspending(undefined)}
            onDone={() => {
              message.success(`${suspending.name}：已暂停竞价资格`);
              setSuspending(undefined);
              list.reload();
            }}
          />
        </Suspense>
      ) : null}
    </Panel>
  );
}

function Projects() {
  const projects = useLoad(readProjects, []);
  const data = projects.data ?? [];
  const open = openObjections(data);
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      {projects.error ? <Alert type="error" showIcon title={`项目读取失败：${projects.error}`} /> : null}
      <Panel title={`待处理的异议（${open.length}）`} aria-label="待处理的异议">
        <DataTable
          label="待处理的异议"
          rows={open}
          rowKey={(r) => `${r.project.projectId}/${r.objection.objectionNo}`}
          loading={!projects.data && !projects.error}
          empty="没有待处理的异议"
          columns={[
            { title: '项目', render: (r) => <Link to={projectLink('/market', r.project.projectId)}>{r.project.title}</Link> },
            { title: '异议', nowrap: true, render: (r) => `异议 ${r.objection.objectionNo}` },
            { title: '提出方', render: (r) => r.project.quotes.find((q) => q.intermediaryId === r.objection.byId)?.intermediaryName ?? r.objection.byId },
            { title: '提出日期', nowrap: true, render: (r) => chineseDate(r.objection.raisedDate) },
            { title: '内容', render: (r) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{r.objection.text}</Typography.Paragraph> },
          ]}
        />
      </Panel>
      <Panel
        title={`全部项目（${data.length}）`}
        aria-label="全部项目"
        extra={
          <Button onClick={projects.reload} loading={projects.loading && !!projects.data}>
            刷新
          </Button>
        }
      >
        <ProjectTable projects={data} base="/market" loading={!projects.data && !projects.error} empty="还没有项目" />
      </Panel>
    </Space>
  );
}
