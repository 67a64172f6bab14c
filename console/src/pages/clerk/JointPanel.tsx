import { Alert, Button, Col, Descriptions, Row, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Case, Schemas } from '../../../../client/index.ts';
import { api, read } from '../../api/client.ts';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate, countyToday, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { rectificationStatus, taskStatus } from '../joint/labels.ts';
import type { JointCase } from './joint/JointActionDialog.tsx';
import { NoticeItems } from './joint/NoticeItems.tsx';
import {
  groupByDepartment,
  inspectionState,
  jointActionLabel,
  jointAvailability,
  jointSummary,
  nextJointAction,
  workingDaysBetween,
  type Availability,
  type CalendarYear,
  type JointAction,
  type JointTask,
  type Names,
} from './joint/joint-rules.ts';

// The forms load when a step is first taken.
const JointActionDialog = lazy(() => import('./joint/JointActionDialog.tsx'));

interface Props {
  kase: JointCase;
  item: Schemas['Item'];
  /** A clerk of the case's window or site, or an administrator: the lead window's steps; anyone else reads. */
  mayAct: boolean;
  /** A step was taken: the page shows the case as the API answered it. */
  onDone: (updated: Case) => void;
  /** Read the case again (it changed under us, or the API refused a step because of how it is now). */
  onRefresh: () => void;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * 联合审批 on the case page: every department's task, where the joint inspection and the combined
 * rectification list stand, and the lead window's steps, each enabled only when the API would take
 * it and saying why not otherwise.
 */
export default function JointPanel({ kase, item, mayAct, onDone, onRefresh }: Props) {
  const joint = kase.joint;
  const today = countyToday();
  const [acting, setActing] = useState<JointAction>();
  const departments = useLoad(() => read(api().GET('/departments')), []);
  // The calendar of every year from acceptance to next year: the days used so far, and the appointment's working days.
  const years = useMemo(() => {
    const list: number[] = [];
    for (let y = yearOf(joint.acceptedDate); y <= yearOf(today) + 1; y++) list.push(y);
    return list;
  }, [joint.acceptedDate, today]);
  const calendar = useLoad(async () => {
    const answers = await Promise.allSettled(years.map((year) => read(api().GET('/calendar/{year}', { params: { path: { year } } }))));
    return new Map(answers.flatMap((a): [number, CalendarYear][] => (a.status === 'fulfilled' ? [[a.value.year, a.value]] : [])));
  }, [years]);

  const nameOf = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);
  const names: Names = (id) => nameOf.get(id) ?? id;
  const materialName = new Map(item.materials.map((m) => [m.code, m.name]));
  const availability = jointAvailability(kase, today, names);
  const next = nextJointAction(availability, joint);
  const underReview = kase.status === 'accepted';
  const end = kase.completedAt ? localDateTime(kase.completedAt).slice(0, 10) : today;
  const used = calendar.data ? workingDaysBetween(joint.acceptedDate, end, calendar.data) : undefined;
  const { inspection, rectification } = joint;
  const actions: JointAction[] = [...(inspection.required ? (['schedule', 'record'] as const) : []), 'issue', 'done', 'approve', 'deny'];

  const step = (action: JointAction, state: Availability) => {
    const label = jointActionLabel(action, joint);
    const button = (
      <Button type={action === next ? 'primary' : 'default'} danger={action === 'deny'} disabled={!state.allowed} onClick={() => setActing(action)} data-action={action}>
        {label}
      </Button>
    );
    if (state.allowed) return <span key={action}>{button}</span>;
    // A disabled button takes no focus: its wrapper does, so the reason shows to the keyboard too.
    return (
      <Tooltip key={action} title={state.reason} trigger={['hover', 'focus']}>
        <span tabIndex={0} aria-label={`${label}（暂不可办理：${state.reason}）`} style={{ display: 'inline-block', cursor: 'not-allowed' }}>
          {button}
        </span>
      </Tooltip>
    );
  };

