import { Alert, Button, DatePicker, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { config } from '../../config.ts';
import { countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { CardGrid } from './CardGrid.tsx';
import { cardFigures } from './cards.ts';
import { loadFigures, loadPlaces, windowsInScope, type Figures, type Places } from './data.ts';
import { periodKindNames, periodKinds, periodLabel, periodOf, previousName, previousPeriod, readQuery, scopeValue, parseScope, writeQuery, type Period, type PeriodKind, type Scope } from './period.ts';
import { Report } from './Report.tsx';
import { departmentNames, departmentLines, windowLines } from './tables.ts';
import { DepartmentTable, WindowTable } from './Tables.tsx';
import './dashboard.css';

// ECharts and the charts come in their own chunk, fetched as the page opens: the cards show first.
const loadCharts = () => import('./Charts.tsx');
const Charts = lazy(loadCharts);

/**
 * The first view's reads start as soon as this chunk arrives, before React has drawn the page (on a
 * county PC that first drawing takes a few hundred milliseconds): the view the address asks for.
 */
const figuresKey = (period: Period, scope: Scope) => JSON.stringify([period.kind, period.from, period.to, scopeValue(scope)]);
let early: { key: string; figures: Promise<Figures> } | undefined = (() => {
  const { period, scope } = readQuery(new URLSearchParams(window.location.search), countyToday());
  const figures = loadFigures(period, scope);
  // A refusal is shown by the page's own read; unawaited here, it must not count as unhandled.
  figures.catch(() => undefined);
  return { key: figuresKey(period, scope), figures };
})();
const earlyPlaces = loadPlaces();
earlyPlaces.catch(() => undefined);

/** The view's figures: the early read once, when it is for this view; afresh otherwise (a reload, another period). */
function figuresOf(period: Period, scope: Scope): Promise<Figures> {
  const taken = early;
  early = undefined;
  return taken?.key === figuresKey(period, scope) ? taken.figures : loadFigures(period, scope);
}
let placesOnce: Promise<Places> | undefined = earlyPlaces;
function placesOf(): Promise<Places> {
  const taken = placesOnce;
  placesOnce = undefined;
  return taken ?? loadPlaces();
}

/** The scope's name for people: 全中心, 窗口 W01 自然资源和规划窗口, a department's or a site's name. */
function scopeName(scope: Scope, places: Places | undefined, departments: Map<string, string>): string {
  switch (scope.kind) {
    case 'all':
      return '全中心';
    case 'window': {
      const w = places?.windows.find((x) => x.id === scope.id);
      return `窗口 ${scope.id}${w ? ` ${w.name}` : ''}`;
    }
    case 'department':
      return departments.get(scope.id) ?? `部门 ${scope.id}`;
    case 'site':
      return places?.sites.find((x) => x.id === scope.id)?.name ?? `站点 ${scope.id}`;
    default: {
      const never: never = scope;
      return String(never);
    }
  }
}

/** The scope picker's choices: the whole center, then each window, department and site of the county. */
function scopeOptions(places: Places | undefined, departments: Map<string, string>) {
  const windows = places?.windows ?? [];
  const departmentIds = (places?.departments ?? []).map((d) => d.id);
  const departmentLabel = (id: string) => departments.get(id) ?? id;
  const levels = { county: '', township: '　', village: '　　' } as const;
  return [
    { value: 'all', label: '全中心' },
    { label: '窗口', title: '窗口', options: windows.map((w) => ({ value: `window:${w.id}`, label: `${w.id} ${w.name}` })) },
    { label: '部门', title: '部门', options: departmentIds.map((id) => ({ value: `department:${id}`, label: departmentLabel(id) })) },
    { label: '站点', title: '站点', options: (places?.sites ?? []).map((s) => ({ value: `site:${s.id}`, label: `${levels[s.level]}${s.name}` })) },
  ];
}

/**
 * The management dashboard (数据看板): the annual report's figures for a period and a scope, each
 * beside the previous period's, the charts behind them, the windows' and departments' tables for
 * Excel, and the period's one-page report for print. Period and scope are in the address, so a
 * link or a reload shows the same view.
 */
export default function Dashboard() {
  const [params, setParams] = useSearchParams();
  const today = countyToday();
  const { period, scope } = useMemo(() => readQuery(params, today), [params, today]);
  const previous = previousPeriod(period);
  useEffect(() => {
    void loadCharts();
  }, []);

  const places = useLoad(placesOf, []);
  const figures = useLoad(() => figuresOf(period, scope), [period.kind, period.from, period.to, scopeValue(scope)]);
  const data: Figures | undefined = figures.data;

  const departments = useMemo(() => new Map([...(data ? departmentNames(data) : []), ...(places.data?.departments ?? []).map((d) => [d.id, d.name] as const)]), [data, places.data]);
  const name = scopeName(scope, places.data, departments);
  const label = periodLabel(period);
  const previousLabel = `${previousName(period)}（${periodLabel(previous)}）`;
  const county = config().county.name;
  const reportTitle = `${county}行政审批服务中心 ${label} 工作数据报告`;
  const queueOfWholeCenter = scope.kind === 'department' || scope.kind === 'site';
  const inScope = useMemo(() => windowsInScope(scope, places.data), [scope, places.data]);

  const show = (next: Period, nextScope: Scope) => setParams(writeQuery(next, nextScope), { replace: false });
  const pickKind = (kind: PeriodKind) => show(kind === 'custom' ? { ...period, kind } : periodOf(kind, today), scope);

  const cards = data ? cardFigures(data, scope.kind) : undefined;
  const deptName = (id: string) => departments.get(id) ?? id;
  return (
    <>
      <div className="dashboard-screen" style={{ display: 'grid', gap: 16 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            数据看板
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="dashboard-period" style={{ flex: 1 }}>
            {label} · {name} · 对比{previousLabel}
          </Typography.Text>
          <Button onClick={figures.reload} loading={figures.loading && data !== undefined}>
            刷新
          </Button>
          <Button type="primary" disabled={!data} onClick={() => window.print()}>
            打印报告
          </Button>
        </div>
        <Space wrap size="middle" aria-label="筛选" role="group" style={{ background: '#fff', padding: '10px 16px', borderRadius: 8, border: '1px solid #f0f0f0' }}>
          <Space size={8}>
            <span id="dashboard-period-label">统计时段</span>
            <Segmented<PeriodKind> aria-labelledby="dashboard-period-label" value={period.kind} onChange={pickKind} options={periodKinds.map((k) => ({ value: k, label: periodKindNames[k] }))} />
          </Space>
          <DatePicker.RangePicker
            aria-label="起止日期"
            id={{ start: 'dashboard-from', end: 'dashboard-to' }}
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) show(periodOf('custom', today, { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') }), scope);
            }}
          />
          <Space size={8}>
            <label htmlFor="dashboard-scope">统计范围</label>
            <Select
              id="dashboard-scope"
              style={{ width: 300 }}
              value={scopeValue(scope)}
              loading={places.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={scopeOptions(places.data, departments)}
              onChange={(value: string) => show(period, parseScope(value))}
            />
          </Space>
        </Space>
        {places.error ? <Alert type="warning" showIcon title={`窗口和站点列表读取失败：${places.error}`} action={<Button size="small" onClick={places.reload}>重试</Button>} /> : null}
        {figures.error ? (
          <Alert type="error" showIcon title={figures.error} action={<Button size="small" onClick={figures.reload}>重试</Button>} />
        ) : null}
        {cards ? <CardGrid cards={cards} previousName={previousName(period)} previousRange={periodLabel(previous)} /> : figures.error ? null : <Skeleton active paragraph={{ rows: 4 }} />}
        {data ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <Charts figures={data} places={places.data} period={label} scopeName={name} windows={inScope} queueOfWholeCenter={queueOfWholeCenter} />
          </Suspense>
        ) : null}
        {data ? (
          <>
            <WindowTable lines={windowLines(data, deptName)} figures={data} period={label} scopeName={name} />
            <DepartmentTable lines={departmentLines(data)} figures={data} period={label} scopeName={name} />
          </>
        ) : null}
      </div>
      {data && cards ? <Report title={reportTitle} period={label} previous={previousLabel} scopeName={name} today={today} figures={data} cards={cards} departments={departmentLines(data)} /> : null}
    </>
  );
}
