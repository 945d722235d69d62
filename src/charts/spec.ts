// Charts described as data, independent of how they are drawn: the cruscotto renders them to SVG
// inside its pages, the digests to PNG for the chat, and capabilities can hand them to either
// (a maturity radar, a trend). Every chart carries its text alternative and can become a table.

/** A value per category; null: no data there (a gap in a line, nothing in a bar). */
export type Value = number | null;

interface ChartBase {
  /** Short title, shown above the chart. */
  title: string;
  /** The text alternative: what the chart shows, in one or two sentences. */
  summary: string;
  /** Unit of the values, shown in the table header ("incontri", "media 1–5"). */
  unit?: string;
}

export interface Series {
  name: string;
  values: Value[];
  /** A reference line (e.g. the median of the other networks): drawn dashed. */
  reference?: boolean;
  /** A fixed colour for the series (e.g. the three response states), else the palette's next one. */
  color?: string;
}

/** Lines or bars over categories (usually weeks). */
export interface SeriesChart extends ChartBase {
  kind: 'line' | 'bar';
  categories: string[];
  series: Series[];
  /** Bars stacked on each other (responses: on time, late, silent). */
  stacked?: boolean;
  /** Fixed value axis (scales 1–5). */
  min?: number;
  max?: number;
}

/** A radar of dimensions (a maturity profile). */
export interface RadarChart extends ChartBase {
  kind: 'radar';
  axes: { name: string; max: number }[];
  series: Series[];
}

/** Nodes and links between them (introductions between networks). */
export interface GraphChart extends ChartBase {
  kind: 'graph';
  nodes: { id: string; label: string; value: number }[];
  links: { source: string; target: string; value: number }[];
}

export type ChartSpec = SeriesChart | RadarChart | GraphChart;

/** The chart as a table: the same numbers, for those who do not read the picture. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export function chartTable(spec: ChartSpec, labels: { category: string; from: string; to: string; links: string; dimension: string }): ChartTable {
  if (spec.kind === 'graph') {
    const label = new Map(spec.nodes.map((n) => [n.id, n.label]));
    return {
      columns: [labels.from, labels.to, labels.links],
      rows: spec.links.map((l) => [label.get(l.source) ?? l.source, label.get(l.target) ?? l.target, l.value]),
    };
  }
  if (spec.kind === 'radar') {
    return {
      columns: [labels.dimension, ...spec.series.map((s) => s.name)],
      rows: spec.axes.map((a, i) => [a.name, ...spec.series.map((s) => s.values[i] ?? null)]),
    };
  }
  return {
    columns: [labels.category, ...spec.series.map((s) => s.name)],
    rows: spec.categories.map((c, i) => [c, ...spec.series.map((s) => s.values[i] ?? null)]),
  };
}
