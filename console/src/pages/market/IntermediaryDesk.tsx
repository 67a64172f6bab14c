import { Alert, App, Button, Col, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { now } from '../../lib/clock.ts';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readIntermediary, readProjects, readRules } from './api.ts';
import { withOwnAnswer, barredText, grades, intermediaryStatus, methods, myQuotes, quoteChance, quoteResults, standing, yuan, type Intermediary, type MarketProject } from './model.ts';
import { ProjectCell, Qualifications, StatusTag, TrustPanel, typeNamer } from './parts.tsx';

// The forms load when first opened: most days an intermediary only looks.
const QuoteDialog = lazy(() => import('./QuoteDialog.tsx'));
const RegisterForm = lazy(() => import('./RegisterForm.tsx'));

/**
 * 中介超市 for an intermediary: the announcements open for quoting, each with whether it may quote and
 * why not; its quotes and how they came out; its trust score with the facts behind it. An account
 * whose intermediary is not registered yet registers it here first.
 */
export default function IntermediaryDesk() {
  const id = currentSession()!.intermediaryId;
  if (!id) return <Alert type="error" showIcon title="此账号没有绑定中介机构" description="请联系系统管理员为账号设置机构编号（custom:intermediaryId）。" />;
  return <Desk id={id} />;
}

