import {Alert, Button, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { lazy, Suspense, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Case } from '../../../../client/index.ts';
import { api, read } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';

import { actionLabels, allowedActions, missingMaterials, type CaseAction } from './case-actions.ts';
import { jointToolbar } from './joint/joint-rules.ts';
import { caseStatus, channels, decisions, deliveryMethods, eventLabels, itemTypes, procedures, smsKinds, smsStatuses } from './labels.ts';

/** The API answers callback staff and administrators with the whole number; outside the callback page it is shown masked all the same. */
export const maskPhone = (phone: string): string => phone.replace(/^(.{3}).*(.{4})$/, (whole, head: string, tail: string) => (whole.includes('*') ? whole : `${head}****${tail}`));

// The forms of the steps load when a step is first taken.
const ActionDialog = lazy(() => import('./ActionDialog.tsx'));
// A joint case's departments (联合审批), for the few cases that have them.
const JointPanel = lazy(() => import('./JointPanel.tsx'));

/** One case: its record, its timeline, and only the steps its state allows. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const session = currentSession()!;
  const [acting, setActing] = useState<CaseAction>();
  const loaded = useLoad(async () => {
    const kase = await read(api().GET('/cases/{id}', { params: { path: { id: caseId } } }));
    const [timeline, item, windows] = await Promise.all([
      read(api().GET('/cases/{id}/events', { params: { path: { id: caseId } } })),
      read(api().GET('/items/{code}', { params: { path: { code: kase.item.code } } })),
      read(api().GET('/windows')),
    ]);
    return { kase, timeline, item, windows };
  }, [caseId]);

  if (loaded.error) return <Alert type="error" showIcon message="办件读取失败" description={loaded.error} action={<Button onClick={() => void navigate(-1)}>返回</Button>} />;
  if (!loaded.data) return <Panel loading />;
  const { kase, timeline, item, windows } = loaded.data;
  const missing = missingMaterials(item, kase.materials);
  const mayAct = session.roles.includes('admin') || (session.roles.includes('clerk') && (kase.windowId === session.windowId || kase.siteId === session.siteId));
  // A joint case is completed in its joint panel, by the departments' answers.
  const actions = mayAct ? jointToolbar(kase, allowedActions(kase, missing)) : [];
  const materialName = new Map(item.materials.map((m) => [m.code, m.name]));
  const status = caseStatus[kase.status];
  const done = (_updated: Case) => {
    setActing(undefined);
    loaded.reload();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Panel
        title={
          <Space wrap>
            <span>办件 {kase.caseNo}</span>
            <Tag color={status.color} data-testid="case-status">
              {status.label}
            </Tag>
            <Typography.Text type="secondary">{kase.item.name}</Typography.Text>
          </Space>
        }
        extra={<Button onClick={() => void navigate('/clerk')}>返回工作台</Button>}
      >
        <Space wrap style={{ marginBottom: 16 }} role="toolbar" aria-label="可办理的操作">
          {actions.map((action, index) => (
            <Button key={action} type={index === 0 ? 'primary' : 'default'} danger={action === 'reject'} onClick={() => setActing(action)} autoFocus={index === 0}>
              {actionLabels[action]}
            </Button>
          ))}
          {actions.length === 0 ? <Typography.Text type="secondary">{mayAct ? '此办件已无可办理的操作' : '此办件不在您的窗口，只能查看'}</Typography.Text> : null}
        </Space>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="事项">
            {kase.item.name}（{itemTypes[kase.item.type]}，承诺 {kase.item.committedDays} 个工作日）
          </Descriptions.Item>
          <Descriptions.Item label="申请人">
            {kase.applicant.name}
            {kase.applicant.organization ? `（${kase.applicant.organization}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{kase.applicant.phone ? maskPhone(kase.applicant.phone) : '—'}</Descriptions.Item>
          <Descriptions.Item label="窗口">{kase.windowId}</Descriptions.Item>
          <Descriptions.Item label="渠道">{channels[kase.channel]}</Descriptions.Item>
          <Descriptions.Item label="收件时间">{localDateTime(kase.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="受理日期">{chineseDate(kase.acceptedDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="办结期限">
            {kase.deadline ? `${chineseDate(kase.deadline)}${kase.deadlineProvisional ? '（节假日安排未公布，暂定）' : ''}` : '—'}
            {kase.suspension ? <Tag color="purple" style={{ marginLeft: 8 }}>计时暂停：{procedures[kase.suspension.procedure]}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="结果">
            {kase.decision ? decisions[kase.decision] : '—'}
            {kase.onTime === false ? <Tag color="red" style={{ marginLeft: 8 }}>超期办结</Tag> : kase.early ? <Tag color="green" style={{ marginLeft: 8 }}>提前办结</Tag> : null}
            {kase.deliveryMethod ? `，${deliveryMethods[kase.deliveryMethod]}` : ''}
          </Descriptions.Item>
          {kase.rejectionReason ? <Descriptions.Item label="不予受理理由">{kase.rejectionReason}</Descriptions.Item> : null}
        </Descriptions>
      </Panel>
      {kase.joint ? (
        <Suspense fallback={<Panel loading />}>
          <JointPanel kase={{ ...kase, joint: kase.joint }} item={item} mayAct={mayAct} onDone={done} onRefresh={loaded.reload} />
        </Suspense>
      ) : null}
      <Row gutter={24}>
        <Col xs={24} lg={10}>
          <Panel title="申请材料">
            <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="申请材料">
              {item.materials.map((m) => (
                <li key={m.code}>
                  {m.name} {kase.materials.includes(m.code) ? <Tag color="green">已提交</Tag> : kase.missing?.includes(m.code) ? <Tag color="orange">已告知补正</Tag> : <Tag color="red">未提交</Tag>}
                </li>
              ))}
            </ul>
            {missing.length > 0 ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>尚缺 {missing.length} 项：{missing.map((c) => materialName.get(c) ?? c).join('、')}</Typography.Paragraph> : null}
          </Panel>
        </Col>
        <Col xs={24} lg={14}>
          <Panel title="办理过程">
            {timeline.events.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={timeline.events.map((e) => ({
                  key: e.version,
                  children: (
                    <>
                      <Typography.Text strong>{eventLabels[e.type] ?? e.type}</Typography.Text> <Typography.Text type="secondary">{localDateTime(e.at)} · {e.actor.id}{e.windowId ? ` · ${e.windowId}` : ''}</Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Panel>
          <Panel title="短信通知">
            {timeline.messages.length === 0 ? (
              <Typography.Text type="secondary">{kase.applicant.phone ? '暂无短信' : '申请人未留手机号，不发送短信'}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }} aria-label="短信通知">
                {timeline.messages.map((m) => (
                  <li key={m.messageId} style={{ marginBottom: 8 }}>
                    <Space size={4} wrap>
                      <Typography.Text strong>{smsKinds[m.kind]}</Typography.Text>
                      <Tag color={smsStatuses[m.status].color}>{smsStatuses[m.status].label}</Tag>
                      <Typography.Text type="secondary">
                        {m.templateCode ?? ''} · {m.phone ?? ''} · {localDateTime(m.deliveredAt ?? m.sentAt ?? m.dueAt)}
                      </Typography.Text>
                    </Space>
                    {m.text ? <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>{m.text}</Typography.Paragraph> : null}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </Col>
      </Row>
      {acting ? (
        <Suspense>
        <ActionDialog
          action={acting}
          kase={kase}
          item={item}
          windows={windows}
          onDone={done}
          onStale={() => {
            setActing(undefined);
            loaded.reload();
          }}
          onCancel={() => setActing(undefined)}
        />
        </Suspense>
      ) : null}
    </Space>
  );
}