  return (
    <Panel
      aria-label="联合审批"
      title={
        <Space wrap>
          <span>联合审批</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {joint.tasks.length}个部门并联审查
          </Typography.Text>
        </Space>
      }
    >
      <Typography.Paragraph strong style={{ fontSize: 16 }} data-testid="joint-summary">
        {jointSummary(joint)}
      </Typography.Paragraph>
      <Space wrap size={[24, 4]} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">受理日期：{chineseDate(joint.acceptedDate)}</Typography.Text>
        {used !== undefined ? (
          <Typography.Text type="secondary" data-testid="joint-used">
            {kase.completedAt ? '并联用时' : '并联已用'}：{used}个工作日
          </Typography.Text>
        ) : null}
        {inspection.required ? <Typography.Text type="secondary">联合验收：{inspectionState(inspection)}</Typography.Text> : null}
        <Typography.Text type="secondary">整改通知：{rectification.status === 'none' ? '未出具' : `第${rectification.round}轮${rectificationStatus[rectification.status]}`}</Typography.Text>
      </Space>
      {departments.error ? <Alert type="warning" showIcon message={`部门名称读取失败（${departments.error}），暂以部门编码显示`} style={{ marginBottom: 12 }} /> : null}

      {mayAct && underReview ? (
        <>
          <Space wrap role="toolbar" aria-label="联合审批操作" style={{ marginBottom: 8 }}>
            {actions.map((action) => step(action, availability[action]))}
          </Space>
          {availability.approve.reason ? (
            <Typography.Paragraph type="secondary" data-testid="joint-waiting">
              办结（准予许可）暂不可办理：{availability.approve.reason.replace(/^尚待以下部门：/, '尚待 ')}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="success" data-testid="joint-waiting">
              各部门均已同意（通过、缺席视为同意或超时默许），可以办结（准予许可）。
            </Typography.Paragraph>
          )}
        </>
      ) : mayAct && kase.status === 'suspended' ? (
        <Alert type="info" showIcon message={availability.schedule.reason} style={{ marginBottom: 12 }} />
      ) : null}

      <TaskTable tasks={joint.tasks} names={names} today={today} underReview={underReview} materialName={materialName} />

      <Row gutter={[24, 16]} style={{ marginTop: 16 }}>
        {inspection.required ? (
          <Col xs={24} xl={12}>
            <Typography.Title level={5}>联合验收</Typography.Title>
            <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 96 } }} data-testid="joint-inspection">
              <Descriptions.Item label="状态">{inspectionState(inspection)}</Descriptions.Item>
              <Descriptions.Item label="时间">{inspection.at ? localDateTime(inspection.at) : '—'}</Descriptions.Item>
              <Descriptions.Item label="地点">{inspection.place ?? '—'}</Descriptions.Item>
              {inspection.heldDate ? (
                <>
                  <Descriptions.Item label="到场部门">{inspection.present.length ? inspection.present.map(names).join('、') : '无'}</Descriptions.Item>
                  <Descriptions.Item label="缺席部门">
                    {inspection.absent.length === 0
                      ? '无'
                      : inspection.absent.map((a) => (
                          <div key={a.departmentId}>
                            {names(a.departmentId)}：{a.justified ? `有正当理由（${a.reason ?? ''}）` : '无正当理由，视为同意'}
                          </div>
                        ))}
                  </Descriptions.Item>
                </>
              ) : (
                <Descriptions.Item label="参加部门">
                  {joint.tasks
                    .filter((t) => t.inspects)
                    .map((t) => names(t.departmentId))
                    .join('、')}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Col>
        ) : null}
        <Col xs={24} xl={inspection.required ? 12 : 24}>
          <Typography.Title level={5}>整改通知（一次性告知）</Typography.Title>
          <div data-testid="joint-rectification">
            {rectification.status === 'none' && rectification.pending.length === 0 ? <Typography.Text type="secondary">尚无部门提出整改意见</Typography.Text> : null}
            {rectification.status !== 'none' ? (
              <>
                <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 96 } }} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={`第${rectification.round}轮`}>
                    <Tag color={rectification.status === 'issued' ? 'orange' : 'green'}>{rectificationStatus[rectification.status]}</Tag>
                    {chineseDate(rectification.issuedDate)}出具
                    {rectification.completedDate ? `，${chineseDate(rectification.completedDate)}整改完成` : ''}
                    {rectification.stoppedWorkingDays !== null ? `，暂停计时${rectification.stoppedWorkingDays}个工作日` : ''}
                  </Descriptions.Item>
                </Descriptions>
                <NoticeItems groups={groupByDepartment(joint.tasks, rectification.items)} names={names} />
              </>
            ) : null}
            {rectification.pending.length > 0 ? (
              <>
                <Typography.Text type="warning" strong>
                  待出具（第{rectification.rounds + 1}轮）：
                </Typography.Text>
                <NoticeItems groups={groupByDepartment(joint.tasks, rectification.pending)} names={names} />
              </>
            ) : null}
          </div>
        </Col>
      </Row>

      {acting ? (
        <Suspense>
          <JointActionDialog
            action={acting}
            kase={kase}
            names={names}
            calendar={calendar.data}
            today={today}
            onDone={(updated) => {
              setActing(undefined);
              onDone(updated);
            }}
            onStale={() => {
              setActing(undefined);
              onRefresh();
            }}
            onRefresh={onRefresh}
            onCancel={() => setActing(undefined)}
          />
        </Suspense>
      ) : null}
    </Panel>
  );
}

