// Panoramica: the week's responses (on time, late, silent), the grid of networks × the last 12
// weeks (filtered, sorted and paged in SQL), and the headline indicators with their trends.
import { responseColors } from '../../../charts/palette.js';
import type { ChartSpec } from '../../../charts/spec.js';
import { indicatorSeries, type IndicatorSeries } from '../queries/indicators.js';
import { responseGrid, responsesByWeek, type GridRow, type GridSort, type WeekResponses } from '../queries/responses.js';
import { latestWeek, shortWeek, weeksEnding } from '../queries/scope.js';
import { indicatorName, itCruscotto as t, itPages } from '../texts.js';
import { intParam, param, type PageRequest } from '../web/request.js';
import { Chart, draw, Empty, Filters, Pagination, Select, Tiles, type DrawnChart } from './components.js';
import { href } from './context.js';
import { FilterFields, readFilters, type Filters as FilterState } from './filters.js';
import { html, Page } from './layout.js';
import { formatWeek, readWeek, WeekNav } from './weeks.js';

const p = itPages.panoramica;
const GRID_WEEKS = 12;
const PAGE_SIZE = 50;

export async function panoramicaPage(req: PageRequest): Promise<string> {
  const { db, ctx } = req;
  const chosen = readWeek(param(req.query, 'settimana'), ctx.now);
  const week = chosen.week ?? (await latestWeek(db, ctx.now));
  const weeks = weeksEnding(week, GRID_WEEKS);
  const filters = await readFilters(req);
  const sorts = ['code', 'area', 'theme', 'silence', ...filters.facets.map((f) => `facet:${f.id}`)];
  const sortParam = param(req.query, 'ordina');
  const sort = sortParam && sorts.includes(sortParam) ? sortParam : 'code';
  const page = intParam(req.query, 'pagina', 1, 100_000, 1);
  const facet = sort.startsWith('facet:') ? filters.facets.find((f) => `facet:${f.id}` === sort) : filters.facets[0];
  const [responses, grid, indicators] = await Promise.all([
    responsesByWeek(db, weeks, filters.scope),
    responseGrid(db, weeks, filters.scope, {
      sort: (sort.startsWith('facet:') ? 'facet' : sort) as GridSort,
      page: page.value,
      size: PAGE_SIZE,
      facet: facet?.values,
    }),
    indicatorSeries(db, weeks, filters.scope),
  ]);
  const charts = await draw([
    { id: 'risposte', spec: responsesChart(responses), height: 280 },
    ...indicators.filter((i) => i.total.some((v) => v !== null)).map((i) => ({ id: `ind-${i.code}`, spec: indicatorChart(i, weeks), width: 520, height: 220 })),
  ]);
  const silentIndicators = indicators.filter((i) => i.total.every((v) => v === null));
  const query = { ...filters.query, settimana: chosen.week, ordina: sort === 'code' ? undefined : sort };
  const thisWeek = responses[responses.length - 1]!;
  const bad = filters.invalid || chosen.bad || page.bad || (sortParam !== undefined && sortParam !== sort);
  return html(
    <Page title={p.title} ctx={ctx} section="panoramica" lead={p.lead}>
      {bad && <p class="alert alert-warning">{t.errors.badInput}</p>}
      <section aria-labelledby="settimana">
        <h2 id="settimana">{p.weekHeading(formatWeek(week), week)}</h2>
        <WeekNav week={week} now={ctx.now} path="" query={{ ...filters.query, ordina: query.ordina }} />
        <WeekTiles r={thisWeek} />
        <Chart chart={charts[0]!} />
      </section>
      <section aria-labelledby="griglia" class="mt-5">
        <h2 id="griglia">{p.gridHeading}</h2>
        <p>{p.gridIntro}</p>
        <Filters action={href('')} reset={href('', { settimana: chosen.week })}>
          <FilterFields filters={filters} />
          <Select
            name="ordina"
            label={p.sortLabel}
            value={sort}
            options={[
              ...['code', 'area', 'theme', 'silence'].map((s) => ({ value: s, label: t.filters.sortBy[s]! })),
              ...filters.facets.map((f) => ({ value: `facet:${f.id}`, label: f.label.toLowerCase() })),
            ]}
          />
          {chosen.week && <input type="hidden" name="settimana" value={chosen.week} />}
        </Filters>
        <Legend />
        {grid.rows.length ? (
          <Grid rows={grid.rows} weeks={weeks} week={week} facet={facet && sort.startsWith('facet:') ? facet.label : undefined} />
        ) : (
          <Empty text={p.noNetworks} />
        )}
        <Pagination page={page.value} pages={Math.ceil(grid.total / PAGE_SIZE)} total={grid.total} size={PAGE_SIZE} path="" query={query} />
      </section>
      <section aria-labelledby="indicatori" class="mt-5">
        <h2 id="indicatori">{p.indicatorsHeading}</h2>
        <p>
          <a href={href('/indicatori', filters.query)}>{p.indicatorsMore}</a>
        </p>
        <div class="chart-grid">
          {charts.slice(1).map((c) => (
            <Chart chart={c} key={c.id} />
          ))}
        </div>
        {silentIndicators.length > 0 && <p>{p.withoutAnswers(silentIndicators.map((i) => indicatorName(i.code, i.type)))}</p>}
      </section>
    </Page>,
  );
}

