import { Alert, Col, DatePicker, Row, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { chineseDate, countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { readStats } from './api.ts';
import { yuan } from './model.ts';

/** The market's figures for a period (中介超市统计), this month so far at first: projects, money awarded and saved, by service type. */
export default function MarketStats() {
  const today = countyToday();
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 8)}01`, today]);
  const stats = useLoad(() => readStats(range[0], range[1]), range);
  const s = stats.data;
  const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span id="market-period">统计期间</span>
        <DatePicker.RangePicker
          aria-labelledby="market-period"
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
      </Space>
      {stats.error ? <Alert type="error" showIcon title={`统计读取失败：${stats.error}`} /> : null}
      <Panel title={`${chineseDate(range[0])} 至 ${chineseDate(range[1])}`} aria-label="中介超市统计" loading={!s && !stats.error}>
        {s ? (
          <Space vertical size="large" style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['发布项目', `${s.published} 个`],
                  ['成交', `${s.concluded} 个`],
                  ['流标', `${s.failed} 个`],
                  ['预算总额', yuan(s.budgetTotal)],
                  ['成交总额', yuan(s.awardedTotal)],
                  ['节约资金', `${yuan(s.savings)}（${rate(s.savingsRate)}）`],
                  ['可竞价机构', `${s.activeIntermediaries} 家`],
                ] as const
              ).map(([title, value]) => (
                <Col key={title} xs={12} md={8} xl={6} xxl={3}>
                  <Statistic title={title} value={value} />
                </Col>
              ))}
            </Row>
            <DataTable
              label="按服务类型"
              rows={s.byServiceType}
              rowKey={(r) => r.serviceType}
              empty="本期没有项目"
              columns={[
                { title: '服务类型', render: (r) => r.name },
                { title: '发布', nowrap: true, render: (r) => r.published },
                { title: '成交', nowrap: true, render: (r) => r.concluded },
                { title: '流标', nowrap: true, render: (r) => r.failed },
                { title: '预算', nowrap: true, render: (r) => yuan(r.budgetTotal) },
                { title: '成交金额', nowrap: true, render: (r) => yuan(r.awardedTotal) },
                { title: '节约', nowrap: true, render: (r) => `${yuan(r.savings)}（${rate(r.savingsRate)}）` },
              ]}
            />
          </Space>
        ) : null}
      </Panel>
    </Space>
  );
}
