import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { DataTable } from '../../layout/DataTable.tsx';
import { checkDraw, evidenceOf, exclusionTexts, yuan, type Evidence, type Selection } from './model.ts';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, wordBreak: 'break-all' } as const;

/** Why the winner won (选取依据): the ranking, the scores, or a random draw with everything needed to check it. */
export function SelectionEvidence({ selection, name }: { selection: Selection; name: (id: string) => string }) {
  // Stable while the selection is: the draw's check runs once per selection, not on every render.
  const evidence = useMemo(() => evidenceOf(selection), [selection]);
  return (
    <Space vertical size="small" style={{ width: '100%' }}>
      {!evidence ? <Alert type="warning" showIcon title="选取依据的格式无法识别" /> : <ByMethod evidence={evidence} winner={selection.intermediaryId} name={name} />}
      {selection.excluded.length > 0 ? (
        <Typography.Text type="secondary" data-testid="excluded">
          未参与选取：{selection.excluded.map((x) => `${name(x.intermediaryId)}（${exclusionTexts[x.code]}）`).join('；')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function ByMethod({ evidence, winner, name }: { evidence: Evidence; winner: string; name: (id: string) => string }) {
  const mark = (id: string) => (id === winner ? <Tag color="green">中选</Tag> : null);
  switch (evidence.method) {
    case 'lowest-price':
      return (
        <DataTable
          label="最低价排序"
          rows={evidence.ranking}
          rowKey={(r) => r.intermediaryId}
          empty="没有报价"
          columns={[
            { title: '排名', nowrap: true, render: (_, i) => i + 1 },
            { title: '中介机构', render: (r) => <>{name(r.intermediaryId)} {mark(r.intermediaryId)}</> },
            { title: '报价', nowrap: true, render: (r) => yuan(r.amount) },
          ]}
        />
      );
    case 'comprehensive':
      return (
        <DataTable
          label="综合比选评分"
          rows={evidence.scores}
          rowKey={(r) => r.intermediaryId}
          empty="没有评分"
          columns={[
            { title: '排名', nowrap: true, render: (_, i) => i + 1 },
            { title: '中介机构', render: (r) => <>{name(r.intermediaryId)} {mark(r.intermediaryId)}</> },
            { title: '评分', nowrap: true, render: (r) => r.score },
            { title: '报价', nowrap: true, render: (r) => yuan(r.amount) },
          ]}
        />
      );
    case 'direct':
      return <Typography.Text>直接委托：按发布时指定的机构确定。</Typography.Text>;
    case 'random-draw':
      return <Draw evidence={evidence} name={name} />;
  }
}

/** A random draw's evidence, checked again in this browser (anyone may do the same with any SHA-256 and HMAC tool). */
function Draw({ evidence, name }: { evidence: Extract<Evidence, { method: 'random-draw' }>; name: (id: string) => string }) {
  const [checked, setChecked] = useState<Awaited<ReturnType<typeof checkDraw>> | 'unavailable'>();
  useEffect(() => {
    let live = true;
    checkDraw(evidence).then(
      (result) => live && setChecked(result),
      () => live && setChecked('unavailable'),
    );
    return () => {
      live = false;
    };
  }, [evidence]);
  const ok = checked && checked !== 'unavailable' && checked.commitment && checked.digest && checked.index;
  return (
    <Space vertical size="small" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 160 } }}>
        <Descriptions.Item label="密钥承诺（发布时公开）">
          <span style={mono}>{evidence.commitment}</span>
        </Descriptions.Item>
        <Descriptions.Item label="抽取密钥（选取时公开）">
          <span style={mono}>{evidence.key}</span>
        </Descriptions.Item>
        <Descriptions.Item label="消息">
          <span style={mono}>{evidence.message}</span>
        </Descriptions.Item>
        <Descriptions.Item label="摘要 HMAC-SHA-256">
          <span style={mono}>{evidence.digest}</span>
        </Descriptions.Item>
        <Descriptions.Item label="候选机构（按编号排序）">
          <ol start={0} style={{ margin: 0, paddingInlineStart: 28 }}>
            {evidence.candidates.map((id, i) => (
              <li key={id}>
                {name(id)}（{id}）{i === evidence.index ? <Tag color="green">中选</Tag> : null}
              </li>
            ))}
          </ol>
        </Descriptions.Item>
        <Descriptions.Item label="抽中序号">
          摘要 mod {evidence.candidates.length} = {evidence.index}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
        任何人都可以核验：抽取密钥的 SHA-256 应等于发布公告时公开的密钥承诺；以密钥对消息计算 HMAC-SHA-256 应得到上述摘要；摘要作为整数除以候选机构数的余数，就是中选机构在候选名单中的序号（从 0 起）。
      </Typography.Paragraph>
      {checked === undefined ? null : checked === 'unavailable' ? (
        <Alert type="info" showIcon title="此浏览器无法自动核验，请用其他工具按上述方法核验。" />
      ) : (
        <Alert
          type={ok ? 'success' : 'error'}
          showIcon
          data-testid="draw-check"
          title={ok ? '本浏览器已核验：密钥与承诺一致，摘要与序号无误。' : `核验不一致：${[!checked.commitment && '密钥与承诺', !checked.digest && '摘要', !checked.index && '序号'].filter(Boolean).join('、')}不符。`}
        />
      )}
    </Space>
  );
}
