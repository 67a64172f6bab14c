import { Alert, Button, Col, Descriptions, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Case, Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate, countyToday, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { caseStatus, procedures } from '../clerk/labels.ts';
import { rectificationStatus, taskStatus } from './labels.ts';
import { boundToDepartment, byDepartment, departmentFor, inspectionLine, mayAnswerFor, opinionBlocker, type JointReview, type JointTask } from './model.ts';
import { OpinionForm } from './OpinionForm.tsx';

/** County data a page may do without: names in place of ids. A refusal or a missing entry leaves the ids. */
async function optional<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 403 || error.status === 404)) return undefined;
    throw error;
  }
}

/**
 * A joint case as a department sees it (联合审批): the case, every department's task, the joint
 * inspection, the combined rectification list, the materials this department reviews, and — while its
 * task is open and it may answer — the opinion form; otherwise why not.
 */
export default function JointCase() {
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const session = currentSession()!;
  const bound = boundToDepartment(session);
  // The case as the last opinion returned it, until the reload after it comes back.
  const [answered, setAnswered] = useState<Case>();
  const loaded = useLoad(async () => {
    const kase = await read(api().GET('/cases/{id}', { params: { path: { id: caseId } } }));
    const [rectification, item, departments] = await Promise.all([
      kase.joint ? read(api().GET('/cases/{id}/joint/rectification', { params: { path: { id: caseId } } })) : Promise.resolve(undefined),
      optional(read(api().GET('/items/{code}', { params: { path: { code: kase.item.code } } }))),
      optional(read(api().GET('/departments'))),
    ]);
    return { kase, rectification, item, departments };
  }, [caseId]);

  if (loaded.error && !loaded.data) {
    const text = loaded.problem?.status === 403 ? '此办件没有本部门的联合审查任务，无法查看。' : loaded.problem?.status === 404 ? '没有这个办件。' : loaded.error;
    return <Alert type="error" showIcon title="办件读取失败" description={text} action={<Button onClick={() => void navigate('/joint')}>返回联合审批</Button>} />;
  }
  if (!loaded.data) return <Panel loading />;
  const { rectification, item, departments } = loaded.data;
  const kase = answered && answered.version > loaded.data.kase.version ? answered : loaded.data.kase;
  const joint = kase.joint;
  const names = new Map<string, string>([...(rectification?.departments.map((d) => [d.departmentId, d.name] as const) ?? []), ...(departments?.map((d) => [d.id, d.name] as const) ?? [])]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const taskIds = joint?.tasks.map((t) => t.departmentId) ?? [];
  const departmentId = departmentFor(session, params.get('department'), taskIds);
  const task = joint?.tasks.find((t) => t.departmentId === departmentId);
  const blocker = opinionBlocker(kase, departmentId, countyToday(), mayAnswerFor(session, departmentId));
  const status = caseStatus[kase.status];
  const back = `/joint${!bound && departmentId ? `?department=${departmentId}` : ''}`;

  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      {loaded.error ? <Alert type="warning" showIcon title={`刷新失败，显示的是之前读取的内容：${loaded.error}`} /> : null}
      <Panel
        title={
          <Space wrap>
            <span>联合审批 · 办件 {kase.caseNo}</span>
            <Tag color={status.color} data-testid="case-status">
              {status.label}
            </Tag>
            <Typography.Text type="secondary">{kase.item.name}</Typography.Text>
          </Space>
        }
        extra={<Button onClick={() => void navigate(back)}>返回待办</Button>}
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="事项">
            {kase.item.name}（联办件，承诺 {kase.item.committedDays} 个工作日）
          </Descriptions.Item>
          <Descriptions.Item label="申请单位">{kase.applicant.organization ?? kase.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="牵头窗口">{kase.windowId}</Descriptions.Item>
          <Descriptions.Item label="受理日期">{chineseDate(kase.acceptedDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="办结期限">
            {kase.deadline ? `${chineseDate(kase.deadline)}${kase.deadlineProvisional ? '（节假日安排未公布，暂定）' : ''}` : '—'}
            {kase.suspension ? (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                计时暂停：{procedures[kase.suspension.procedure]}
              </Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label="并联审查">{joint ? `${joint.tasks.length} 个部门同时审查（依次审查合计 ${joint.serialWorkingDays} 个工作日）` : '—'}</Descriptions.Item>
        </Descriptions>
      </Panel>
      {joint ? (
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={15}>
            <Space vertical size="large" style={{ width: '100%' }}>
              <TasksPanel joint={joint} current={departmentId} nameOf={nameOf} />
              <InspectionPanel joint={joint} nameOf={nameOf} />
              <RectificationPanel list={rectification} fallback={joint.rectification} nameOf={nameOf} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space vertical size="large" style={{ width: '100%' }}>
              <Panel
                title={`本部门意见${departmentId ? ` · ${nameOf(departmentId)}` : ''}`}
                aria-label="本部门意见"
                extra={
                  bound ? null : (
                    <Select
                      aria-label="以哪个部门查看"
                      size="small"
                      style={{ width: 200 }}
                      value={departmentId}
                      onChange={(department: string) => setParams({ department }, { replace: true })}
                      options={taskIds.map((id) => ({ value: id, label: nameOf(id) }))}
                    />
                  )
                }
              >
                {task ? (
                  <Space style={{ marginBottom: 12 }} wrap>
                    <Tag color={taskStatus[task.status].color} data-testid="own-task-status">
                      {taskStatus[task.status].label}
                    </Tag>
                    <Typography.Text>
                      审查期限 {chineseDate(task.deadline)}
                      {task.deadlineProvisional ? '（暂定）' : ''}
                    </Typography.Text>
                    {task.clockStopped ? <Tag color="purple">计时暂停</Tag> : null}
                  </Space>
                ) : null}
                {blocker || !departmentId ? (
                  <Alert type={blocker?.kind === 'overdue' || blocker?.kind === 'deemed-approving' ? 'warning' : 'info'} showIcon title={blocker?.text ?? '请选择部门'} data-testid="opinion-blocked" />
                ) : (
                  <OpinionForm
                    key={`${departmentId}-${kase.version}`}
                    kase={kase}
                    departmentId={departmentId}
                    departmentName={nameOf(departmentId)}
                    onDone={(updated) => {
                      setAnswered(updated);
                      loaded.reload();
                    }}
                    onStale={loaded.reload}
                  />
                )}
              </Panel>
              {task ? <MaterialsPanel task={task} item={item} submitted={kase.materials} /> : null}
            </Space>
          </Col>
        </Row>
      ) : (
        <Alert type="info" showIcon title={kase.status === 'submitted' || kase.status === 'awaiting-materials' ? '办件尚未受理，受理后各部门开始联合审查。' : '此办件不是联合审批办件。'} />
      )}
    </Space>
  );
}

/** Every department's task: where it stands, its limit and deadline, and what it answered. */
function TasksPanel({ joint, current, nameOf }: { joint: JointReview; current: string | undefined; nameOf: (id: string) => string }) {
  return (
    <Panel title="各部门审查情况">
      <DataTable<JointTask>
        label="各部门审查情况"
        rows={joint.tasks}
        rowKey={(t) => t.departmentId}
        empty="没有审查部门"
        selected={(t) => t.departmentId === current}
        rowData={(t) => ({ 'data-department': t.departmentId })}
        columns={[
          {
            title: '部门',
            render: (t) => (
              <>
                <div>{nameOf(t.departmentId)}</div>
                <Space size={4} wrap>
                  {t.departmentId === current ? <Tag color="blue">本部门</Tag> : null}
                  {t.inspects ? (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      参加联合验收
                    </Typography.Text>
                  ) : null}
                </Space>
              </>
            ),
          },
          { title: '状态', nowrap: true, render: (t) => <Tag color={taskStatus[t.status].color}>{taskStatus[t.status].label}</Tag> },
          {
            title: '期限（时限）',
            nowrap: true,
            render: (t) => (
              <>
                <div>
                  {chineseDate(t.deadline)}
                  {t.deadlineProvisional ? '（暂定）' : ''}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t.days} 个工作日{t.stoppedWorkingDays > 0 ? `，整改顺延 ${t.stoppedWorkingDays} 个工作日` : ''}
                </Typography.Text>
                {t.clockStopped ? (
                  <Tag color="purple" style={{ marginLeft: 6 }}>
                    计时暂停
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: '答复日期', nowrap: true, render: (t) => (t.answeredDate ? chineseDate(t.answeredDate) : '—') },
          { title: '意见', render: (t) => <OpinionText task={t} /> },
        ]}
      />
    </Panel>
  );
}

/** What a department asked for or said. */
function OpinionText({ task }: { task: JointTask }) {
  if (task.items.length === 0 && !task.note) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {task.items.length > 0 ? (
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {task.items.map((i, n) => (
            <li key={n}>{i.text}</li>
          ))}
        </ol>
      ) : null}
      {task.note ? <Typography.Text type="secondary">{task.status === 'failed' ? `理由：${task.note}` : `备注：${task.note}`}</Typography.Text> : null}
    </>
  );
}

/** The joint inspection: when and where, whether it was held, who came and who did not (and why). */
function InspectionPanel({ joint, nameOf }: { joint: JointReview; nameOf: (id: string) => string }) {
  const { inspection } = joint;
  const state: ReactNode = !inspection.required ? (
    <Tag>无需联合验收</Tag>
  ) : inspection.heldDate ? (
    <Tag color="green">已举行（{chineseDate(inspection.heldDate)}）</Tag>
  ) : inspection.at ? (
    <Tag color="blue">待举行</Tag>
  ) : (
    <Tag color="orange">尚未安排</Tag>
  );
  return (
    <Panel title="联合验收" aria-label="联合验收">
      {!inspection.required ? (
        <Typography.Text type="secondary">本事项无联合验收。</Typography.Text>
      ) : (
        <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}>
          <Descriptions.Item label="时间">{inspection.at ? localDateTime(inspection.at) : '尚未安排'}</Descriptions.Item>
          <Descriptions.Item label="地点">{inspection.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <span data-testid="inspection-state">{state}</span>
          </Descriptions.Item>
          <Descriptions.Item label="参加部门">
            {joint.tasks
              .filter((t) => t.inspects)
              .map((t) => nameOf(t.departmentId))
              .join('、')}
          </Descriptions.Item>
          {inspection.heldDate ? (
            <>
              <Descriptions.Item label="到场">{inspection.present.length > 0 ? inspection.present.map(nameOf).join('、') : '—'}</Descriptions.Item>
              <Descriptions.Item label="缺席">
                {inspection.absent.length === 0 ? (
                  '无'
                ) : (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {inspection.absent.map((a) => (
                      <li key={a.departmentId}>
                        {nameOf(a.departmentId)}：{a.justified ? `有正当理由（${a.reason ?? '未说明'}），待另行答复` : '无正当理由，视为同意'}
                      </li>
                    ))}
                  </ul>
                )}
              </Descriptions.Item>
            </>
          ) : null}
        </Descriptions>
      )}
      {inspection.required && !inspection.heldDate ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {inspectionLine(inspection) === '尚未安排' ? '联合验收时间由牵头窗口安排。' : '参加联合验收的部门在现场验收后出具意见。'}
        </Typography.Paragraph>
      ) : null}
    </Panel>
  );
}

/** The combined rectification list: the round out now (or the last), its items by department, and what waits for the next round. */
function RectificationPanel({ list, fallback, nameOf }: { list: Schemas['JointRectificationList'] | undefined; fallback: JointReview['rectification']; nameOf: (id: string) => string }) {
  const r = list ?? fallback;
  const groups = byDepartment(r.items);
  const pending = byDepartment(r.pending);
  return (
    <Panel
      title="一次性整改清单"
      aria-label="一次性整改清单"
      extra={
        <Space size={4}>
          {r.round ? <Tag>第 {r.round} 轮 / 共 {r.rounds} 轮</Tag> : null}
          <Tag color={r.status === 'issued' ? 'orange' : r.status === 'completed' ? 'green' : undefined} data-testid="rectification-status">
            {rectificationStatus[r.status]}
          </Tag>
        </Space>
      }
    >
      {r.status !== 'none' ? (
        <Typography.Paragraph type="secondary">
          {r.issuedDate ? `${chineseDate(r.issuedDate)}出具整改通知` : ''}
          {r.completedDate ? `，${chineseDate(r.completedDate)}整改完成` : '，申请人整改中'}
          {r.stoppedWorkingDays ? `，提出整改的部门计时暂停 ${r.stoppedWorkingDays} 个工作日` : ''}。
        </Typography.Paragraph>
      ) : null}
      {groups.length === 0 && pending.length === 0 ? <Empty description="暂无整改要求" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      {groups.map((g) => (
        <Group key={g.departmentId} title={nameOf(g.departmentId)} texts={g.texts} />
      ))}
      {pending.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: groups.length > 0 ? 12 : 0 }}>
            待出具（下一份整改通知）
          </Typography.Title>
          {pending.map((g) => (
            <Group key={g.departmentId} title={nameOf(g.departmentId)} texts={g.texts} />
          ))}
        </>
      ) : null}
    </Panel>
  );
}

function Group({ title, texts }: { title: string; texts: string[] }) {
  return (
    <div style={{ marginBottom: 8 }} data-rectification-department={title}>
      <Typography.Text strong>{title}</Typography.Text>（{texts.length} 项）
      <ol style={{ margin: '4px 0 0', paddingLeft: 22 }}>
        {texts.map((t, n) => (
          <li key={n}>{t}</li>
        ))}
      </ol>
    </div>
  );
}

/** The materials the department reviews (the county file names them), and whether each is on file. */
function MaterialsPanel({ task, item, submitted }: { task: JointTask; item: Schemas['Item'] | undefined; submitted: string[] }) {
  const name = new Map(item?.materials.map((m) => [m.code, m.name]) ?? []);
  return (
    <Panel title={`本部门审查的材料（${task.materials.length} 项）`} aria-label="本部门审查的材料">
      <ol style={{ margin: 0, paddingLeft: 22 }}>
        {task.materials.map((code) => (
          <li key={code} style={{ marginBottom: 4 }}>
            {name.get(code) ?? `材料 ${code}`} {submitted.includes(code) ? <Tag color="green">已提交</Tag> : <Tag color="red">未提交</Tag>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
