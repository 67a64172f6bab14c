import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { chineseDate, countyToday, localDateTime } from '../../lib/dates.ts';
import { complete, contract, evaluate, publish, select } from './api.ts';
import { byAmount, evaluationScore, methods, ownerNext, yuan, type MarketProject } from './model.ts';

/** Runs one command of the page, says so when it is done, and keeps the refusal to show in Chinese. */
export function useCommand(onDone: (updated: MarketProject) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const run = async (call: () => Promise<MarketProject>, done: string, explain?: (e: ApiProblem) => string | undefined) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const updated = await call();
      message.success(done);
      onDone(updated);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(explain?.(error) ?? error.message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

/** The publish refusal the county's rule gives: a deadline on a rest day, or too few working days before it. */
const tooSoon = (e: ApiProblem) => {
  const m = /leaves (\d+) working days.*at least (\d+)/.exec(e.shown.detail ?? '');
  if (m) return `报价截止日距今只有 ${m[1]} 个工作日，至少需要 ${m[2]} 个：请选一个更晚的截止日再发布。`;
  return /is not a working day/.test(e.shown.detail ?? '') ? '报价截止日不是工作日：请另选一天。' : undefined;
};

const marks = [
  ['quality', '服务质量'],
  ['timeliness', '服务时效'],
  ['attitude', '服务态度'],
  ['feeCompliance', '收费规范'],
] as const;
type Marks = Record<(typeof marks)[number][0], number>;

/**
 * The owner's next step on its project (an administrator may take it for the owner): publish the
 * draft; select once quoting has closed (comprehensive scoring: the panel's score of every quote);
 * after the publicity period the contract, the completed service and the evaluation.
 */
export function OwnerActions({ project, onDone }: { project: MarketProject; onDone: (updated: MarketProject) => void }) {
  const { busy, problem, run } = useCommand(onDone);
  // The evaluation's form, watched for its score. Each step's form has its own key: one step's values never carry into the next.
  const [form] = Form.useForm();
  const next = ownerNext(project);
  const id = project.projectId;
  const today = countyToday();
  const watched = Form.useWatch([], form) as Partial<Marks> | undefined;
  // A draft that waited too long is published with a later deadline.
  const [deadline, setDeadline] = useState<Dayjs>();
  if (next === null) return null;
  let body: ReactNode;
  if ('waiting' in next) {
    body =
      next.waiting === 'quoting' ? (
        <Typography.Text>报价截止（{localDateTime(project.quotesCloseAt)}）后，按{methods[project.method]}确定中选机构。</Typography.Text>
      ) : (
        <Typography.Text>结果公示至 {localDateTime(project.publicity?.endsAt)}，期间中介机构可提出异议；公示期满后成交，即可签订合同。</Typography.Text>
      );
  } else if (next.step === 'publish') {
    const chosen = deadline?.format('YYYY-MM-DD') ?? project.quoteDeadline;
    body = (
      <Space wrap>
        <DatePicker
          aria-label="报价截止日"
          allowClear={false}
          value={deadline ?? dayjs(project.quoteDeadline)}
          onChange={(d: Dayjs | null) => setDeadline(d ?? undefined)}
          disabledDate={(d) => d.format('YYYY-MM-DD') <= today}
        />
        <Popconfirm
          title="发布公告？"
          description={`发布后开始报价，截止日 ${chineseDate(chosen)}；发布后不能修改需求。`}
          okText="发布"
          cancelText="取消"
          onConfirm={() => void run(() => publish(id, chosen === project.quoteDeadline ? undefined : chosen), '公告已发布，开始报价', tooSoon)}
        >
          <Button type="primary" loading={busy}>
            发布公告
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">当前为草稿，中介机构看不到。</Typography.Text>
      </Space>
    );
  } else if (next.step === 'select') {
    const quotes = byAmount(project.quotes);
    const scored = project.method === 'comprehensive';
    body = (
      <Form
        key="select"
        name="select"
        aria-label="确定中选机构"
        layout="inline"
        disabled={busy}
        onFinish={(v: Record<string, string>) =>
          void run(
            () => select(id, scored ? { scores: Object.fromEntries(quotes.map((q) => [q.intermediaryId, Number(v[q.intermediaryId])])) } : {}),
            '已确定中选机构，结果进入公示',
            (e) => (e.status === 422 || e.status === 400 ? '请为每个符合条件的报价打分（0–100）。' : undefined),
          )
        }
      >
        {scored
          ? quotes.map((q) => (
              <Form.Item key={q.intermediaryId} name={q.intermediaryId} label={`${q.intermediaryName}（${yuan(q.amount)}）评分`} rules={[{ required: true, message: '请打分' }, { pattern: /^(100|\d{1,2})(\.\d)?$/, message: '0–100' }]}>
                <Input inputMode="decimal" style={{ width: 90 }} maxLength={5} />
              </Form.Item>
            ))
          : null}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {project.method === 'random-draw' ? '随机抽取中选机构' : project.method === 'comprehensive' ? '按评分确定中选机构' : project.method === 'direct' ? '确定委托' : '按最低价确定中选机构'}
          </Button>
        </Form.Item>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          报价已截止，共 {project.quoteCount ?? quotes.length} 家报价。
        </Typography.Text>
      </Form>
    );
  } else if (next.step === 'contract') {
    body = (
      <Form
        key="contract"
        name="contract"
        aria-label="签订合同"
        layout="inline"
        disabled={busy}
        initialValues={{ signedDate: dayjs(today) }}
        onFinish={(v: { contractNo: string; signedDate: Dayjs }) => void run(() => contract(id, { contractNo: v.contractNo.trim(), signedDate: v.signedDate.format('YYYY-MM-DD') }), '合同已登记')}
      >
        <Form.Item name="contractNo" label="合同编号" rules={[{ required: true, whitespace: true, message: '请填写合同编号' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="signedDate" label="签订日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < (project.awardedDate ?? '')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记合同
          </Button>
        </Form.Item>
      </Form>
    );
  } else if (next.step === 'complete') {
    body = (
      <Form
        key="complete"
        name="complete"
        aria-label="服务完成"
        layout="inline"
        disabled={busy}
        initialValues={{ completedDate: dayjs(today) }}
        onFinish={(v: { completedDate: Dayjs }) => void run(() => complete(id, { completedDate: v.completedDate.format('YYYY-MM-DD') }), '已登记服务完成')}
      >
        <Form.Item name="completedDate" label="完成日期" rules={[{ required: true, message: '请选择日期' }]} extra={project.contract ? `合同约定 ${chineseDate(project.contract.dueDate)} 前完成` : undefined}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < (project.contract?.signedDate ?? '')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记服务完成
          </Button>
        </Form.Item>
      </Form>
    );
  } else {
    const all = marks.every(([k]) => typeof watched?.[k] === 'number');
    body = (
      <Form
        form={form}
        key="evaluate"
        name="evaluate"
        aria-label="服务评价"
        layout="vertical"
        disabled={busy}
        onFinish={(v: Marks & { comment?: string }) =>
          void run(() => evaluate(id, { quality: v.quality, timeliness: v.timeliness, attitude: v.attitude, feeCompliance: v.feeCompliance, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) }), '评价已提交')
        }
      >
        {marks.map(([k, label]) => (
          <Form.Item key={k} name={k} label={label} rules={[{ required: true, message: `请为${label}评分` }]}>
            <Radio.Group aria-label={label} optionType="button" options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} 分` }))} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label="评价意见（可选）">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交评价
          </Button>
          <Typography.Text type="secondary" data-testid="evaluation-preview">
            {all ? `综合得分 ${evaluationScore(watched as Marks)}（四项平均 × 20），计入该机构的信用评分` : '每项 1–5 分，综合得分计入该机构的信用评分'}
          </Typography.Text>
        </Space>
      </Form>
    );
  }
  return (
    <Space vertical size="small" style={{ width: '100%' }}>
      {body}
      {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
    </Space>
  );
}
