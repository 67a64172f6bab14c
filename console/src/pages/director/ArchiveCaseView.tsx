import { Alert, Button, Checkbox, Col, Descriptions, Form, Input, Popconfirm, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { archiveCheckBody, archiveFieldOf, evidenceOf, fileSteps, stepDetail, type ArchiveValues } from './archive.ts';
import { actorRoles, archiveProblemCodes, archiveProblems, caseSteps, type TimelineEvent } from './labels.ts';
import type { Names } from './use-names.ts';
import { useRead } from './use-read.ts';

/**
 * One sampled case file (档案检查): the case's own dated, signed steps on the left, the checklist of
 * problems on the right, each code beside what the record says about it. Once recorded, the findings
 * are shown and cannot be changed (the API records a file's check once).
 */
export function ArchiveCaseView({ month, caseId, names, onRecorded }: { month: string; caseId: string; names: Names; onRecorded: () => void }) {
  const file = useRead(`archive#${month}#${caseId}`, () => read(api().GET('/archive-checks/{month}/{caseId}', { params: { path: { month, caseId } } })));
  const itemCode = file.data?.events.find((e) => e.type === 'CaseSubmitted')?.data.item as { code?: string; name?: string } | undefined;
  const item = useRead(`item#${itemCode?.code ?? ''}`, () => (itemCode?.code ? read(api().GET('/items/{code}', { params: { path: { code: itemCode.code } } })) : Promise.resolve(undefined)));
  const [form] = Form.useForm<ArchiveValues>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const codes = Form.useWatch('codes', form) ?? [];

  if (file.problem) return <Alert type="error" showIcon title={file.problem.message} />;
  if (!file.data) return <Skeleton active />;
  const data = file.data;
  const materials = item.data?.materials;
  const materialName = (code: string) => materials?.find((m) => m.code === code)?.name ?? code;
  const evidence = evidenceOf(data.events, materials);
  const steps = fileSteps(data.events);

  const record = async (values: ArchiveValues) => {
    setProblem(undefined);
    setSending(true);
    const body = archiveCheckBody(values, archiveProblemCodes);
    try {
      await send((headers) => api().POST('/archive-checks/{month}/{caseId}', { params: { path: { month, caseId } }, body, headers }));
      onRecorded();
      file.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.shown.message);
      form.setFields(error.shown.fields.map((f) => ({ name: archiveFieldOf(f.name, body) as never, errors: [f.message] })));
      if (error.status === 409) file.reload();
    } finally {
      setSending(false);
    }
  };

  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }} items={[
          { key: 'no', label: '办件编号', children: <Link to={`/cases/${data.caseId}`}>{data.caseNo}</Link> },
          { key: 'window', label: '窗口', children: names.window(data.windowId) },
          { key: 'item', label: '事项', children: itemCode?.name ?? '' },
          { key: 'done', label: '办结日期', children: chineseDate(data.completedDate) },
        ]} />
        <Typography.Title level={5}>办理环节（系统记录）</Typography.Title>
        <Table<TimelineEvent>
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={steps}
          aria-label="办理环节"
          columns={[
            { title: '环节', key: 'step', width: 110, render: (_: unknown, e) => caseSteps[e.type] },
            { title: '办理时间', key: 'at', width: 150, render: (_: unknown, e) => (e.at ? localDateTime(e.at) : <Tag color="red">未注明</Tag>) },
            { title: '经办人', key: 'actor', width: 150, render: (_: unknown, e) => (e.actor.id ? <>{e.actor.id}<br /><Typography.Text type="secondary">{actorRoles[e.actor.role]}{e.windowId ? ` · ${e.windowId}` : ''}</Typography.Text></> : <Tag color="red">未签名</Tag>) },
            { title: '要点', key: 'detail', render: (_: unknown, e) => stepDetail(e, materialName) },
          ]}
        />
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>检查结果</Typography.Title>
        {data.checked ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {data.problems.length === 0 ? <Alert type="success" showIcon title="已检查：未发现问题" /> : <Alert type="warning" showIcon title={`已检查：发现 ${data.problems.length} 个问题`} />}
            {data.problems.map((p, i) => (
              <div key={i}>
                <Tag color="red">{archiveProblems[p.code].label}</Tag>
                {p.note ? <Typography.Text>{p.note}</Typography.Text> : null}
              </div>
            ))}
          </Space>
        ) : (
          <Form<ArchiveValues> form={form} layout="vertical" initialValues={{ codes: [], notes: {} }} onFinish={(v) => void record(v)} aria-label="档案检查结果">
            {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
            <Typography.Paragraph type="secondary">对照纸质卷宗逐项检查，勾选发现的问题；灰字是系统记录，供比对。</Typography.Paragraph>
            <Form.Item name="codes" style={{ marginBottom: 8 }}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }} aria-label="发现的问题">
                {archiveProblemCodes.map((code, index) => {
                  const e = evidence[code];
                  return (
                    <div key={code}>
                      <Checkbox value={code} autoFocus={index === 0}>
                        {archiveProblems[code].label}
                      </Checkbox>
                      <div style={{ marginLeft: 24 }}>
                        {e ? <Typography.Text type={e.warn ? 'danger' : 'secondary'} data-evidence={code}>{e.warn ? '⚠ ' : ''}{e.text}</Typography.Text> : <Typography.Text type="secondary">{archiveProblems[code].hint}</Typography.Text>}
                      </div>
                    </div>
                  );
                })}
              </Checkbox.Group>
            </Form.Item>
            {archiveProblemCodes.filter((c) => codes.includes(c)).map((code) => (
              <Form.Item
                key={code}
                name={['notes', code]}
                label={`${archiveProblems[code].label}：说明`}
                rules={[{ required: code === 'other', whitespace: true, message: '请写明是什么问题' }, { max: 500, message: '最多 500 字' }]}
              >
                <Input placeholder={code === 'other' ? '必填' : '可不填，例如在第几页'} />
              </Form.Item>
            ))}
            {codes.length === 0 ? (
              <Popconfirm title="记录为未发现问题？" description="记录后不能修改。" okText="记录" cancelText="再看看" onConfirm={() => form.submit()}>
                <Button type="primary" loading={sending}>未发现问题，记录检查结果</Button>
              </Popconfirm>
            ) : (
              <Popconfirm title={`记录 ${codes.length} 个问题？`} description="记录后不能修改，并计入窗口当月考核。" okText="记录" cancelText="再看看" onConfirm={() => form.submit()}>
                <Button type="primary" danger loading={sending}>记录 {codes.length} 个问题</Button>
              </Popconfirm>
            )}
          </Form>
        )}
      </Col>
    </Row>
  );
}