function WeekTiles({ r }: { r: WeekResponses }) {
  return (
    <Tiles
      tiles={[
        { label: p.tiles.expected, value: itPages.number(r.expected) },
        { label: p.tiles.onTime, value: itPages.number(r.onTime), note: p.tiles.share(r.onTime, r.expected) },
        { label: p.tiles.late, value: itPages.number(r.late), note: p.tiles.share(r.late, r.expected) },
        { label: p.tiles.silent, value: itPages.number(r.silent), note: p.tiles.pending(r.pending) || p.tiles.share(r.silent, r.expected) },
      ]}
    />
  );
}

function responsesChart(responses: WeekResponses[]): ChartSpec {
  const share = (r: WeekResponses) => itPages.percent(r.onTime + r.late, r.expected);
  const last = responses[responses.length - 1]!;
  const first = responses.find((r) => r.expected > 0) ?? responses[0]!;
  return {
    kind: 'bar',
    stacked: true,
    title: p.responsesTitle,
    summary: p.responsesSummary(last.week, last, share(first), share(last)),
    unit: 'reti',
    categories: responses.map((r) => shortWeek(r.week)),
    series: [
      { name: p.responsesSeries.onTime, values: responses.map((r) => r.onTime), color: responseColors.onTime },
      { name: p.responsesSeries.late, values: responses.map((r) => r.late), color: responseColors.late },
      { name: p.responsesSeries.silent, values: responses.map((r) => r.silent), color: responseColors.silent },
    ],
  };
}

export function indicatorChart(i: IndicatorSeries, weeks: string[]): ChartSpec {
  const name = indicatorName(i.code, i.type);
  const lastIndex = weeks.length - 1;
  const last = i.total[lastIndex] ?? null;
  const previous = i.total[lastIndex - 1] ?? null;
  let max: { value: number; week: string } | null = null;
  i.total.forEach((v, k) => {
    if (v !== null && (!max || v > max.value)) max = { value: v, week: weeks[k]! };
  });
  return {
    kind: 'line',
    title: name,
    summary: itPages.indicators.summaryTotal(name, i.type, last, weeks[lastIndex]!, previous, max),
    unit: i.type === 'scale' ? itPages.indicators.unitScale : itPages.indicators.unitCount,
    categories: weeks.map(shortWeek),
    series: [{ name: itPages.indicators.total(i.type), values: i.total }],
    ...(i.type === 'scale' ? { min: 1, max: 5 } : { min: 0 }),
  };
}

function Legend() {
  return (
    <div class="grid-legend" aria-label={p.legend} role="group">
      <span class="fw-semibold me-2">{p.legend}:</span>
      {(['on_time', 'late', 'silent', 'pending', 'none'] as const).map((state) => (
        <span class="legend-item" key={state}>
          <span class={`hm hm-${state}`} aria-hidden="true">
            {itPages.states[state]!.symbol}
          </span>{' '}
          {itPages.states[state]!.label}
        </span>
      ))}
    </div>
  );
}

function Grid({ rows, weeks, week, facet }: { rows: GridRow[]; weeks: string[]; week: string; facet: string | undefined }) {
  return (
    <div class="table-responsive" tabIndex={0} role="region" aria-label={p.gridCaption(week)}>
      <table class="table table-sm heatmap">
        <caption class="visually-hidden">{p.gridCaption(week)}</caption>
        <thead>
          <tr>
            <th scope="col">{p.network}</th>
            {weeks.map((w) => (
              <th scope="col" key={w} class="text-center">
                <abbr title={`${w}: ${formatWeek(w)}`}>{shortWeek(w)}</abbr>
              </th>
            ))}
            <th scope="col" class="text-end">
              {p.silentWeeks}
            </th>
            {facet && <th scope="col">{facet}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <a href={href(`/rete/${encodeURIComponent(r.code)}`)}>{r.code}</a> <span class="network-name">{r.name}</span>
                {r.area && <span class="network-area"> · {r.area}</span>}
              </th>
              {r.cells.map((c, k) => (
                <td key={k} class="text-center">
                  <span class={`hm hm-${c}`} title={`${weeks[k]}: ${itPages.states[c]!.label}`}>
                    <span aria-hidden="true">{itPages.states[c]!.symbol}</span>
                    <span class="visually-hidden">{itPages.states[c]!.label}</span>
                  </span>
                </td>
              ))}
              <td class="text-end">{r.silentWeeks}</td>
              {facet && <td>{r.facet ?? '–'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type { DrawnChart, FilterState };
