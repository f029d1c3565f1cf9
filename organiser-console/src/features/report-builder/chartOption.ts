import type { EChartsCoreOption } from 'echarts/core';
import type { ChartData } from './api';

/** An ECharts option from the API's chart data: bars or lines per series, or a pie of the first series. */
export function chartOption(chart: ChartData, axisName: string | undefined = chart.title): EChartsCoreOption {
  const labels = chart.labels.map((l) => (l === null || l === undefined || l === '' ? '(none)' : String(l)));
  if (chart.type === 'pie') {
    const series = chart.series[0];
    return {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          name: series?.name,
          radius: ['35%', '65%'],
          data: labels.map((name, i) => ({ name, value: series?.data[i] ?? 0 })),
          label: { formatter: '{b}: {c}' },
        },
      ],
    };
  }
  const type = chart.type === 'line' ? 'line' : 'bar';
  return {
    tooltip: { trigger: 'axis' },
    legend: chart.series.length > 1 ? { type: 'scroll', top: 0 } : undefined,
    grid: { left: 48, right: 16, top: chart.series.length > 1 ? 40 : 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: labels, name: axisName, nameLocation: 'middle', nameGap: 32, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: chart.series.map((s) => ({
      type,
      name: s.name,
      data: s.data,
      barMaxWidth: 72,
      label: { show: chart.series.length === 1 && labels.length <= 20, position: 'top' },
    })),
  };
}
