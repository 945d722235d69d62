// Indicatori: every numeric indicator over 12, 26 or 52 weeks — the total (or mean, for scales) of
// the networks chosen by the filters, or one network against the median of the others.
import type { ChartSpec } from '../../../charts/spec.js';
import { viewerOf } from '../access.js';
import { indicatorSeries, type IndicatorSeries } from '../queries/indicators.js';
import { latestWeek, shortWeek, weeksEnding, type NetworkScope } from '../queries/scope.js';
import { indicatorName, itCruscotto as t, itPages } from '../texts.js';
import { param, type PageRequest } from '../web/request.js';
import { Chart, draw, Empty, Filters, Select } from './components.js';
import { href } from './context.js';
import { FilterFields, readFilters } from './filters.js';
import { html, Page } from './layout.js';
import { indicatorChart } from './panoramica.js';

const p = itPages.indicators;
const PERIODS = [12, 26, 52];
/** Referents and members see a median only when enough other networks answered: no single network shows through. */
const MIN_PEERS_OUTSIDE = 5;

export async function indicatoriPage(req: PageRequest): Promise<string> {
  const { db, ctx } = req;
  const filters = await readFilters(req);
  const periodText = param(req.query, 'periodo');
  const weeksCount = PERIODS.find((n) => String(n) === periodText) ?? 12;
  const week = await latestWeek(db, ctx.now);
  const weeks = weeksEnding(week, weeksCount);
  const code = param(req.query, 'rete')?.toUpperCase();
  const network = code ? await db.network.findUnique({ where: { code }, select: { id: true, code: true, name: true } }) : null;
  const allowed = network && viewerOf(ctx.user, network.id) ? network : null;
  const coordinator = ctx.user.coordinator;
  const peers: NetworkScope = { ...filters.scope, visible: coordinator ? filters.scope.visible : null };
  const series = await indicatorSeries(
    db,
    weeks,
    filters.scope,
    allowed ? { networkId: allowed.id, peers, minPeers: coordinator ? 1 : MIN_PEERS_OUTSIDE } : undefined,
  );
  const charts = await draw(
    series.map((s) => ({ id: `ind-${s.code}`, spec: allowed ? compareChart(s, weeks, allowed.code) : indicatorChart(s, weeks), width: 640, height: 260 })),
  );
  const bad = filters.invalid || (periodText !== undefined && String(weeksCount) !== periodText);
  return html(
    <Page title={p.title} ctx={ctx} section="indicatori" lead={p.lead}>
      {bad && <p class="alert alert-warning">{t.errors.badInput}</p>}
      {code && !allowed && <p class="alert alert-warning">{p.unknownNetwork(code)}</p>}
      <Filters action={href('/indicatori')} reset={href('/indicatori')}>
        <Select name="periodo" label={p.period} value={String(weeksCount)} options={PERIODS.map((n) => ({ value: String(n), label: p.weeks(n) }))} />
        <FilterFields filters={filters} />
        {coordinator ? (
          <div class="form-group filter-field">
            <label for="f-rete">{p.network}</label>
            <input id="f-rete" name="rete" type="text" value={allowed?.code ?? ''} autocomplete="off" aria-describedby="f-rete-hint" class="form-control" />
            <small id="f-rete-hint" class="form-text">
              {p.networkHint}
            </small>
          </div>
        ) : (
          <Select
            name="rete"
            label={p.networkSelect}
            value={allowed?.code}
            options={[{ value: '', label: p.noNetwork }, ...ctx.user.networks.map((n) => ({ value: n.code, label: `${n.code} — ${n.name}` }))]}
          />
        )}
      </Filters>
      {allowed && (
        <p>
          {p.comparing(allowed.code, allowed.name)} {!coordinator && p.medianNote}
        </p>
      )}
      {charts.length ? (
        <div class="chart-grid chart-grid-wide">
          {charts.map((c) => (
            <Chart chart={c} key={c.id} level={2} />
          ))}
        </div>
      ) : (
        <Empty text={p.none} />
      )}
    </Page>,
  );
}

function compareChart(s: IndicatorSeries, weeks: string[], code: string): ChartSpec {
  const name = indicatorName(s.code, s.type);
  const last = weeks.length - 1;
  return {
    kind: 'line',
    title: name,
    summary: p.summaryCompare(name, code, s.mine[last] ?? null, s.median[last] ?? null, weeks[last]!),
    unit: s.type === 'scale' ? p.unitScale : undefined,
    categories: weeks.map(shortWeek),
    series: [
      { name: code, values: s.mine },
      { name: p.median, values: s.median, reference: true },
    ],
    ...(s.type === 'scale' ? { min: 1, max: 5 } : { min: 0 }),
  };
}
