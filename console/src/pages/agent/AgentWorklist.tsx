import { Alert, Button, Empty, Progress, Radio, Space, Tag, theme, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readProjects, readWorklist } from './api.ts';
import { projectStatus, worklistKinds } from './labels.ts';
import { isAgent, itemDetail, type ProjectSummary, type WorklistItem } from './model.ts';

const projectLink = (projectId: string) => `/agent/projects/${projectId}`;

/**
 * 代办工作台: an agent's to-do list, most urgent first as the API orders it (逾期, 停滞, 目标临近,
 * 重新申报, 可申报), and their projects with how far each has come. A director or an administrator
 * sees the county's projects instead (they have no worklist of their own).
 */
export default function AgentWorklist() {
  const session = currentSession()!;
  return isAgent(session) ? <Worklist /> : <AllProjects />;
}

function Worklist() {
  const navigate = useNavigate();
  const worklist = useLoad(readWorklist, []);
  const { reload } = worklist;
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  const data = worklist.data;
  const open = data?.projects.filter((p) => p.status === 'open') ?? [];
  const closed = data?.projects.filter((p) => p.status === 'closed') ?? [];
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          代办工作台
          <Typography.Text type="secondary" style={{ fontSize: 15, marginLeft: 12 }}>
            {data ? `今天是${chineseDate(data.today)}` : ''}
          </Typography.Text>
        </Typography.Title>
        <Button onClick={reload} loading={worklist.loading && !!data}>
          刷新
        </Button>
      </Space>
      {worklist.error ? <Alert type="error" showIcon title={`待办读取失败：${worklist.error}`} /> : null}
      <Panel
        title={`待办事项${data ? `（${data.items.length} 项）` : ''}`}
        aria-label="待办事项"
        extra={
          data && data.items.length > 0 ? (
            <Space size={4} wrap aria-label="按类别统计">
              {(Object.keys(worklistKinds) as WorklistItem['kind'][])
                .map((k) => [k, data.items.filter((i) => i.kind === k).length] as const)
                .filter(([, count]) => count > 0)
                .map(([k, count]) => (
                  <Tag key={k} color={worklistKinds[k].color}>
                    {worklistKinds[k].label} {count}
                  </Tag>
                ))}
            </Space>
          ) : null
        }
      >
        <ItemTable items={data?.items ?? []} loading={!data && !worklist.error} onOpen={(i) => void navigate(projectLink(i.projectId))} />
      </Panel>
      <Panel title={`我的代办项目${data ? `（进行中 ${open.length} 个）` : ''}`} aria-label="我的代办项目" loading={!data && !worklist.error}>
        <ProjectCards projects={open} empty="没有进行中的代办项目" />
        {closed.length > 0 ? (
          <>
            <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
              已结案（{closed.length} 个）
            </Typography.Title>
            <ProjectCards projects={closed} empty="" />
          </>
        ) : null}
      </Panel>
    </Space>
  );
}

