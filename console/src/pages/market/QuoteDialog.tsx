import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiProblem, settled } from '../../api/client.ts';
import { localDateTime } from '../../lib/dates.ts';
import { quote } from './api.ts';
import { grades, methods, wholeYuan, yuan, type MarketProject, type Quote } from './model.ts';

interface Values {
  amount: string;
  servicePeriodDays: string;
}

/**
 * 报价: the amount (whole yuan, within the budget) and the service period (within the project's). Sealed
 * until the deadline; quoting again before it replaces the quote, the last one counts.
 */
export default function QuoteDialog({ project, mine, onDone, onCancel }: { project: MarketProject; mine: Quote | undefined; onDone: (updated: MarketProject) => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const key = useRef<string | undefined>(undefined);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    key.current ??= crypto.randomUUID();
    try {
      const updated = await quote(project.projectId, { amount: wholeYuan(values.amount)!, servicePeriodDays: Number(values.servicePeriodDays) }, { key: key.current });
      key.current = undefined;
      onDone(updated);
    } catch (error) {
      if (settled(error)) key.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.status === 409 ? '报价已截止，或项目已不在公告中。' : error.status === 422 ? '本机构当前不符合此项目的报价条件（资格、资质或信用评分），请刷新后查看原因。' : error.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`${mine ? '修改报价' : '报价'} · ${project.title}`} okText={mine ? '提交新报价' : '提交报价'} cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden width={560}>
      <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 120 } }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="项目编号">{project.projectNo}</Descriptions.Item>
        <Descriptions.Item label="预算（最高限价）">{yuan(project.budget)}</Descriptions.Item>
        <Descriptions.Item label="选取方式">{methods[project.method]}</Descriptions.Item>
        <Descriptions.Item label="资质要求">
          {project.serviceTypeName} {grades[project.qualification.minLevel]}及以上
        </Descriptions.Item>
        <Descriptions.Item label="报价截止">{localDateTime(project.quotesCloseAt)}</Descriptions.Item>
        {mine ? (
          <Descriptions.Item label="当前报价">
            {yuan(mine.amount)}，服务期 {mine.servicePeriodDays} 天（{localDateTime(mine.submittedAt)}）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Form<Values>
        form={form}
        name="quote"
        aria-label="报价"
        layout="vertical"
        disabled={saving}
        onFinish={(values) => void submit(values)}
        initialValues={{ amount: mine ? String(mine.amount) : '', servicePeriodDays: String(mine?.servicePeriodDays ?? project.servicePeriodDays) }}
      >
        <Form.Item
          name="amount"
          label="报价金额（元）"
          rules={[
            { required: true, whitespace: true, message: '请填写报价金额' },
            {
              validator: (_, v: string | undefined) => {
                const n = wholeYuan(v);
                if (!v?.trim()) return Promise.resolve();
                if (n === undefined) return Promise.reject(new Error('请填写以元为单位的整数金额'));
                return n > project.budget ? Promise.reject(new Error(`报价不能超过预算 ${yuan(project.budget)}`)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoFocus inputMode="numeric" maxLength={12} suffix="元" placeholder={`不超过 ${project.budget}`} />
        </Form.Item>
        <Form.Item
          name="servicePeriodDays"
          label="服务期限（天）"
          rules={[
            { required: true, message: '请填写服务期限' },
            { validator: (_, v: string | undefined) => (!v || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= project.servicePeriodDays) ? Promise.resolve() : Promise.reject(new Error(`服务期限为 1 至 ${project.servicePeriodDays} 天`))) },
          ]}
        >
          <Input inputMode="numeric" maxLength={4} suffix="天" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: problem ? 12 : 0 }}>
        报价在截止前密封，其他机构和业主都看不到；截止前可以修改，以最后一次报价为准。
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
    </Modal>
  );
}
