import { Button, Empty, theme } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './charts.ts';
import { fileName, saveFile } from './csv.ts';

// Only what the dashboard draws: the whole of ECharts is about three times as heavy.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  /** The chart's name (also in the picture and the PNG's file name). */
  title: string;
  /** The period, for the PNG's file name. */
  period: string;
  option: ChartOption;
  height: number;
  /** Nothing to draw: says so instead of an empty frame. */
  empty?: string | undefined;
}

/**
 * One ECharts instance for one chart: made once, given each new option, resized with the window,
 * disposed with the component. 下载图片 saves what is drawn as a PNG, twice the screen's resolution.
 */
export function Chart({ title, period, option, height, empty }: Props) {
  const { token } = theme.useToken();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (empty || !box.current) return undefined;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = undefined;
    };
  }, [empty]);

  useEffect(() => {
    // notMerge: a filter with fewer windows must not keep the previous bars.
    chart.current?.setOption(option, { notMerge: true });
  }, [option, empty]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  const download = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveFile(url, `${fileName(title, period)}.png`);
  };

  return (
    <section aria-label={title} style={{ position: 'relative', background: token.colorBgContainer, borderRadius: token.borderRadiusLG, border: `1px solid ${token.colorBorderSecondary}` }}>
      {empty ? (
        <div style={{ height, display: 'flex', flexDirection: 'column' }}>
          <h3 style={{ margin: 0, padding: '12px 16px 0', fontSize: 15, fontWeight: 600 }}>{title}</h3>
          <Empty style={{ margin: 'auto' }} description={empty} />
        </div>
      ) : (
        <>
          <div ref={box} role="img" aria-label={title} style={{ height, width: '100%' }} />
          <Button size="small" style={{ position: 'absolute', top: 12, right: 12 }} aria-label={`下载图片：${title}`} onClick={download}>
            下载图片
          </Button>
        </>
      )}
    </section>
  );
}
