import { Alert, Button, Empty, Form, Input, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { chineseDate } from '../../lib/dates.ts';
import { object, resolve } from './api.ts';
import type { MarketProject, Objection } from './model.ts';
import { useCommand } from './OwnerActions.tsx';

/** The objections to a result (异议) and their answers; an administrator answers an open one, an intermediary that quoted raises one while the result is publicised. */
export function Objections({ project, name, resolves, raises, onDone }: { project: MarketProject; name: (id: string) => string; resolves: boolean; raises: boolean; onDone: (updated: MarketProject) => void }) {
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      {project.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有异议" />
      ) : (
        <Timeline
          aria-label="异议"
          items={project.objections.map((o) => ({
            key: o.objectionNo,
            color: o.resolution ? (o.resolution.upheld ? 'red' : 'green') : 'orange',
            content: <ObjectionItem project={project} objection={o} name={name} resolves={resolves} onDone={onDone} />,
          }))}
        />
      )}
      {raises ? <RaiseForm project={project} onDone={onDone} /> : null}
    </Space>
  );
}

function ObjectionItem({ project, objection: o, name, resolves, onDone }: { project: MarketProject; objection: Objection; name: (id: string) => string; resolves: boolean; onDone: (updated: MarketProject) => void }) {
  const { busy, problem, run } = useCommand(onDone);
  return (
    <div data-objection={o.objectionNo}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        异议 {o.objectionNo} · {chineseDate(o.raisedDate)} · {o.byRole === 'intermediary' ? name(o.byId) : `管理员代为登记（${o.byId}）`} · 针对第 {o.round} 轮选取结果
      </Typography.Text>
      <Typography.Paragraph style={{ margin: '2px 0', whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
      {o.resolution ? (
        <div>
          <Tag color={o.resolution.upheld ? 'red' : 'green'} data-testid="objection-result">
            {o.resolution.upheld ? '异议成立' : '异议不成立'}
          </Tag>
          <Typography.Text>
            {o.resolution.text}（{chineseDate(o.resolution.resolvedDate)}）
          </Typography.Text>
        </div>
      ) : resolves ? (
        <Form
          name={`resolve-${o.objectionNo}`}
          aria-label={`处理异议 ${o.objectionNo}`}
          layout="vertical"
          disabled={busy}
          style={{ marginTop: 8, maxWidth: 640 }}
          onFinish={(v: { upheld: boolean; resolution: string }) => void run(() => resolve(project.projectId, o.objectionNo, { upheld: v.upheld, resolution: v.resolution.trim() }), v.upheld ? '异议成立，选取结果已撤销，业主可重新选取' : '异议已处理')}
        >
          <Form.Item name="upheld" label="处理结论" rules={[{ required: true, message: '请选择结论' }]}>
            <Radio.Group
              options={[
                { value: false, label: '异议不成立（维持结果）' },
                { value: true, label: '异议成立（撤销中选，该机构扣分）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="resolution" label="处理意见" rules={[{ required: true, whitespace: true, message: '请填写处理意见' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {problem ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} /> : null}
          <Button type="primary" htmlType="submit" loading={busy}>
            提交处理结论
          </Button>
        </Form>
      ) : (
        <Tag color="orange">待处理</Tag>
      )}
    </div>
  );
}

function RaiseForm({ project, onDone }: { project: MarketProject; onDone: (updated: MarketProject) => void }) {
  const { busy, problem, run } = useCommand(onDone);
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Form
      form={form}
      name="objection"
      aria-label="提出异议"
      layout="vertical"
      disabled={busy}
      style={{ maxWidth: 640 }}
      onFinish={(v) => void run(() => object(project.projectId, { text: v.text.trim() }), '异议已提交，等待管理员处理', (e) => (e.status === 409 ? '公示期已结束，不能再提出异议。' : undefined))}
    >
      <Form.Item name="text" label="提出异议（公示期内）" rules={[{ required: true, whitespace: true, message: '请填写异议内容及理由' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="异议的事实与理由" />
      </Form.Item>
      {problem ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} /> : null}
      <Button htmlType="submit" loading={busy}>
        提交异议
      </Button>
    </Form>
  );
}
