import { Alert, Button, Radio, Space, Typography } from 'antd';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { readSites } from './api.ts';
import { chineseMonth, levelNames, points, rate, signed, siteName, tierColours, type SiteLevel, type SiteRow } from './model.ts';
import { CsvButton, DeductionList, DeductionToggle, Figure, TierSummary, TierTag, useExpanded } from './parts.tsx';

/**
 * 乡镇考核: each township service center's month with its village points rolled up, or each village
 * point alone — applications taken, forwarding on time, satisfaction, callback reach, the center's
 * on-site inspections — ranked, with the tier and every deduction's record.
 */
export function SiteSheet({ month, level, onLevel }: { month: string; level: SiteLevel; onLevel: (level: SiteLevel) => void }) {
  const sheet = useLoad(() => readSites(month, level), [month, level]);
  const rows = sheet.data?.level === level ? sheet.data.sites : [];
  const colours = tierColours(rows);
  const { isOpen, toggle } = useExpanded();
  const unit = level === 'township' ? '个乡镇（街道）' : '个村级代办点';
  return (
    <Panel
      aria-label="乡镇考核"
      title={
        <Space wrap>
          <span>{`${chineseMonth(month)}乡镇考核（${rows.length} ${unit}）`}</span>
          <Radio.Group
            aria-label="考核层级"
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={level}
            onChange={(e) => onLevel(e.target.value as SiteLevel)}
            options={(Object.keys(levelNames) as SiteLevel[]).map((l) => ({ value: l, label: levelNames[l] }))}
          />
        </Space>
      }
      extra={
        <Space>
          <TierSummary rows={rows} />
          <Button onClick={sheet.reload} loading={sheet.loading && !!sheet.data}>
            刷新
          </Button>
          <CsvButton sheet="sites" month={month} level={level} />
        </Space>
      }
    >
      {sheet.error ? <Alert type="error" showIcon title={`读取失败：${sheet.error}`} style={{ marginBottom: 12 }} /> : null}
      <DataTable<SiteRow>
        label="乡镇考核"
        rows={rows}
        rowKey={(s) => s.siteId}
        loading={sheet.loading && rows.length === 0 && !sheet.error}
        empty={level === 'township' ? '没有参加考核的乡镇（街道）' : '没有参加考核的村级代办点'}
        rowData={(s) => ({ 'data-site': s.siteId })}
        expanded={(s) => (isOpen(s.siteId) ? <DeductionList label={`扣分明细：${s.name}`} deductions={s.deductions} /> : null)}
        columns={[
          { title: '排名', nowrap: true, width: 64, render: (s) => s.rank },
          { title: '站点', render: (s) => <Figure main={siteName({ name: s.name, level })} sub={level === 'township' && s.sites.length > 1 ? `${s.siteId} · 含 ${s.sites.length - 1} 个村级代办点` : s.siteId} /> },
          { title: '得分', nowrap: true, render: (s) => <Figure main={<Typography.Text strong>{points(s.score)}</Typography.Text>} sub={s.bonus ? `收件量加分 ${signed(s.bonus)}` : undefined} /> },
          { title: '档次', nowrap: true, render: (s) => <TierTag tier={s.tier} colours={colours}>{`（${signed(s.tierPoints)}）`}</TierTag> },
          { title: '收件', nowrap: true, render: (s) => `${s.submitted} 件` },
          { title: '按时上报率', nowrap: true, render: (s) => <Figure main={rate(s.forwardingRate)} sub={`上报 ${s.forwarded} 件 · 按时 ${s.forwardedOnTime} 件`} /> },
          { title: '满意率', nowrap: true, render: (s) => <Figure main={rate(s.satisfactionRate)} sub={`评价 ${s.reviews} · 差评 ${s.badReviews}`} /> },
          { title: '回访接通率', nowrap: true, render: (s) => <Figure main={rate(s.callbackReach)} sub={`回访 ${s.callbackAttempts} · 有效 ${s.validCallbacks}`} /> },
          { title: '实地检查', nowrap: true, render: (s) => `${s.inspections} 次` },
          { title: '扣分', nowrap: true, render: (s) => <DeductionToggle name={s.name} deducted={s.deducted} count={s.deductions.length} open={isOpen(s.siteId)} onToggle={() => toggle(s.siteId)} /> },
        ]}
      />
    </Panel>
  );
}
