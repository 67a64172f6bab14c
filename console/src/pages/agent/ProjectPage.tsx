import { Alert, App, Button, Col, Descriptions, Empty, Progress, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate, countyToday, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { caseStatus } from '../clerk/labels.ts';
import { readProject, workingDays } from './api.ts';
import { FollowUpForm, FollowUpList } from './FollowUps.tsx';
import { filingOutcomes, projectStatus, stalledReasons, stepStates } from './labels.ts';
import { dayText, fileable, hasOpenCase, mayWork, timeline, weekdaysOnly, type Filing, type Project, type ProjectStep } from './model.ts';
import { PlanTimeline } from './PlanTimeline.tsx';

// The filing form loads when a step is first filed.
const FileStepDialog = lazy(() => import('./FileStepDialog.tsx'));

/** How long the page waits for the project to record a case it just filed (the case's events reach it a moment later). */
const AWAIT_TRIES = 20;

interface Awaiting {
  stepId: string;
  caseId: string;
  caseNo: string;
  tries: number;
}

/**
 * A project (代办项目): the enterprise and the agent, the plan drawn over working days, each step with
 * its case and, for a step ready to file (or denied, to file again), the 申报 button; the follow-ups and
 * a form to record one. A closed project, and a project that is not the viewer's, are read-only.
 */
export default function ProjectPage() {
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const session = currentSession()!;
  // The project as a command answered it, until the reload after it comes back.
  const [answered, setAnswered] = useState<Project>();
  const [filing, setFiling] = useState<ProjectStep>();
  const [awaiting, setAwaiting] = useState<Awaiting>();
  const loaded = useLoad(() => readProject(projectId), [projectId]);
  const project = answered && loaded.data && answered.projectId === loaded.data.projectId && answered.version > loaded.data.version ? answered : loaded.data;
  const today = countyToday();
  const years = useMemo(() => yearsOf(project, today), [project, today]);
  const calendar = useLoad(() => workingDays(years), [years]);
  const isWorkingDay = calendar.data ?? weekdaysOnly;
  const chart = useMemo(() => (project ? timeline(project, today, isWorkingDay) : undefined), [project, today, isWorkingDay]);

  // A case just filed: read the project again until it has recorded the filing (or give up quietly).
  const { reload } = loaded;
  // Still waiting: not yet recorded, and not given up on (the filing shows when it arrives, with a later reload).
  const pending = awaiting && !project?.filings.some((f) => f.caseId === awaiting.caseId) && awaiting.tries < AWAIT_TRIES ? awaiting : undefined;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => {
      setAwaiting((a) => a && { ...a, tries: a.tries + 1 });
      reload();
    }, 700);
    return () => clearTimeout(timer);
  }, [pending, reload]);

  if (loaded.error && !project) {
    const text = loaded.problem?.status === 404 ? '没有这个代办项目。' : loaded.problem?.status === 403 ? '此项目不在您的代办范围内，无法查看。' : loaded.error;
    return <Alert type="error" showIcon title="项目读取失败" description={text} action={<Button onClick={() => void navigate('/agent')}>返回</Button>} />;
  }
  if (!project || !chart) return <Panel loading />;

  const works = mayWork(session, project);
  // Whose project it is, when not the viewer's own; and that a director only looks on.
  const note = `${!project.agentId ? '此项目尚未指派代办员。' : project.agentId !== session.username ? `此项目由代办员 ${project.agentId} 负责。` : ''}${works ? '' : '您只能查看。'}`;
  const status = projectStatus[project.status];
  const done = project.steps.filter((s) => s.state === 'done').length;
  const stepName = new Map(project.steps.map((s) => [s.stepId, `${s.stepId} ${s.itemName}`]));
  const blocking = project.steps.find((s) => s.stepId === project.blockingStepId);
  const onDone = (updated: Project) => {
    setAnswered(updated);
    reload();
  };

  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      {loaded.error ? <Alert type="warning" showIcon title={`刷新失败，显示的是之前读取的内容：${loaded.error}`} /> : null}
      <Panel
        title={
          <Space wrap>
            <span>代办项目 · {project.name}</span>
            <Tag color={status.color} data-testid="project-status">
              {status.label}
            </Tag>
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {project.projectNo}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button onClick={reload} loading={loaded.loading && !!loaded.data}>
              刷新
            </Button>
            <Button onClick={() => void navigate('/agent')}>返回代办工作台</Button>
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="企业名称">{project.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">
            <span style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: 0.5 }}>{project.enterprise.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label="投资额">{project.investment.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元</Descriptions.Item>
          <Descriptions.Item label="所在地">{project.siteName}</Descriptions.Item>
          <Descriptions.Item label="代办员">{project.agentId ?? <Typography.Text type="warning">未指派</Typography.Text>}</Descriptions.Item>
          <Descriptions.Item label="登记日期">{chineseDate(project.registeredDate)}</Descriptions.Item>
          <Descriptions.Item label="办理进度">
            <Space>
              <Progress percent={project.steps.length ? Math.round((done / project.steps.length) * 100) : 0} size="small" style={{ width: 120, margin: 0 }} showInfo={false} />
              <span data-testid="progress">
                {done}/{project.steps.length} 项已办结
              </span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="预计完成">{project.expectedFinish ? chineseDate(project.expectedFinish) : '—'}</Descriptions.Item>
          <Descriptions.Item label={project.status === 'closed' ? '结案日期' : '当前卡点'}>
            {project.status === 'closed' ? chineseDate(project.closedDate) : blocking ? <Tag color="warning">{`${blocking.stepId} ${blocking.itemName}`}</Tag> : '—'}
          </Descriptions.Item>
        </Descriptions>
        {project.status === 'closed' ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={`项目已于${chineseDate(project.closedDate)}结案，只能查看。`} />
        ) : note ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="project-note">
            {note}
          </Typography.Paragraph>
        ) : null}
      </Panel>

      <Panel title={`代办计划${project.planVersion > 0 ? `（第 ${project.planVersion} 版，共 ${project.steps.length} 项）` : ''}`} aria-label="代办计划">
        {project.steps.length === 0 ? <Empty description="尚未制定代办计划" /> : <PlanTimeline chart={chart} />}
        {calendar.data === weekdaysOnly || calendar.error ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            按周一至周五排列日期（未读取到节假日安排）。
          </Typography.Paragraph>
        ) : null}
      </Panel>

      {project.steps.length > 0 ? (
        <Panel title="审批事项" aria-label="审批事项">
          <DataTable<ProjectStep>
            label="审批事项"
            rows={project.steps}
            rowKey={(s) => s.stepId}
            empty="没有审批事项"
            rowData={(s) => ({ 'data-step': s.stepId, 'data-state': s.state })}
            rowStyle={(s) => (s.blocking ? { background: '#fffbe6' } : undefined)}
            columns={[
              {
                title: '步骤',
                nowrap: true,
                render: (s) => (
                  <Space size={4}>
                    <Typography.Text strong>{s.stepId}</Typography.Text>
                    {s.critical ? (
                      <Tag color="error" bordered={false}>
                        关键
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: '审批事项',
                render: (s) => (
                  <>
                    <div>{s.itemName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {s.itemCode} · 承诺 {s.committedDays} 个工作日
                    </Typography.Text>
                  </>
                ),
              },
              { title: '前置', nowrap: true, render: (s) => (s.after.length ? s.after.join('、') : <Typography.Text type="secondary">—</Typography.Text>) },
              {
                title: '状态',
                render: (s) => (
                  <Space size={4} wrap>
                    <Tag color={stepStates[s.state].color} data-testid="step-state">
                      {stepStates[s.state].label}
                    </Tag>
                    {s.blocking ? <Tag color="warning">当前卡点</Tag> : null}
                    {s.stalled ? <Typography.Text type="warning">{stalledReasons[s.stalled]}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: '计划', nowrap: true, render: (s) => `${dayText(s.planned.start, today)} – ${dayText(s.planned.finish, today)}` },
              {
                title: '预计完成',
                nowrap: true,
                render: (s) => (
                  <>
                    <div>{s.state === 'done' && s.actual.finish ? `${dayText(s.actual.finish, today)}（已办结）` : dayText(s.expectedFinish, today)}</div>
                    {s.targetDate ? (
                      <Typography.Text type={s.targetAtRisk ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                        目标 {dayText(s.targetDate, today)}
                        {s.targetAtRisk ? '（有延误风险）' : ''}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
              { title: '办件', render: (s) => <CaseCell step={s} today={today} /> },
              {
                title: '操作',
                nowrap: true,
                render: (s) =>
                  pending?.stepId === s.stepId ? (
                    <Typography.Text type="secondary">已申报 {pending.caseNo}，正在更新…</Typography.Text>
                  ) : works && fileable(project, s) ? (
                    <Button type={s.state === 'denied' ? 'default' : 'primary'} size="small" onClick={() => setFiling(s)} aria-label={`申报 ${s.stepId} ${s.itemName}`}>
                      {s.state === 'denied' ? '重新申报' : '申报'}
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">{hasOpenCase(project, s.stepId) ? '办理中' : '—'}</Typography.Text>
                  ),
              },
            ]}
          />
        </Panel>
      ) : null}

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={works ? 14 : 24}>
          <Panel title={`跟进记录（${project.followUps.length}）`} aria-label="跟进记录">
            <FollowUpList followUps={project.followUps} />
          </Panel>
        </Col>
        {works ? (
          <Col xs={24} xl={10}>
            <Panel title="记录跟进">
              <FollowUpForm project={project} onDone={onDone} />
            </Panel>
          </Col>
        ) : null}
      </Row>

      {project.filings.length > 0 ? (
        <Panel title={`申报记录（${project.filings.length}）`} aria-label="申报记录">
          <DataTable<Filing>
            label="申报记录"
            rows={[...project.filings].reverse()}
            rowKey={(f) => f.caseId}
            empty="还没有申报"
            rowData={(f) => ({ 'data-case-no': f.caseNo })}
            columns={[
              { title: '办件编号', nowrap: true, render: (f) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{f.caseNo}</span> },
              { title: '步骤', render: (f) => stepName.get(f.stepId) ?? `${f.stepId}（已不在计划中）` },
              { title: '申报时间', nowrap: true, render: (f) => localDateTime(f.filedAt) },
              {
                title: '结果',
                render: (f) =>
                  f.outcome ? (
                    <Space size={4} wrap>
                      <Tag color={filingOutcomes[f.outcome].color}>{filingOutcomes[f.outcome].label}</Tag>
                      {f.reason ? <Typography.Text type="secondary">{f.reason}</Typography.Text> : null}
                    </Space>
                  ) : (
                    <Tag color="processing">办理中</Tag>
                  ),
              },
              { title: '办结日期', nowrap: true, render: (f) => (f.closedDate ? chineseDate(f.closedDate) : '—') },
              { title: '按时', nowrap: true, render: (f) => (f.onTime === null ? '—' : f.onTime ? <Tag color="green">按时</Tag> : <Tag color="red">超期</Tag>) },
            ]}
          />
        </Panel>
      ) : null}

      {filing ? (
        <Suspense fallback={null}>
          <FileStepDialog
            project={project}
            step={filing}
            onCancel={() => setFiling(undefined)}
            onFiled={(created) => {
              setFiling(undefined);
              message.success(`已申报：${filing.stepId} ${filing.itemName}，办件编号 ${created.caseNo}`);
              setAwaiting({ stepId: filing.stepId, caseId: created.caseId, caseNo: created.caseNo, tries: 0 });
              reload();
            }}
          />
        </Suspense>
      ) : null}
    </Space>
  );
}

/** A step's latest case: its number, where it stands, its deadline. */
function CaseCell({ step, today }: { step: ProjectStep; today: string }) {
  const kase = step.case;
  if (!kase) return <Typography.Text type="secondary">未申报</Typography.Text>;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {kase.caseNo} {kase.status ? <Tag color={caseStatus[kase.status].color}>{caseStatus[kase.status].label}</Tag> : null}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
        {dayText(kase.filedDate, today)}申报{kase.deadline ? ` · 期限 ${dayText(kase.deadline, today)}` : ''}
        {step.filings > 1 ? ` · 第 ${step.filings} 次` : ''}
      </Typography.Text>
    </>
  );
}

/** The years whose calendars the chart needs. */
function yearsOf(project: Project | undefined, today: string): number[] {
  if (!project) return [];
  const dates = [today, ...project.steps.flatMap((s) => [s.planned.start, s.planned.finish, s.actual.start, s.actual.finish, s.expectedFinish, s.targetDate])].filter((d): d is string => !!d);
  return [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort();
}
