import { Alert, Button, Select, Space, Tabs, Tag, theme, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, read } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { urgency } from '../clerk/labels.ts';
import { taskStatus } from './labels.ts';
import { boundToDepartment, departmentFor, inboxTabs, isTaskStatus, jointDepartments, type InboxTask, type TaskStatus } from './model.ts';

type Urgency = InboxTask['urgency'];

/**
 * 联合审批: a department's joint tasks, by status, the open ones most urgent first. A reviewer sees
 * their own department's; a director or an administrator picks the department. The department and
 * the tab are in the address, so going back from a case returns to the same list.
 */
export default function JointInbox() {
  const session = currentSession()!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const bound = boundToDepartment(session);
  // Directors and administrators pick among the departments of the county's joint items.
  const catalogue = useLoad(async () => {
    if (bound) return [];
    const [items, departments] = await Promise.all([read(api().GET('/items')), read(api().GET('/departments'))]);
    return jointDepartments(items, departments);
  }, [bound]);
  const offered = catalogue.data ?? [];
  const departmentId = departmentFor(session, params.get('department'), offered.map((d) => d.id));
  const wanted = params.get('status');
  const status: TaskStatus = isTaskStatus(wanted) ? wanted : 'open';

  // Every tab's list at once: the tabs show their counts, and switching tabs needs no wait.
  const inbox = useLoad(async () => {
    if (!departmentId) return undefined;
    const lists = await Promise.all(inboxTabs.map((t) => read(api().GET('/departments/{id}/joint-tasks', { params: { path: { id: departmentId }, query: { status: t.status } } }))));
    return new Map(lists.map((list) => [list.status, list]));
  }, [departmentId]);
  const { reload } = inbox;
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);

  const pick = (next: { department?: string; status?: TaskStatus }) => {
    const department = next.department ?? (bound ? undefined : departmentId);
    const tab = next.status ?? status;
    setParams({ ...(department ? { department } : {}), ...(tab !== 'open' ? { status: tab } : {}) }, { replace: true });
  };
  const open = inbox.data?.get('open');
  const name = open?.name ?? offered.find((d) => d.id === departmentId)?.name ?? departmentId;
  const caseLink = (caseId: string) => `/joint/cases/${caseId}${bound || !departmentId ? '' : `?department=${departmentId}`}`;

  if (bound && !session.departmentId) return <Alert type="warning" showIcon title="您的账号未设置所属部门，无法查看联合审批待办，请联系系统管理员。" />;
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          联合审批
          <Typography.Text type="secondary" style={{ fontSize: 15, marginLeft: 12 }}>
            {name ? `${name}` : ''}
            {open ? ` · 今天是${chineseDate(open.date)}` : ''}
          </Typography.Text>
        </Typography.Title>
        <Space wrap>
          {bound ? null : (
            <label>
              审查部门{' '}
              <Select
                aria-label="审查部门"
                style={{ minWidth: 300 }}
                loading={catalogue.loading}
                value={departmentId}
                onChange={(department: string) => pick({ department })}
                showSearch={{ optionFilterProp: 'label' }}
                options={offered.map((d) => ({ value: d.id, label: d.name }))}
              />
            </label>
          )}
          <Button onClick={reload} loading={inbox.loading && !!inbox.data}>
            刷新
          </Button>
        </Space>
      </Space>
      {catalogue.error ? <Alert type="error" showIcon title={`部门列表读取失败：${catalogue.error}`} /> : null}
      {inbox.error ? <Alert type="error" showIcon title={`待办读取失败：${inbox.error}`} /> : null}
      <Tabs
        activeKey={status}
        onChange={(key) => pick({ status: key as TaskStatus })}
        items={inboxTabs.map((t) => {
          const list = inbox.data?.get(t.status);
          return {
            key: t.status,
            label: (
              <span data-tab={t.status}>
                {t.label}
                {list ? <Tag style={{ marginLeft: 6, marginRight: 0 }} color={t.status === 'open' && list.tasks.length > 0 ? 'blue' : undefined}>{list.tasks.length}</Tag> : null}
              </span>
            ),
            children: (
              <Panel
                title={`${t.label}${list ? `（共 ${list.tasks.length} 件）` : ''}`}
                extra={
                  t.status === 'open' && list ? (
                    <Space wrap aria-label="按紧急程度统计">
                      {(Object.keys(urgency) as Urgency[]).map((u) => (
                        <Tag key={u} color={urgency[u].color}>
                          {urgency[u].label} {list.counts[u] ?? 0}
                        </Tag>
                      ))}
                    </Space>
                  ) : null
                }
              >
                <TaskTable tasks={list?.tasks ?? []} status={t.status} loading={!list && !inbox.error && !!departmentId} link={caseLink} onOpen={(task) => void navigate(caseLink(task.caseId))} />
              </Panel>
            ),
          };
        })}
      />
    </Space>
  );
}