function Desk({ id }: { id: string }) {
  const { message } = App.useApp();
  const me = useLoad(() => readIntermediary(id), [id]);
  const projects = useLoad(readProjects, []);
  const rules = useLoad(readRules, []);
  const [quoting, setQuoting] = useState<MarketProject>();
  // The answers this desk's quotes got, by project: the list from the views may not show them yet.
  const [answered, setAnswered] = useState<ReadonlyMap<string, MarketProject>>(new Map());
  const typeName = typeNamer(rules.data);

  if (me.problem?.status === 404)
    return (
      <Suspense fallback={<Panel loading />}>
        <RegisterForm id={id} rules={rules.data} onDone={me.reload} />
      </Suspense>
    );
  if (me.error && !me.data) return <Alert type="error" showIcon title={`机构信息读取失败：${me.error}`} />;
  const self = me.data;
  const at = now().toISOString();
  const all = (projects.data ?? []).map((p) => withOwnAnswer(p, answered.get(p.projectId), id));
  const open = all.filter((p) => p.status === 'published' && p.sealed);
  const mine = myQuotes(all, id);
  const barred = self ? barredText(self) : null;
  const refresh = () => {
    me.reload();
    projects.reload();
  };

  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          中介超市 · {self?.name ?? id}
          {self ? (
            <Tag color={intermediaryStatus[self.status].color} style={{ marginLeft: 12, verticalAlign: 'middle' }} data-testid="intermediary-status">
              {intermediaryStatus[self.status].label}
            </Tag>
          ) : null}
        </Typography.Title>
        <Button onClick={refresh} loading={(me.loading || projects.loading) && !!self}>
          刷新
        </Button>
      </Space>
      {barred ? <Alert type="warning" showIcon title={`暂不能报价：${barred}`} data-testid="barred" /> : null}
      {projects.error ? <Alert type="error" showIcon title={`项目读取失败：${projects.error}`} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space vertical size="middle" style={{ width: '100%' }}>
            <Panel title={`报价中的项目（${open.length}）`} aria-label="报价中的项目">
              <DataTable<MarketProject>
                label="报价中的项目"
                rows={open}
                rowKey={(p) => p.projectId}
                loading={!projects.data && !projects.error}
                empty="目前没有公告中的项目"
                rowData={(p) => ({ 'data-project': p.projectNo })}
                columns={[
                  { title: '项目', render: (p) => <ProjectCell project={p} base="/intermediary" /> },
                  {
                    title: '资质要求',
                    render: (p) => (
                      <>
                        {typeName(p.qualification.type)} {grades[p.qualification.minLevel]}及以上
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                            {methods[p.method]} · 服务期 {p.servicePeriodDays} 天
                          </Typography.Text>
                        </div>
                      </>
                    ),
                  },
                  { title: '预算', nowrap: true, render: (p) => yuan(p.budget) },
                  { title: '报价截止', nowrap: true, render: (p) => localDateTime(p.quotesCloseAt) },
                  { title: '我的报价', nowrap: true, render: (p) => <OwnQuote project={p} id={id} /> },
                  { title: '操作', render: (p) => <QuoteCell project={p} me={self} at={at} typeName={typeName} id={id} onQuote={setQuoting} /> },
                ]}
              />
            </Panel>
            <Panel title={`我的报价与结果（${mine.length}）`} aria-label="我的报价与结果">
              <DataTable
                label="我的报价与结果"
                rows={mine}
                rowKey={(r) => r.project.projectId}
                loading={!projects.data && !projects.error}
                empty="还没有报价"
                rowData={(r) => ({ 'data-project': r.project.projectNo, 'data-result': r.result })}
                columns={[
                  { title: '项目', render: (r) => <ProjectCell project={r.project} base="/intermediary" /> },
                  { title: '项目状态', nowrap: true, render: (r) => <StatusTag status={r.project.status} /> },
                  { title: '我的报价', nowrap: true, render: (r) => `${yuan(r.quote.amount)} · ${r.quote.servicePeriodDays} 天` },
                  {
                    title: '结果',
                    render: (r) => {
                      const winner = standing(r.project);
                      return (
                        <Space size={4} wrap>
                          <Tag color={quoteResults[r.result].color} data-testid="quote-result">
                            {quoteResults[r.result].label}
                          </Tag>
                          {winner && r.result === 'lost' ? (
                            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                              中选 {winner.intermediaryName} {yuan(winner.amount)}
                            </Typography.Text>
                          ) : null}
                          {r.project.quoteCount !== null ? (
                            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                              共 {r.project.quoteCount} 家报价
                            </Typography.Text>
                          ) : null}
                        </Space>
                      );
                    },
                  },
                ]}
              />
            </Panel>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space vertical size="middle" style={{ width: '100%' }}>
            <Panel title="信用评价" aria-label="信用评价" loading={!self}>
              {self ? <TrustPanel me={self} /> : null}
            </Panel>
            <Panel title="资质证书" aria-label="资质证书" loading={!self}>
              {self ? (
                <>
                  <Qualifications me={self} typeName={typeName} />
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
                    入驻日期 {chineseDate(self.registeredDate)}
                    {self.approvedDate ? `，审核通过 ${chineseDate(self.approvedDate)}` : '，等待审核'}
                  </Typography.Paragraph>
                </>
              ) : null}
            </Panel>
          </Space>
        </Col>
      </Row>
      {quoting ? (
        <Suspense fallback={null}>
          <QuoteDialog
            project={quoting}
            mine={quoting.quotes.find((q) => q.intermediaryId === id)}
            onCancel={() => setQuoting(undefined)}
            onDone={(updated) => {
              setQuoting(undefined);
              setAnswered((before) => new Map(before).set(updated.projectId, updated));
              const own = updated.quotes.find((q) => q.intermediaryId === id);
              message.success(`报价已提交：${updated.title}，${own ? yuan(own.amount) : ''}（截止前密封）`);
              projects.reload();
            }}
          />
        </Suspense>
      ) : null}
    </Space>
  );
}

function OwnQuote({ project, id }: { project: MarketProject; id: string }) {
  const own = project.quotes.find((q) => q.intermediaryId === id);
  return own ? <span data-testid="own-quote">{yuan(own.amount)}</span> : <Typography.Text type="secondary">未报价</Typography.Text>;
}

/** 报价 / 修改报价, or why the intermediary may not quote. */
function QuoteCell({ project, me, at, typeName, id, onQuote }: { project: MarketProject; me: Intermediary | undefined; at: string; typeName: (code: string) => string; id: string; onQuote: (p: MarketProject) => void }) {
  const chance = quoteChance(me, project, at, typeName);
  if (!chance.may)
    return (
      <Typography.Text type="secondary" data-testid="why-not">
        {chance.reason}
      </Typography.Text>
    );
  const own = project.quotes.some((q) => q.intermediaryId === id);
  return (
    <Button size="small" type={own ? 'default' : 'primary'} onClick={() => onQuote(project)} aria-label={`${own ? '修改报价' : '报价'} ${project.title}`}>
      {own ? '修改报价' : '报价'}
    </Button>
  );
}
