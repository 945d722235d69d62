// Draws a ChartSpec with Apache ECharts on the server, without a DOM or canvas: SVG for the web
// pages, PNG (through resvg) for the chat. ECharts and resvg are loaded on first use, so a service
// that never draws a chart never loads them. Drawn charts are kept in a small cache keyed by their
// data: the same chart asked again (a page reloaded) is not drawn twice.
import { createHash } from 'node:crypto';
import { gridLine, ink, muted, palette, symbols } from './palette.js';
import type { ChartSpec, GraphChart, RadarChart, SeriesChart } from './spec.js';

export interface DrawOptions {
  width: number;
  height: number;
  /** Font family of labels: the page's web font for SVG in pages, a system font for PNG. */
  font?: string;
}

type EChartsCore = typeof import('echarts/core');
let loading: Promise<EChartsCore> | undefined;

function echarts(): Promise<EChartsCore> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.LineChart,
      charts.BarChart,
      charts.RadarChart,
      charts.GraphChart,
      components.GridComponent,
      components.LegendComponent,
      components.RadarComponent,
      components.AriaComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  return loading;
}

const CACHE_SIZE = 300;
const cache = new Map<string, string>();

/** The chart as an SVG document (a string), with the summary as its accessible name. */
export async function renderSvg(spec: ChartSpec, options: DrawOptions): Promise<string> {
  const key = createHash('sha1')
    .update(JSON.stringify([spec, options]))
    .digest('base64');
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const core = await echarts();
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width: options.width, height: options.height });
  try {
    chart.setOption(optionOf(spec, options.font ?? 'sans-serif'));
    const svg = chart.renderToSVGString();
    cache.set(key, svg);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return svg;
  } finally {
    chart.dispose();
  }
}

const italian = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });

/** Numbers as Italians read them: 12.000, 3,5. */
export function formatNumber(value: number): string {
  return italian.format(value);
}

function base(spec: ChartSpec, font: string) {
  return {
    animation: false,
    aria: { enabled: true, label: { description: spec.summary } },
    textStyle: { fontFamily: font, color: ink, fontSize: 12 },
    color: [...palette],
  };
}

function legend(names: string[]) {
  return names.length > 1 ? { top: 0, left: 0, itemWidth: 22, itemHeight: 10, itemGap: 24, textStyle: { color: ink }, data: names } : { show: false };
}

function optionOf(spec: ChartSpec, font: string): Record<string, unknown> {
  if (spec.kind === 'radar') return radar(spec, font);
  if (spec.kind === 'graph') return graph(spec, font);
  return series(spec, font);
}

function series(spec: SeriesChart, font: string): Record<string, unknown> {
  const many = spec.series.length > 1;
  return {
    ...base(spec, font),
    legend: legend(spec.series.map((s) => s.name)),
    grid: { left: 12, right: 20, top: many ? 44 : 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: spec.categories,
      boundaryGap: spec.kind === 'bar',
      axisLabel: { color: muted, hideOverlap: true },
      axisLine: { lineStyle: { color: muted } },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      ...(spec.min !== undefined ? { min: spec.min } : {}),
      ...(spec.max !== undefined ? { max: spec.max } : {}),
      minInterval: spec.max !== undefined && spec.max <= 5 ? 1 : 0,
      axisLabel: { color: muted, formatter: (v: number) => formatNumber(v) },
      splitLine: { lineStyle: { color: gridLine } },
    },
    series: spec.series.map((s, i) => ({
      name: s.name,
      type: spec.kind,
      data: s.values,
      ...(spec.stacked ? { stack: 'total' } : {}),
      ...(s.color ? { itemStyle: { color: s.color }, lineStyle: { color: s.color, width: 2, type: s.reference ? 'dashed' : 'solid' } } : {}),
      ...(spec.kind === 'line'
        ? {
            symbol: symbols[i % symbols.length],
            symbolSize: 7,
            showAllSymbol: true,
            connectNulls: false,
            ...(s.color ? {} : { lineStyle: { width: 2, type: s.reference ? 'dashed' : 'solid' } }),
          }
        : { barMaxWidth: 28 }),
    })),
  };
}

function radar(spec: RadarChart, font: string): Record<string, unknown> {
  return {
    ...base(spec, font),
    legend: legend(spec.series.map((s) => s.name)),
    radar: {
      indicator: spec.axes.map((a) => ({ name: a.name, max: a.max })),
      radius: '62%',
      center: ['50%', spec.series.length > 1 ? '56%' : '52%'],
      axisName: { color: ink },
      splitLine: { lineStyle: { color: gridLine } },
      axisLine: { lineStyle: { color: gridLine } },
    },
    series: [
      {
        type: 'radar',
        data: spec.series.map((s, i) => ({
          name: s.name,
          value: s.values.map((v) => v ?? 0),
          symbol: symbols[i % symbols.length],
          lineStyle: { width: 2, type: s.reference ? 'dashed' : 'solid', ...(s.color ? { color: s.color } : {}) },
          ...(s.color ? { itemStyle: { color: s.color } } : {}),
        })),
      },
    ],
  };
}

function graph(spec: GraphChart, font: string): Record<string, unknown> {
  const biggest = Math.max(1, ...spec.nodes.map((n) => n.value));
  return {
    ...base(spec, font),
    series: [
      {
        type: 'graph',
        layout: 'circular',
        circular: { rotateLabel: true },
        top: 40,
        bottom: 40,
        left: 40,
        right: 40,
        data: spec.nodes.map((n) => ({ id: n.id, name: n.label, value: n.value, symbolSize: 8 + 16 * Math.sqrt(n.value / biggest) })),
        links: spec.links.map((l) => ({ source: l.source, target: l.target, value: l.value, lineStyle: { width: 1 + Math.min(l.value, 5) } })),
        label: { show: spec.nodes.length <= 60, position: 'right', color: ink, fontSize: 11 },
        itemStyle: { color: palette[0] },
        lineStyle: { color: muted, opacity: 0.7, curveness: 0.2 },
      },
    ],
  };
}