/** One tab's tasks; a click on a row (or the case number, for the keyboard) opens the case. */
function TaskTable({ tasks, status, loading, link, onOpen }: { tasks: InboxTask[]; status: TaskStatus; loading: boolean; link: (caseId: string) => string; onOpen: (task: InboxTask) => void }) {
  const { token } = theme.useToken();
  const answered = status !== 'open';
  return (
    <DataTable<InboxTask>
      label={`联合审批待办：${inboxTabs.find((t) => t.status === status)?.label ?? ''}`}
      rows={tasks}
      rowKey={(t) => t.caseId}
      loading={loading}
      empty={status === 'open' ? '没有待审查的办件' : '没有办件'}
      onRowClick={onOpen}
      rowData={(t) => ({ 'data-case-no': t.caseNo })}
      rowStyle={(t) => (t.urgency === 'overdue' ? { background: token.colorErrorBg } : t.urgency === 'due-today' ? { background: token.colorWarningBg } : undefined)}
      columns={[
        {
          title: '办件编号',
          nowrap: true,
          render: (t) => (
            <Link to={link(t.caseId)} onClick={(e) => e.stopPropagation()} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t.caseNo}
            </Link>
          ),
        },
        {
          title: '事项',
          render: (t) => (
            <>
              <div>{t.item.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                本部门时限 {t.days} 个工作日
              </Typography.Text>
            </>
          ),
        },
        { title: '申请单位', render: (t) => t.organization ?? <Typography.Text type="secondary">—</Typography.Text> },
        { title: '受理日期', nowrap: true, render: (t) => chineseDate(t.acceptedDate) },
        {
          title: '期限',
          nowrap: true,
          render: (t) => (
            <>
              <div>
                {chineseDate(t.deadline)}
                {t.deadlineProvisional ? <Typography.Text type="secondary">（暂定）</Typography.Text> : null}
              </div>
              {t.clockStopped ? <Tag color="purple">计时暂停</Tag> : null}
            </>
          ),
        },
        {
          title: '联合验收',
          render: (t) => <InspectionCell task={t} />,
        },
        ...(answered ? [{ title: '答复日期', nowrap: true, render: (t: InboxTask) => (t.answeredDate ? chineseDate(t.answeredDate) : '—') }] : []),
        {
          title: '状态',
          nowrap: true,
          render: (t) => (
            <Space size={4} wrap>
              <Tag color={taskStatus[t.status].color}>{taskStatus[t.status].label}</Tag>
              {t.status === 'open' ? <Tag color={urgency[t.urgency].color}>{urgency[t.urgency].label}</Tag> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The joint inspection as this department sees it: when and where, held or not, or that it does not attend. */
function InspectionCell({ task }: { task: InboxTask }) {
  const { inspection } = task;
  if (!task.inspects) {
    return <Typography.Text type="secondary">本部门不参加{inspection.heldDate ? <Tag style={{ marginLeft: 6 }}>已举行</Tag> : null}</Typography.Text>;
  }
  if (!inspection.at) return <Tag color="orange">尚未安排</Tag>;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>
        {localDateTime(inspection.at)} {inspection.heldDate ? <Tag color="green">已举行</Tag> : <Tag color="blue">待举行</Tag>}
      </div>
      {inspection.place ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {inspection.place}
        </Typography.Text>
      ) : null}
    </>
  );
}
