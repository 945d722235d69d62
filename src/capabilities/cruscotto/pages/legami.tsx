// Legami: introductions week by week and how they went, the graph of links made between networks,
// and the latest introductions (paged). Referents and members see those involving their networks.
import type { ChartSpec, GraphChart } from '../../../charts/spec.js';
import { formatDate, weekStart } from '../../../time.js';
import { visibleNetworkIds } from '../access.js';
import { latestIntroductions, legamiByWeek, networkLinks, practicesPublished, type NetworkLink } from '../queries/legami.js';
import { latestWeek, shortWeek, weeksEnding } from '../queries/scope.js';
import { itPages } from '../texts.js';
import { intParam, type PageRequest } from '../web/request.js';
import { Chart, draw, Empty, Pagination, Table, Tiles } from './components.js';
import { html, Page } from './layout.js';

const g = itPages.legami;
const PAGE_SIZE = 25;
/** Pairs drawn in the graph (the busiest): beyond that a circle of names is unreadable. */
const GRAPH_PAIRS = 60;
const YEAR = 365 * 86_400_000;

export async function legamiPage(req: PageRequest): Promise<string> {
  const { db, ctx } = req;
  const visible = visibleNetworkIds(ctx.user);
  const weeks = weeksEnding(await latestWeek(db, ctx.now), 12);
  const page = intParam(req.query, 'pagina', 1, 100_000, 1);
  const [byWeek, links, latest, practices] = await Promise.all([
    legamiByWeek(db, weeks, visible),
    networkLinks(db, new Date(ctx.now.getTime() - YEAR), visible),
    latestIntroductions(db, visible, page.value, PAGE_SIZE),
    practicesPublished(db, weekStart(weeks[0]!), visible),
  ]);
  const introductions = byWeek.reduce((s, w) => s + w.introductions, 0);
  const met = byWeek.reduce((s, w) => s + w.met, 0);
  const charts = await draw([
    { id: 'presentazioni', spec: weeksChart(byWeek, weeks, introductions, met) },
    { id: 'grafo', spec: graphChart(links), width: 640, height: 520 },
  ]);
  return html(
    <Page title={g.title} ctx={ctx} section="legami" lead={g.lead}>
      <Tiles
        tiles={[
          { label: g.tiles.introductions, value: itPages.number(introductions) },
          { label: g.tiles.met, value: itPages.number(met) },
          { label: g.tiles.practices, value: itPages.number(practices) },
        ]}
      />
      <div class="chart-grid">
        <Chart chart={charts[0]!} level={2} />
        <div>
          <Chart chart={charts[1]!} level={2} />
          {links.length > GRAPH_PAIRS && <p class="small">{g.graphShown(GRAPH_PAIRS, links.length)}</p>}
        </div>
      </div>
      <section aria-labelledby="ultime" class="mt-4">
        <h2 id="ultime">{g.latestHeading}</h2>
        {latest.rows.length ? (
          <Table
            caption={g.latestCaption}
            columns={g.latestColumns}
            rows={latest.rows.map((i) => [
              formatDate(i.createdAt),
              i.aCode,
              i.bCode,
              itPages.rete.reason[i.reason] ?? i.reason,
              i.theme,
              i.answers.map((a) => g.answer[a] ?? a).join(', ') || '–',
            ])}
          />
        ) : (
          <Empty text={g.none} />
        )}
        <Pagination page={page.value} pages={Math.ceil(latest.total / PAGE_SIZE)} total={latest.total} size={PAGE_SIZE} path="/legami" query={{}} />
      </section>
    </Page>,
  );
}

function weeksChart(byWeek: { introductions: number; met: number }[], weeks: string[], introductions: number, met: number): ChartSpec {
  return {
    kind: 'bar',
    title: g.weeksTitle,
    summary: g.weeksSummary(introductions, met),
    categories: weeks.map(shortWeek),
    series: [
      { name: g.weeksSeries.introductions, values: byWeek.map((w) => w.introductions) },
      { name: g.weeksSeries.met, values: byWeek.map((w) => w.met) },
    ],
    min: 0,
  };
}

function graphChart(all: NetworkLink[]): GraphChart {
  const links = all.slice(0, GRAPH_PAIRS);
  const nodes = new Map<string, { id: string; label: string; value: number }>();
  for (const link of links)
    for (const n of [link.a, link.b]) {
      const node = nodes.get(n.code) ?? { id: n.code, label: n.code, value: 0 };
      node.value += link.introductions;
      nodes.set(n.code, node);
    }
  const networks = new Set(all.flatMap((x) => [x.a.code, x.b.code])).size;
  const top = all[0] ? `${all[0].a.code} e ${all[0].b.code} (${all[0].introductions})` : null;
  return {
    kind: 'graph',
    title: g.graphTitle,
    summary: g.graphSummary(all.length, networks, top),
    nodes: [...nodes.values()],
    links: links.map((x) => ({ source: x.a.code, target: x.b.code, value: x.introductions })),
  };
}
