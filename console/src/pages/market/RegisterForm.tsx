import { Alert, App, Button, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { ApiProblem, settled } from '../../api/client.ts';
import { Panel } from '../../layout/Panel.tsx';
import { countyToday } from '../../lib/dates.ts';
import { register } from './api.ts';
import { grades, type Grade, type MarketRules } from './model.ts';

interface Values {
  name: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  serviceTypes: string[];
  certificates?: Record<string, { grade?: Grade; certificateNo?: string; expires?: Dayjs | null }>;
}

/**
 * 入驻登记: an intermediary registers under its account's bound id, with a certificate for each service
 * type it offers; an administrator approves it before it may quote.
 */
export default function RegisterForm({ id, rules, onDone }: { id: string; rules: MarketRules | undefined; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const key = useRef<string | undefined>(undefined);
  const chosen = Form.useWatch('serviceTypes', form) ?? [];
  const name = (code: string) => rules?.serviceTypes.find((t) => t.code === code)?.name ?? code;

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(undefined);
    key.current ??= crypto.randomUUID();
    try {
      await register(
        {
          name: v.name.trim(),
          creditCode: v.creditCode.trim().toUpperCase(),
          contact: { name: v.contactName.trim(), phone: v.contactPhone.trim() },
          serviceTypes: v.serviceTypes,
          qualifications: v.serviceTypes.map((type) => {
            const c = v.certificates?.[type];
            return { type, grade: c?.grade ?? 'C', certificateNo: c?.certificateNo?.trim() ?? '', expires: c?.expires?.format('YYYY-MM-DD') ?? '' };
          }),
        },
        { key: key.current },
      );
      key.current = undefined;
      message.success('入驻申请已提交，等待管理员审核');
      onDone();
    } catch (error) {
      if (settled(error)) key.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      const credit = error.shown.fields.some((f) => f.name[0] === 'creditCode');
      setProblem(error.status === 409 ? '本机构已登记，请刷新页面。' : credit ? '统一社会信用代码不正确（请核对校验位）。' : error.message);
      if (credit) form.setFields([{ name: 'creditCode', errors: ['统一社会信用代码不正确'] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Panel title={`中介机构入驻登记 · ${id}`} aria-label="入驻登记" style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">本机构尚未在中介超市登记。填写以下信息提交入驻申请，管理员审核通过后即可参与报价。</Typography.Paragraph>
      <Form<Values> form={form} name="register" aria-label="入驻登记" layout="vertical" disabled={saving} onFinish={(v) => void submit(v)} initialValues={{ serviceTypes: [] }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}>
              <Input maxLength={120} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }, { len: 18, message: '统一社会信用代码为 18 位' }]}>
              <Input maxLength={18} style={{ fontVariantNumeric: 'tabular-nums' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '手机号码或座机号码格式不正确' }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="serviceTypes" label="服务类型" rules={[{ required: true, message: '请选择至少一种服务类型' }]}>
          <Select mode="multiple" aria-label="服务类型" loading={!rules} options={rules?.serviceTypes.map((t) => ({ value: t.code, label: t.name }))} placeholder="选择本机构提供的中介服务" />
        </Form.Item>
        {chosen.map((type) => (
          <fieldset key={type} style={{ border: 0, padding: 0, margin: 0 }} aria-label={`${name(type)}资质证书`}>
            <Typography.Text strong>{name(type)}资质证书</Typography.Text>
            <Row gutter={16} style={{ marginTop: 8 }}>
              <Col xs={24} md={8}>
                <Form.Item name={['certificates', type, 'grade']} label="资质等级" rules={[{ required: true, message: '请选择等级' }]}>
                  <Radio.Group optionType="button" options={(Object.keys(grades) as Grade[]).map((g) => ({ value: g, label: grades[g] }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['certificates', type, 'certificateNo']} label="证书编号" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }]}>
                  <Input maxLength={64} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['certificates', type, 'expires']} label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < countyToday()} />
                </Form.Item>
              </Col>
            </Row>
          </fieldset>
        ))}
        {problem ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={problem} /> : null}
        <Button type="primary" htmlType="submit" loading={saving}>
          提交入驻申请
        </Button>
      </Form>
    </Panel>
  );
}