/** The to-do list, in the API's order; a row (or its project's link, for the keyboard) opens the project. */
function ItemTable({ items, loading, onOpen }: { items: WorklistItem[]; loading: boolean; onOpen: (item: WorklistItem) => void }) {
  const { token } = theme.useToken();
  return (
    <DataTable<WorklistItem>
      label="待办事项"
      rows={items}
      rowKey={(i) => `${i.projectId}/${i.stepId}/${i.kind}`}
      loading={loading}
      empty="没有待办事项"
      onRowClick={onOpen}
      rowData={(i) => ({ 'data-kind': i.kind, 'data-step': i.stepId, 'data-project': i.projectNo })}
      rowStyle={(i) => (i.kind === 'overdue' ? { background: token.colorErrorBg } : i.kind === 'stalled' ? { background: token.colorWarningBg } : undefined)}
      columns={[
        {
          title: '类别',
          nowrap: true,
          render: (i) => (
            <Tag color={worklistKinds[i.kind].color} data-testid="kind" style={{ marginInlineEnd: 0 }}>
              {worklistKinds[i.kind].label}
            </Tag>
          ),
        },
        {
          title: '审批事项',
          render: (i) => (
            <>
              <div>
                <Typography.Text strong>{i.stepId}</Typography.Text> {i.itemName}
                {i.critical ? (
                  <Tag color="error" bordered={false} style={{ marginLeft: 6 }}>
                    关键路径
                  </Tag>
                ) : null}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {itemDetail(i, chineseDate)}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '代办项目',
          render: (i) => (
            <>
              <Link to={projectLink(i.projectId)} onClick={(e) => e.stopPropagation()}>
                {i.projectName}
              </Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {i.enterprise} · {i.projectNo}
                </Typography.Text>
              </div>
            </>
          ),
        },
        { title: '期限', nowrap: true, render: (i) => (i.due ? chineseDate(i.due) : <Typography.Text type="secondary">—</Typography.Text>) },
      ]}
    />
  );
}

/** Projects as cards: the name and enterprise, steps done of all, the expected finish; each opens its project page. */
function ProjectCards({ projects, empty, showAgent = false }: { projects: ProjectSummary[]; empty: string; showAgent?: boolean }) {
  const { token } = theme.useToken();
  if (projects.length === 0) return empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : null;
  return (
    <ul aria-label="代办项目" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))' }}>
      {projects.map((p) => {
        const percent = p.steps ? Math.round((p.stepsDone / p.steps) * 100) : 0;
        const status = projectStatus[p.status];
        return (
          <li key={p.projectId} data-project={p.projectNo}>
            <Link
              to={projectLink(p.projectId)}
              aria-label={`${p.name}，${p.enterprise}，已办结 ${p.stepsDone}/${p.steps} 项`}
              style={{ display: 'flex', flexDirection: 'column', gap: 6, height: '100%', boxSizing: 'border-box', padding: '12px 16px', color: token.colorText, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {p.name}
                </Typography.Text>
                <Tag color={status.color} style={{ marginInlineEnd: 0 }}>
                  {status.label}
                </Tag>
              </div>
              <div style={{ fontSize: 13, color: token.colorTextSecondary }}>
                <div>{p.enterprise}</div>
                <div style={{ fontVariantNumeric: 'tabular-nums' }}>{p.projectNo}</div>
                {showAgent ? <div>代办员 {p.agentId ?? '未指派'}</div> : null}
              </div>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Progress percent={percent} size="small" showInfo={false} status={p.status === 'closed' ? 'normal' : 'active'} style={{ flex: 1, margin: 0 }} />
                <span data-testid="progress" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {p.stepsDone}/{p.steps}
                </span>
              </div>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 13, color: token.colorTextSecondary }}>
                <span>投资 {p.investment.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元</span>
                <span data-testid="expected-finish">{p.expectedFinish ? `预计 ${chineseDate(p.expectedFinish)} 完成` : p.steps === 0 ? '尚未制定计划' : '—'}</span>
              </div>
              {p.blockingStepId && p.status === 'open' ? (
                <div style={{ fontSize: 13 }}>
                  <Tag color="warning" style={{ marginInlineEnd: 4 }}>
                    当前卡点
                  </Tag>
                  {p.blockingStepId} {p.blockingItemName}
                </div>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** A director's or an administrator's view: the county's projects, open or closed (the status is in the address). */
function AllProjects() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'closed' ? 'closed' : 'open';
  const projects = useLoad(() => readProjects(status), [status]);
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          项目代办
        </Typography.Title>
        <Space>
          <Radio.Group optionType="button" value={status} onChange={(e) => setParams(e.target.value === 'closed' ? { status: 'closed' } : {}, { replace: true })} options={[{ value: 'open', label: '代办中' }, { value: 'closed', label: '已结案' }]} />
          <Button onClick={projects.reload} loading={projects.loading && !!projects.data}>
            刷新
          </Button>
        </Space>
      </Space>
      {projects.error ? <Alert type="error" showIcon title={`项目读取失败：${projects.error}`} /> : null}
      <Panel title={`${status === 'open' ? '代办中' : '已结案'}的项目${projects.data ? `（${projects.data.length} 个）` : ''}`} loading={!projects.data && !projects.error}>
        <ProjectCards projects={projects.data ?? []} empty={status === 'open' ? '没有代办中的项目' : '没有已结案的项目'} showAgent />
      </Panel>
    </Space>
  );
}
