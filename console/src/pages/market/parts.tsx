import { Descriptions, Empty, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DataTable } from '../../layout/DataTable.tsx';
import { chineseDate, localDateTime } from '../../lib/dates.ts';
import { factKinds, failureReasons, grades, methods, projectStatus, savingsText, standing, yuan, type Intermediary, type MarketProject, type MarketRules, type TrustFact } from './model.ts';

/** What the marketplace pages share: the status tag, service types' names, a project's link, the trust score with its facts. */

export const StatusTag = ({ status }: { status: MarketProject['status'] }) => (
  <Tag color={projectStatus[status].color} data-testid="project-status" style={{ marginInlineEnd: 0 }}>
    {projectStatus[status].label}
  </Tag>
);

/** A service type's name from the county's list (its code while the list loads, or for a code the list no longer has). */
export const typeNamer =
  (rules: MarketRules | undefined) =>
  (code: string): string =>
    rules?.serviceTypes.find((t) => t.code === code)?.name ?? code;

/** Where a project opens for each role: its page under the role's own pages. */
export const projectLink = (base: '/intermediary' | '/owner' | '/market', projectId: string) => `${base}/projects/${projectId}`;

export function ProjectCell({ project, base }: { project: MarketProject; base: '/intermediary' | '/owner' | '/market' }) {
  return (
    <>
      <Link to={projectLink(base, project.projectId)}>{project.title}</Link>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {project.projectNo} · {project.ownerName}
        </Typography.Text>
      </div>
    </>
  );
}

/** The trust score (信用评价) and every fact it counts: evaluations, and penalties within their year. */
export function TrustPanel({ me }: { me: Intermediary }) {
  const t = me.trust;
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Progress type="dashboard" size={96} percent={t.score} format={() => <span data-testid="trust-score">{t.score}</span>} status={t.score < t.floor ? 'exception' : 'normal'} aria-label={`信用评分 ${t.score}`} />
        <Descriptions size="small" column={1} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="评价得分">
            {t.evaluationScore}（{t.evaluations} 次评价）
          </Descriptions.Item>
          <Descriptions.Item label="扣分">{t.penaltyPoints} 分</Descriptions.Item>
          <Descriptions.Item label="不合格评价">{t.badEvaluations} 次</Descriptions.Item>
          <Descriptions.Item label="报价门槛">{t.floor} 分</Descriptions.Item>
        </Descriptions>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        新入驻机构从初始分起算；业主的每次评价计入（时间越久权重越低），放弃中选、异议成立、逾期完成各扣分一年。
      </Typography.Text>
      {me.facts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有评价或扣分记录" />
      ) : (
        <DataTable<TrustFact>
          label="信用记录"
          rows={[...me.facts].reverse()}
          rowKey={(f) => `${f.projectId}/${f.kind}/${f.date}`}
          empty="还没有记录"
          rowData={(f) => ({ 'data-kind': f.kind })}
          columns={[
            { title: '日期', nowrap: true, render: (f) => chineseDate(f.date) },
            { title: '事项', nowrap: true, render: (f) => factKinds[f.kind] },
            { title: '项目', nowrap: true, render: (f) => f.projectNo },
            { title: '分值', nowrap: true, render: (f) => (f.kind === 'evaluation' ? `${f.score} 分` : <Typography.Text type="danger">−{f.points}</Typography.Text>) },
          ]}
        />
      )}
    </Space>
  );
}

/** The certificates an intermediary holds (资质证书). */
export function Qualifications({ me, typeName }: { me: Intermediary; typeName: (code: string) => string }) {
  return (
    <DataTable
      label="资质证书"
      rows={me.qualifications}
      rowKey={(q) => q.type}
      empty="没有资质证书"
      columns={[
        { title: '服务类型', render: (q) => typeName(q.type) },
        { title: '等级', nowrap: true, render: (q) => grades[q.grade] },
        { title: '证书编号', render: (q) => q.certificateNo },
        { title: '有效期至', nowrap: true, render: (q) => chineseDate(q.expires) },
      ]}
    />
  );
}

/** Projects as owners and administrators list them: the need, the method, where it stands, the award and what it saved. */
export function ProjectTable({ projects, base, loading, empty }: { projects: MarketProject[]; base: '/owner' | '/market'; loading: boolean; empty: string }) {
  return (
    <DataTable<MarketProject>
      label="项目"
      rows={projects}
      rowKey={(p) => p.projectId}
      loading={loading}
      empty={empty}
      rowData={(p) => ({ 'data-project': p.projectNo, 'data-status': p.status })}
      columns={[
        { title: '项目', render: (p) => <ProjectCell project={p} base={base} /> },
        { title: '服务类型', nowrap: true, render: (p) => p.serviceTypeName },
        { title: '预算', nowrap: true, render: (p) => yuan(p.budget) },
        { title: '选取方式', nowrap: true, render: (p) => methods[p.method] },
        { title: '状态', nowrap: true, render: (p) => <StatusTag status={p.status} /> },
        { title: '报价截止', nowrap: true, render: (p) => (p.quotesCloseAt ? localDateTime(p.quotesCloseAt) : chineseDate(p.quoteDeadline)) },
        {
          title: '结果',
          render: (p) => {
            const winner = standing(p);
            if (p.failure) return <Typography.Text type="danger">流标（{failureReasons[p.failure.reason]}）</Typography.Text>;
            if (!winner) return p.quoteCount !== null ? `${p.quoteCount} 家报价` : <Typography.Text type="secondary">—</Typography.Text>;
            return (
              <>
                <div>
                  {winner.intermediaryName} {yuan(winner.amount)}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  节约 {savingsText(p.budget, winner.amount)}
                </Typography.Text>
              </>
            );
          },
        },
      ]}
    />
  );
}
