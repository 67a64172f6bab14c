import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, settled } from '../../api/client.ts';
import { Panel } from '../../layout/Panel.tsx';
import { countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { draft, readIntermediaries, readProjects, readRules, readWorkingDays } from './api.ts';
import { grades, methods, wholeYuan, yuan, type Grade, type Method } from './model.ts';

interface Values {
  title: string;
  description?: string;
  ownerName: string;
  serviceType: string;
  minLevel: Grade;
  budget: string;
  stateFunded: boolean;
  method: Method;
  directIntermediaryId?: string;
  quoteDeadline: Dayjs;
  servicePeriodDays: string;
}

const weekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;
const thisYear = Number(countyToday().slice(0, 4));

/**
 * 编制采购需求: a project's intermediary need, saved as a draft; publishing it (on the project's page)
 * opens quoting. The service types and the county's rules (minimum announcement days, the direct-award
 * threshold) come from the API.
 */
export default function DraftForm() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const key = useRef<string | undefined>(undefined);
  const rules = useLoad(readRules, []);
  // The county calendar (holidays and worked weekends) for the deadline picker; Monday to Friday until it is read.
  const working = useLoad(() => readWorkingDays([thisYear, thisYear + 1]), []);
  // The unit's name as its last project gave it (the token carries the unit's id only).
  const earlier = useLoad(readProjects, []);
  const method = Form.useWatch('method', form);
  const serviceType = Form.useWatch('serviceType', form);
  const direct = useLoad(() => (method === 'direct' ? readIntermediaries() : Promise.resolve([])), [method]);
  const r = rules.data;
  const ownerName = earlier.data?.[0]?.ownerName;

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(undefined);
    key.current ??= crypto.randomUUID();
    try {
      const created = await draft(
        {
          title: v.title.trim(),
          description: v.description?.trim() ?? '',
          ownerName: v.ownerName.trim(),
          serviceType: v.serviceType,
          budget: wholeYuan(v.budget)!,
          stateFunded: v.stateFunded,
          method: v.method,
          qualification: { type: v.serviceType, minLevel: v.minLevel },
          quoteDeadline: v.quoteDeadline.format('YYYY-MM-DD'),
          servicePeriodDays: Number(v.servicePeriodDays),
          ...(v.method === 'direct' && v.directIntermediaryId ? { directIntermediaryId: v.directIntermediaryId } : {}),
        },
        { key: key.current },
      );
      key.current = undefined;
      message.success(`已保存草稿 ${created.projectNo}，发布后开始报价`);
      void navigate(`/owner/projects/${created.projectId}`);
    } catch (error) {
      if (settled(error)) key.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      const fields = new Set(error.shown.fields.map((f) => String(f.name[0])));
      const words: Record<string, string> = { quoteDeadline: '报价截止日须为今天之后的工作日', budget: `直接委托仅限预算低于 ${yuan(r?.directAwardBelowYuan ?? 0)} 的项目`, directIntermediaryId: '请选择直接委托的机构' };
      form.setFields(Object.entries(words).filter(([name]) => fields.has(name)).map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
      setProblem(error.message);
    } finally {
      setSaving(false);
    }
  };

  if (rules.error) return <Alert type="error" showIcon title={`服务类型读取失败：${rules.error}`} />;
  if (!r || !earlier.data) return <Panel loading />;
  return (
    <Panel title="新建项目 · 编制中介服务需求" aria-label="新建项目" style={{ maxWidth: 960 }} extra={<Button onClick={() => void navigate('/owner')}>返回</Button>}>
      <Form<Values>
        form={form}
        name="draft"
        aria-label="编制需求"
        layout="vertical"
        disabled={saving}
        onFinish={(v) => void submit(v)}
        initialValues={{ ownerName, stateFunded: true, method: 'lowest-price', minLevel: 'C', servicePeriodDays: '30' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
              <Input maxLength={120} autoFocus placeholder="如：某某公路改建工程环境影响评价" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="ownerName" label="业主单位" rules={[{ required: true, whitespace: true, message: '请填写业主单位名称' }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="服务内容（可选）">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="serviceType" label="服务类型" rules={[{ required: true, message: '请选择服务类型' }]}>
              <Select aria-label="服务类型" options={r.serviceTypes.map((t) => ({ value: t.code, label: t.name }))} placeholder="选择服务类型" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="minLevel" label="资质等级要求" extra={serviceType ? `${r.serviceTypes.find((t) => t.code === serviceType)?.name ?? ''}资质，所选等级及以上` : undefined}>
              <Radio.Group optionType="button" options={(Object.keys(grades) as Grade[]).map((g) => ({ value: g, label: `${grades[g]}及以上` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="budget"
              label="预算（最高限价，元）"
              rules={[
                { required: true, whitespace: true, message: '请填写预算' },
                { validator: (_, v: string | undefined) => (!v?.trim() || wholeYuan(v) !== undefined ? Promise.resolve() : Promise.reject(new Error('请填写以元为单位的整数金额'))) },
              ]}
            >
              <Input inputMode="numeric" maxLength={12} suffix="元" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="method" label="选取方式" extra={method === 'direct' ? `直接委托仅限预算低于 ${yuan(r.directAwardBelowYuan)} 的项目` : method ? `报价不足 ${r.minQuotes} 家即流标` : undefined}>
          <Radio.Group optionType="button" options={(Object.keys(methods) as Method[]).map((m) => ({ value: m, label: methods[m] }))} />
        </Form.Item>
        {method === 'direct' ? (
          <Form.Item name="directIntermediaryId" label="委托机构" rules={[{ required: true, message: '请选择委托机构' }]}>
            <Select
              aria-label="委托机构"
              loading={direct.loading}
              options={(direct.data ?? []).filter((i) => i.barred === null && (!serviceType || i.serviceTypes.includes(serviceType))).map((i) => ({ value: i.intermediaryId, label: `${i.name}（信用 ${i.trust.score}）` }))}
            />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="quoteDeadline" label="报价截止日" rules={[{ required: true, message: '请选择报价截止日' }]} extra={`工作日，发布后至少 ${r.minQuoteWorkingDays} 个工作日；当天下班时截止`}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => (working.data ? !working.data(d.format('YYYY-MM-DD')) : weekend(d)) || d.format('YYYY-MM-DD') <= countyToday()} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="servicePeriodDays"
              label="服务期限（天）"
              rules={[
                { required: true, message: '请填写服务期限' },
                { pattern: /^\d{1,4}$/, message: '请填写天数' },
                { validator: (_, v: string | undefined) => (!v || (Number(v) >= 1 && Number(v) <= 1000) ? Promise.resolve() : Promise.reject(new Error('服务期限为 1 至 1000 天'))) },
              ]}
            >
              <Input inputMode="numeric" maxLength={4} suffix="天" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="stateFunded" label="资金来源" valuePropName="checked">
              <Checkbox>政府投资项目</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {problem ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={problem} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存草稿
          </Button>
          <Typography.Text type="secondary">保存后在项目页发布公告。</Typography.Text>
        </Space>
      </Form>
    </Panel>
  );
}
