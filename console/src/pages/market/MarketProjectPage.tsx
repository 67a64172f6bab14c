import { Alert, App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { now } from '../../lib/clock.ts';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readIntermediary, readProject, readRules } from './api.ts';
import { SelectionEvidence } from './Evidence.tsx';
import { annulReasons, byAmount, failureReasons, grades, mayObject, methods, quoteChance, savingsText, standing, yuan, type MarketProject, type Quote } from './model.ts';
import { Objections } from './Objections.tsx';
import { OwnerActions } from './OwnerActions.tsx';
import { StatusTag, typeNamer } from './parts.tsx';

const QuoteDialog = lazy(() => import('./QuoteDialog.tsx'));

/**
 * A marketplace project (中介服务项目) as its reader may see it: the need; the quotes, sealed until the
 * deadline (an intermediary sees its own), then every one cheapest first; the selection and its
 * evidence, the publicity period and its objections; the contract, the service and its evaluation.
 * The owner (or an administrator) takes the next step here, an intermediary quotes or objects, an
 * administrator answers objections.
 */
export default function MarketProjectPage() {
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const session = currentSession()!;
  const { pathname } = useLocation();
  const base = pathname.startsWith('/intermediary') ? '/intermediary' : pathname.startsWith('/owner') ? '/owner' : '/market';
  const intermediaryId = session.roles.includes('intermediary') ? session.intermediaryId : undefined;
  const [answered, setAnswered] = useState<MarketProject>();
  const [quoting, setQuoting] = useState(false);
  const loaded = useLoad(() => readProject(projectId), [projectId]);
  const rules = useLoad(readRules, []);
  const me = useLoad(() => (intermediaryId ? readIntermediary(intermediaryId) : Promise.resolve(undefined)), [intermediaryId]);
  const project = answered && loaded.data && answered.projectId === loaded.data.projectId && (answered.version ?? 0) > (loaded.data.version ?? 0) ? answered : loaded.data;

  if (loaded.error && !project) {
    const text = loaded.problem?.status === 404 ? '没有这个项目。' : loaded.problem?.status === 403 ? '此项目不属于本单位，无法查看。' : loaded.error;
    return <Alert type="error" showIcon title="项目读取失败" description={text} action={<Button onClick={() => void navigate(base)}>返回</Button>} />;
  }
  if (!project) return <Panel loading />;

  const typeName = typeNamer(rules.data);
  const at = now().toISOString();
  const acts = session.roles.includes('owner') || session.roles.includes('admin');
  const names = new Map(project.quotes.map((q) => [q.intermediaryId, q.intermediaryName]));
  const name = (id: string) => names.get(id) ?? id;
  const winner = standing(project);
  const own = intermediaryId ? project.quotes.find((q) => q.intermediaryId === intermediaryId) : undefined;
  const chance = intermediaryId ? quoteChance(me.data, project, at, typeName) : undefined;
  const onDone = (updated: MarketProject) => {
    setAnswered(updated);
    loaded.reload();
  };

  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      {loaded.error ? <Alert type="warning" showIcon title={`刷新失败，显示的是之前读取的内容：${loaded.error}`} /> : null}
      <Panel
        title={
          <Space wrap>
            <span>{project.title}</span>
            <StatusTag status={project.status} />
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {project.projectNo}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button onClick={loaded.reload} loading={loaded.loading && !!loaded.data}>
              刷新
            </Button>
            <Button onClick={() => void navigate(base)}>返回</Button>
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="业主单位">{project.ownerName}</Descriptions.Item>
          <Descriptions.Item label="服务类型">{project.serviceTypeName}</Descriptions.Item>
          <Descriptions.Item label="资质要求">
            {typeName(project.qualification.type)} {grades[project.qualification.minLevel]}及以上
          </Descriptions.Item>
          <Descriptions.Item label="预算（最高限价）">{yuan(project.budget)}</Descriptions.Item>
          <Descriptions.Item label="选取方式">
            {methods[project.method]}
            {project.directIntermediaryId ? `（${project.directIntermediaryId}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="服务期限">{project.servicePeriodDays} 天</Descriptions.Item>
          <Descriptions.Item label="报价截止">{project.quotesCloseAt ? localDateTime(project.quotesCloseAt) : `${chineseDate(project.quoteDeadline)}（下班时）`}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{project.publishedDate ? chineseDate(project.publishedDate) : <Typography.Text type="secondary">未发布（草稿）</Typography.Text>}</Descriptions.Item>
          <Descriptions.Item label="资金来源">{project.stateFunded ? '政府投资' : '其他'}</Descriptions.Item>
          {project.description ? (
            <Descriptions.Item label="服务内容" span="filled">
              <span style={{ whiteSpace: 'pre-wrap' }}>{project.description}</span>
            </Descriptions.Item>
          ) : null}
          {project.drawCommitment ? (
            <Descriptions.Item label="抽取密钥承诺" span="filled">
              <span style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12, wordBreak: 'break-all' }}>{project.drawCommitment}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Panel>

      {acts && project.status !== 'failed' && project.status !== 'evaluated' ? (
        <Panel title="下一步" aria-label="下一步">
          <OwnerActions project={project} onDone={onDone} />
        </Panel>
      ) : null}

      {intermediaryId && project.status === 'published' && project.sealed ? (
        <Panel title="本机构报价" aria-label="本机构报价">
          <Space wrap>
            {own ? (
              <Typography.Text data-testid="own-quote">
                当前报价 {yuan(own.amount)}，服务期 {own.servicePeriodDays} 天（{localDateTime(own.submittedAt)} 提交）
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">尚未报价</Typography.Text>
            )}
            {chance?.may ? (
              <Button type="primary" onClick={() => setQuoting(true)}>
                {own ? '修改报价' : '报价'}
              </Button>
            ) : chance ? (
              <Typography.Text type="warning" data-testid="why-not">
                不能报价：{chance.reason}
              </Typography.Text>
            ) : null}
          </Space>
        </Panel>
      ) : null}

      <Panel title={project.sealed ? '报价（密封中）' : `报价（${project.quoteCount ?? project.quotes.length} 家）`} aria-label="报价">
        {project.status === 'draft' ? (
          <Typography.Text type="secondary">项目尚未发布。</Typography.Text>
        ) : project.sealed ? (
          <Alert
            type="info"
            showIcon
            data-testid="sealed"
            title={`报价密封至 ${localDateTime(project.quotesCloseAt)}`}
            description={intermediaryId ? '截止前任何人都看不到其他机构的报价和报价家数，本机构只能看到自己的报价。' : '截止前任何人（包括业主和管理员）都看不到报价金额和报价家数。'}
          />
        ) : (
          <QuoteTable quotes={project.quotes} winner={winner?.intermediaryId} budget={project.budget} />
        )}
        {project.failure ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="failure"
            title={`流标：${failureReasons[project.failure.reason]}（${project.failure.quotes} 家报价，至少需要 ${project.failure.minimum} 家），${chineseDate(project.failure.failedDate)}`}
          />
        ) : null}
      </Panel>

      {project.selections.length > 0 ? (
        <Panel title="选取结果" aria-label="选取结果">
          <Space vertical size="large" style={{ width: '100%' }}>
            {[...project.selections].reverse().map((s) => (
              <section key={s.round} data-round={s.round} aria-label={`第 ${s.round} 轮选取`}>
                <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} styles={{ label: { whiteSpace: 'nowrap' } }} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label="中选机构">
                    <span data-testid="winner">{s.intermediaryName}</span>
                    {s.annulled ? (
                      <Tag color="red" style={{ marginLeft: 8 }}>
                        已撤销（{annulReasons[s.annulled.reason]}，{chineseDate(s.annulled.date)}）
                      </Tag>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label="中选金额">
                    <span data-testid="award">{yuan(s.amount)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="节约资金">
                    <span data-testid="savings">{savingsText(project.budget, s.amount)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="选取日期">
                    {chineseDate(s.selectedDate)}（第 {s.round} 轮，{methods[s.method]}）
                  </Descriptions.Item>
                </Descriptions>
                <SelectionEvidence selection={s} name={name} />
              </section>
            ))}
          </Space>
        </Panel>
      ) : null}

      {project.selections.length > 0 ? (
        <Panel title="结果公示与异议" aria-label="结果公示与异议">
          <Typography.Paragraph data-testid="publicity">
            {project.publicity
              ? `公示期 ${chineseDate(project.publicity.from)} 至 ${chineseDate(project.publicity.until)}（${localDateTime(project.publicity.endsAt)} 结束）${project.status === 'publicised' ? '，公示中' : ''}`
              : project.awardedDate
                ? `公示期满，${chineseDate(project.awardedDate)} 成交。`
                : '选取结果已撤销，等待业主重新选取。'}
          </Typography.Paragraph>
          <Objections project={project} name={name} resolves={session.roles.includes('admin')} raises={!!intermediaryId && mayObject(project, intermediaryId, at)} onDone={onDone} />
        </Panel>
      ) : null}

      {project.contract ? (
        <Panel title="合同与服务" aria-label="合同与服务">
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="合同编号">{project.contract.contractNo}</Descriptions.Item>
            <Descriptions.Item label="合同金额">{yuan(project.contract.amount)}</Descriptions.Item>
            <Descriptions.Item label="签订日期">{chineseDate(project.contract.signedDate)}</Descriptions.Item>
            <Descriptions.Item label="约定完成">{chineseDate(project.contract.dueDate)}</Descriptions.Item>
            {project.completion ? (
              <Descriptions.Item label="实际完成">
                {chineseDate(project.completion.completedDate)}
                {project.completion.daysLate > 0 ? <Typography.Text type="danger">（逾期 {project.completion.daysLate} 天）</Typography.Text> : '（按期）'}
              </Descriptions.Item>
            ) : null}
            {project.evaluation ? (
              <Descriptions.Item label="服务评价" span="filled">
                <span data-testid="evaluation">
                  综合 {project.evaluation.score} 分（质量 {project.evaluation.quality}、时效 {project.evaluation.timeliness}、态度 {project.evaluation.attitude}、收费 {project.evaluation.feeCompliance}）
                </span>
                {project.evaluation.comment ? `：${project.evaluation.comment}` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Panel>
      ) : null}

      {quoting ? (
        <Suspense fallback={null}>
          <QuoteDialog
            project={project}
            mine={own}
            onCancel={() => setQuoting(false)}
            onDone={(updated) => {
              setQuoting(false);
              message.success('报价已提交（截止前密封）');
              onDone(updated);
            }}
          />
        </Suspense>
      ) : null}
    </Space>
  );
}

/** Every intermediary's last quote, cheapest first, the winner marked. */
function QuoteTable({ quotes, winner, budget }: { quotes: Quote[]; winner: string | undefined; budget: number }) {
  return (
    <DataTable<Quote>
      label="报价"
      rows={byAmount(quotes)}
      rowKey={(q) => q.intermediaryId}
      empty="没有报价"
      rowData={(q) => ({ 'data-intermediary': q.intermediaryId })}
      rowStyle={(q) => (q.intermediaryId === winner ? { background: '#f6ffed' } : undefined)}
      columns={[
        { title: '序号', nowrap: true, render: (_, i) => i + 1 },
        { title: '中介机构', render: (q) => <>{q.intermediaryName} {q.intermediaryId === winner ? <Tag color="green">中选</Tag> : null}</> },
        { title: '报价', nowrap: true, render: (q) => <span data-testid="amount">{yuan(q.amount)}</span> },
        { title: '低于预算', nowrap: true, render: (q) => savingsText(budget, q.amount) },
        { title: '服务期', nowrap: true, render: (q) => `${q.servicePeriodDays} 天` },
        { title: '资质等级', nowrap: true, render: (q) => grades[q.grade] },
        { title: '报价时间', nowrap: true, render: (q) => localDateTime(q.submittedAt) },
      ]}
    />
  );
}