/**
 * Each department's task as a plain table (six rows or so: Ant Design's Table would be weight for
 * nothing): its status, limit, deadline (stopped while a rectification is with the applicant), when it
 * answered and what it asked for.
 */
function TaskTable({ tasks, names, today, underReview, materialName }: { tasks: JointTask[]; names: Names; today: string; underReview: boolean; materialName: Map<string, string> }) {
  const { token } = theme.useToken();
  const cell = { padding: '8px 10px', borderBottom: `1px solid ${token.colorBorderSecondary}`, textAlign: 'left' as const, verticalAlign: 'top' as const };
  const head = { ...cell, background: token.colorFillAlter, fontWeight: 600, whiteSpace: 'nowrap' as const };
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-label="各部门审查情况">
      <thead>
        <tr>
          {['部门', '状态', '时限', '审查期限', '答复日期', '意见及整改事项'].map((title) => (
            <th key={title} scope="col" style={head}>
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => {
          const status = taskStatus[t.status];
          const late = underReview && t.status === 'open' && !t.clockStopped && t.deadline < today;
          const dueToday = underReview && t.status === 'open' && t.deadline === today;
          return (
            <tr key={t.departmentId} data-department={t.departmentId}>
              <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                <div>{names(t.departmentId)}</div>
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  {t.inspects ? <Tag>现场验收</Tag> : null}
                  <Tooltip title={t.materials.map((code) => materialName.get(code) ?? code).join('、')}>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }} tabIndex={0}>
                      审查材料 {t.materials.length} 项
                    </Typography.Text>
                  </Tooltip>
                </Space>
              </th>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                <Tag color={status.color} data-testid={`joint-status-${t.departmentId}`}>
                  {status.label}
                </Tag>
                {late ? <Tag color="red">已过期限</Tag> : dueToday ? <Tag color="orange">今日到期</Tag> : null}
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {t.days}个工作日
                {t.stoppedWorkingDays > 0 ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      整改停计{t.stoppedWorkingDays}个工作日
                    </Typography.Text>
                  </div>
                ) : null}
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {chineseDate(t.deadline)}
                {t.deadlineProvisional ? <Typography.Text type="secondary">（暂定）</Typography.Text> : null}
                {t.clockStopped ? (
                  <Tag color="purple" style={{ marginLeft: 8 }}>
                    计时暂停
                  </Tag>
                ) : null}
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{t.answeredDate ? chineseDate(t.answeredDate) : '—'}</td>
              <td style={cell}>
                {t.items.length > 0 ? (
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {t.items.map((i, n) => (
                      <li key={n}>{i.text}</li>
                    ))}
                  </ol>
                ) : null}
                {t.note ? <div>{t.note}</div> : null}
                {t.items.length === 0 && !t.note ? <Typography.Text type="secondary">—</Typography.Text> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
