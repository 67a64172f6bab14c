import {Alert, App, Button, Checkbox, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read, send, settled } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { channels, itemTypes } from './labels.ts';
import { linkCase } from './ticket-store.ts';

interface RegisterForm {
  itemCode: string;
  materials: string[];
  applicant: { name: string; phone?: string; idNumber?: string; organization?: string };
  channel: Schemas['Case']['channel'];
  siteId: string;
}

/** 收件: a new application at this window or site, with the item's materials as a checklist. */
export default function Register() {
  const session = currentSession()!;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterForm>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  // Pressed again after no answer came: the same key, so the case is registered once.
  const pendingKey = useRef<string | undefined>(undefined);
  const catalogue = useLoad(async () => {
    const [items, sites, windows] = await Promise.all([read(api().GET('/items')), read(api().GET('/sites')), read(api().GET('/windows'))]);
    return { items, sites, windows };
  }, []);
  const itemCode = Form.useWatch('itemCode', form);
  const item = catalogue.data?.items.find((i) => i.code === itemCode);
  const windowId = session.windowId ?? item?.windowId;
  // The clerk's own window's items first: what they register most.
  const itemOptions = useMemo(
    () =>
      [...(catalogue.data?.items ?? [])]
        .sort((a, b) => Number(b.windowId === session.windowId) - Number(a.windowId === session.windowId) || a.code.localeCompare(b.code))
        .map((i) => ({ value: i.code, label: `${i.name}（${i.code}）`, search: `${i.code} ${i.name}` })),
    [catalogue.data, session.windowId],
  );
  const mySite = session.siteId ?? catalogue.data?.windows.find((w) => w.id === session.windowId)?.siteId;
  const siteLevel = catalogue.data?.sites.find((s) => s.id === mySite)?.level;
  const defaultChannel: RegisterForm['channel'] = siteLevel === 'township' ? 'township' : siteLevel === 'village' ? 'village' : 'window';

  const submit = async (values: RegisterForm) => {
    setSaving(true);
    setProblem(undefined);
    pendingKey.current ??= crypto.randomUUID();
    try {
      const applicant = Object.fromEntries(Object.entries(values.applicant).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, v.trim()])) as RegisterForm['applicant'];
      const created = await send((headers) =>
        api().POST('/cases', {
          body: { itemCode: values.itemCode, applicant, channel: values.channel, siteId: values.siteId, ...(session.windowId ? { windowId: session.windowId } : {}), materials: values.materials ?? [] },
          headers,
        }),
        { key: pendingKey.current },
      );
      pendingKey.current = undefined;
      if (windowId) linkCase(windowId, created.caseId);
      message.success(`已收件，办件编号 ${created.caseNo}`);
      void navigate(`/cases/${created.caseId}`);
    } catch (e) {
      if (settled(e)) pendingKey.current = undefined;
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.shown.message);
      form.setFields(e.shown.fields.map((f) => ({ name: f.name as never, errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };

  if (catalogue.error) return <Alert type="error" showIcon message="事项目录读取失败" description={catalogue.error} />;
  return (
    <Panel title="收件登记" loading={catalogue.loading}>
      <Form<RegisterForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ channel: defaultChannel, siteId: mySite, materials: [] }} key={mySite ?? 'loading'} scrollToFirstError>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item name="itemCode" label="办理事项（按名称或编码查找）" rules={[{ required: true, message: '请选择办理事项' }]}>
              <Select
                showSearch={{ optionFilterProp: 'search' }}
                autoFocus
                placeholder="输入事项名称或编码"
                options={itemOptions}
                onChange={() => form.setFieldValue('materials', [])}
              />
            </Form.Item>
            {item ? (
              <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
                <Descriptions.Item label="事项类型">{itemTypes[item.type]}</Descriptions.Item>
                <Descriptions.Item label="承诺时限">{item.committedDays} 个工作日（法定 {item.statutoryDays}）</Descriptions.Item>
                <Descriptions.Item label="受理窗口">{item.windowId}</Descriptions.Item>
              </Descriptions>
            ) : null}
            <Form.Item name="materials" label={item ? `申请材料（勾选申请人已提交的，共 ${item.materials.length} 项）` : '申请材料'}>
              {item ? (
                <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                  {item.materials.map((m) => (
                    <Checkbox key={m.code} value={m.code}>
                      {m.name}
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              ) : (
                <Typography.Text type="secondary">选定事项后显示材料清单</Typography.Text>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name={['applicant', 'name']} label="申请人（姓名或单位联系人）" rules={[{ required: true, message: '请填写申请人' }, { max: 60, message: '最多 60 个字' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['applicant', 'organization']} label="申请单位（个人办事可不填）" rules={[{ max: 120, message: '最多 120 个字' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['applicant', 'phone']} label="联系电话" rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '手机号码或座机号码格式不正确' }]}>
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
            <Form.Item name={['applicant', 'idNumber']} label="身份证号码" rules={[{ pattern: /^\d{17}[\dX]$/, message: '身份证号码应为 18 位' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="channel" label="申报渠道" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(channels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="siteId" label="收件地点" rules={[{ required: true, message: '请选择收件地点' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(catalogue.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          </Col>
        </Row>
        {problem ? <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            登记收件
          </Button>
          <Button onClick={() => void navigate('/clerk')}>返回工作台</Button>
        </Space>
      </Form>
    </Panel>
  );
}
