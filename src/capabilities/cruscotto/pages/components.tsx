// Pieces shared by the pages: charts with their text alternative and data table, tables, pagination,
// filters. Every value is escaped by the renderer; the only raw markup is the SVG ECharts drew.
import type { ComponentChildren } from 'preact';
import { formatNumber, renderSvg } from '../../../charts/render.js';
import { chartTable, type ChartSpec } from '../../../charts/spec.js';
import { itCruscotto as t } from '../texts.js';
import { href } from './context.js';

export interface DrawnChart {
  id: string;
  spec: ChartSpec;
  /** Drawn for wide screens, and again for phones (a wide drawing scaled down would have unreadable labels). */
  svg: string;
  narrow: string;
}

/** Width of the phone drawing: a 360 px screen less the page's margins. */
const NARROW = 330;

export const PAGE_FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';

/** Draws the charts of a page (side by side on the CPU's time, cached by their data). */
export async function draw(charts: { id: string; spec: ChartSpec; width?: number; height?: number }[]): Promise<DrawnChart[]> {
  return Promise.all(
    charts.map(async (c) => {
      const height = c.height ?? 260;
      const [svg, narrow] = await Promise.all([
        renderSvg(c.spec, { width: c.width ?? 640, height, font: PAGE_FONT }),
        renderSvg(c.spec, { width: NARROW, height: c.spec.kind === 'graph' ? NARROW + 40 : Math.max(220, Math.round(height * 0.9)), font: PAGE_FONT }),
      ]);
      return { id: c.id, spec: c.spec, svg, narrow };
    }),
  );
}

export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** A chart: title, picture (with its accessible name), text alternative, and the same data as a table behind a toggle. */
export function Chart({ chart, level = 3 }: { chart: DrawnChart; level?: 2 | 3 }) {
  const table = chartTable(chart.spec, { category: t.chart.week, from: t.chart.from, to: t.chart.to, links: t.chart.links, dimension: t.chart.dimension });
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <figure class="chart" id={chart.id} aria-labelledby={`${chart.id}-title`}>
      <Heading class="h5 chart-title" id={`${chart.id}-title`}>
        {chart.spec.title}
      </Heading>
      <div
        class="chart-svg"
        role="img"
        aria-label={chart.spec.title}
        aria-describedby={`${chart.id}-summary`}
        dangerouslySetInnerHTML={{ __html: chart.svg }}
      />
      <figcaption class="chart-summary" id={`${chart.id}-summary`}>
        {chart.spec.summary}
      </figcaption>
      <details class="chart-data">
        <summary>{t.chart.showTable}</summary>
        <Table caption={`${chart.spec.title}${chart.spec.unit ? ` (${chart.spec.unit})` : ''}`} columns={table.columns} rows={table.rows} />
      </details>
    </figure>
  );
}

/** A data table: first column as row headers, numeric columns right-aligned, scrollable (and focusable) on narrow screens. */
export function Table(props: { caption: string; columns: string[]; rows: (string | number | null)[][]; captionHidden?: boolean; rowHeaders?: boolean }) {
  const rowHeaders = props.rowHeaders ?? true;
  const numeric = props.columns.map((_, i) => i > 0 && props.rows.every((row) => row[i] === null || row[i] === undefined || typeof row[i] === 'number'));
  return (
    <div class="table-responsive" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="table table-sm table-striped">
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th scope="col" key={i} class={numeric[i] ? 'text-end' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, i) =>
                i === 0 && rowHeaders ? (
                  <th scope="row" key={i}>
                    {cell(v)}
                  </th>
                ) : (
                  <td key={i} class={numeric[i] ? 'text-end' : undefined}>
                    {cell(v)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Page links: previous, numbers around the current page, next (plain links: no JavaScript). */
export function Pagination(props: {
  page: number;
  pages: number;
  total: number;
  size: number;
  path: string;
  query: Record<string, string | number | undefined>;
}) {
  if (props.pages <= 1) return null;
  const link = (p: number) => href(props.path, { ...props.query, pagina: p });
  const around = [...new Set([1, props.page - 1, props.page, props.page + 1, props.pages])].filter((p) => p >= 1 && p <= props.pages).sort((a, b) => a - b);
  const from = (props.page - 1) * props.size + 1;
  const to = Math.min(props.total, props.page * props.size);
  return (
    <nav class="pagination-wrapper" aria-label={t.pagination.label}>
      <p class="small mb-1">{t.pagination.of(from, to, props.total)}</p>
      <ul class="pagination flex-wrap">
        {props.page > 1 && (
          <li class="page-item">
            <a class="page-link" href={link(props.page - 1)}>
              {t.pagination.previous}
            </a>
          </li>
        )}
        {around.map((p) => (
          <li class="page-item" key={p}>
            <a class="page-link" href={link(p)} aria-current={p === props.page ? 'page' : undefined} aria-label={t.pagination.page(p)}>
              {p}
            </a>
          </li>
        ))}
        {props.page < props.pages && (
          <li class="page-item">
            <a class="page-link" href={link(props.page + 1)}>
              {t.pagination.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: { name: string; label: string; options: Option[]; value: string | undefined }) {
  const id = `f-${props.name}`;
  return (
    <div class="select-wrapper filter-field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET form of filters: a choice applies when the button is pressed (never on change: WCAG 3.2.2). */
export function Filters(props: { action: string; children: ComponentChildren; reset?: string }) {
  return (
    <form method="get" action={props.action} class="filters">
      <fieldset>
        <legend class="h6">{t.filters.legend}</legend>
        <div class="filters-row">{props.children}</div>
        <div class="filters-actions">
          <button type="submit" class="btn btn-primary btn-sm">
            {t.filters.apply}
          </button>
          {props.reset && (
            <a href={props.reset} class="btn btn-outline-primary btn-sm">
              {t.filters.reset}
            </a>
          )}
        </div>
      </fieldset>
    </form>
  );
}

/** Headline figures: label, value, and a short note (change from the week before). */
export function Tiles({ tiles }: { tiles: { label: string; value: string; note?: string }[] }) {
  return (
    <ul class="tiles">
      {tiles.map((tile) => (
        <li class="tile" key={tile.label}>
          <span class="tile-label">{tile.label}</span>
          <span class="tile-value">{tile.value}</span>
          {tile.note && <span class="tile-note">{tile.note}</span>}
        </li>
      ))}
    </ul>
  );
}

export function Empty({ text }: { text: string }) {
  return <p class="text-muted fst-italic">{text}</p>;
}
