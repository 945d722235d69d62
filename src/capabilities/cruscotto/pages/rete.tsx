// Rete: one network's page — who it is, the panels capabilities contribute (its scheda, its
// maturity profile, its requests…), its answers week by week, the obstacles it named (coordinators
// and its referents only), the support it asked for, the laboratori its people attended, its
// introductions and good practices. Anyone else gets 403.
import type { ChartSpec } from '../../../charts/spec.js';
import { formatDate } from '../../../time.js';
import { mayView, type NetworkPageView, type PanelContent, type Viewer } from '../../../reports/network-page.js';
import { viewerOf } from '../access.js';
import { numericIndicators, type IndicatorInfo } from '../queries/indicators.js';
import {
  answersByWeek,
  introductionsOfNetwork,
  labsOfNetwork,
  networkInfo,
  optionLabels,
  practicesOfNetwork,
  type AttendedLab,
  type NetworkInfo,
  type NetworkIntroduction,
  type NetworkPractice,
  type WeekAnswers,
} from '../queries/network.js';
import { latestWeek, shortWeek, weeksEnding } from '../queries/scope.js';
import { indicatorName, itCruscotto as t, itPages } from '../texts.js';
import { WebError } from '../web/errors.js';
import { param, type PageRequest } from '../web/request.js';
import { Chart, draw, Empty, Filters, Select, Table, type DrawnChart } from './components.js';
import { href } from './context.js';
import { html, Page } from './layout.js';
import { PanelView, type DrawnPanel } from './panel.js';

const r = itPages.rete;
const PERIODS = [12, 26, 52];
export const OBSTACLES = 'ostacoli';
export const SUPPORT = 'supporto';

/** /cruscotto/rete?codice=BG01 (the form on other pages) → /cruscotto/rete/BG01. */
export async function reteRedirect(req: PageRequest): Promise<string | { file: true }> {
  const code = param(req.query, 'codice');
  req.res.redirect(302, code ? href(`/rete/${encodeURIComponent(code.toUpperCase())}`) : href(''));
  return { file: true };
}

export async function retePage(req: PageRequest): Promise<string> {
  const { db, ctx } = req;
  const code = (req.params.code ?? '').toUpperCase();
  const network = /^[A-Z0-9_-]{1,40}$/.test(code) ? await networkInfo(db, code) : null;
  // Someone who may not see a network learns nothing from the answer, not even whether it exists.
  if (!network) {
    if (!ctx.user.coordinator) throw new WebError(403, t.errors.forbiddenTitle, t.errors.forbidden);
    throw new WebError(404, t.errors.notFoundTitle, t.errors.networkNotFound(code));
  }
  const viewer = viewerOf(ctx.user, network.id);
  if (!viewer) throw new WebError(403, t.errors.forbiddenTitle, t.errors.forbidden);
  const periodText = param(req.query, 'periodo');
  const weeksCount = PERIODS.find((n) => String(n) === periodText) ?? 12;
  const weeks = weeksEnding(await latestWeek(db, ctx.now), weeksCount);
  const view: NetworkPageView = { network, viewer, now: ctx.now, weeks };
  const { installed } = req;
  const [indicators, answers, labels, labs, intros, practices, panels] = await Promise.all([
    installed.checkins ? numericIndicators(db) : [],
    installed.checkins ? answersByWeek(db, network.id, weeks, { obstacles: OBSTACLES, support: SUPPORT }) : [],
    installed.checkins ? optionLabels(db, SUPPORT) : new Map<string, string>(),
    installed.labs ? labsOfNetwork(db, network.id) : [],
    installed.legami ? introductionsOfNetwork(db, network.id) : [],
    installed.legami ? practicesOfNetwork(db, network.id, viewer !== 'member') : [],
    Promise.all(req.panels.filter((p) => mayView(p.audience, viewer)).map(async (p) => ({ order: p.order, id: p.id, content: await p.build(db, view) }))),
  ]);
  // Indicators this network never answered in the period only add empty columns and lines.
  const answered = indicators.filter((i) => answers.some((a) => a.numbers[i.code] !== undefined));
  const charts = installed.checkins ? await draw(answerCharts(network.code, answered, answers, weeks)) : [];
  const drawn: (DrawnPanel & { order: number })[] = await Promise.all(
    panels
      .filter((p): p is typeof p & { content: PanelContent } => p.content !== null)
      .map(async (p) => ({
        id: p.id,
        order: p.order,
        content: p.content,
        charts: await draw(
          p.content.blocks.flatMap((b, i) => (b.type === 'chart' ? [{ id: `${p.id.replace(/[^a-z0-9-]/gi, '-')}-${i}`, spec: b.chart }] : [])),
        ),
      })),
  );
  const sections: { order: number; node: preact.VNode }[] = [];
  if (installed.checkins) {
    sections.push({
      order: 30,
      node: <Answers network={network} indicators={answered} answers={answers} labels={labels} charts={charts} weeks={weeksCount} />,
    });
    sections.push({ order: 40, node: <Obstacles answers={answers} viewer={viewer} /> });
    sections.push({ order: 50, node: <Support answers={answers} labels={labels} /> });
  }
  if (installed.labs) sections.push({ order: 60, node: <Labs labs={labs} /> });
  if (installed.legami) sections.push({ order: 70, node: <Legami intros={intros} practices={practices} /> });
  for (const panel of drawn) sections.push({ order: panel.order, node: <PanelView panel={panel} /> });
  const drawnPanels = sections.sort((a, b) => a.order - b.order);
  return html(
    <Page
      title={`${network.code} — ${network.name}`}
      ctx={ctx}
      section="rete"
      lead={r.lead(network.area, network.themes)}
      crumbs={[{ label: t.site.pages.panoramica, href: href('') }, { label: `${t.site.pages.rete} ${network.code}` }]}
    >
      {!network.active && <p class="alert alert-info">{r.inactive}</p>}
      <Facts network={network} />
      <Filters action={href(`/rete/${encodeURIComponent(network.code)}`)}>
        <Select name="periodo" label={r.period} value={String(weeksCount)} options={PERIODS.map((n) => ({ value: String(n), label: t.weeks.last(n) }))} />
      </Filters>
      {drawnPanels.map((s, i) => (
        <div key={i}>{s.node}</div>
      ))}
    </Page>,
  );
}

function Facts({ network }: { network: NetworkInfo }) {
  return (
    <section aria-labelledby="scheda-base">
      <h2 id="scheda-base" class="visually-hidden">
        {r.facts.code}
      </h2>
      <dl class="facts">
        <dt>{r.facts.referents}</dt>
        <dd>{network.referents.join(', ') || r.none}</dd>
        <dt>{r.facts.members}</dt>
        <dd>{itPages.number(network.members)}</dd>
        <dt>{r.facts.partners}</dt>
        <dd>{network.partners.length ? network.partners.map((p) => p.name).join(', ') : r.none}</dd>
      </dl>
    </section>
  );
}

const STATE_ROW = (a: WeekAnswers) => `${itPages.states[a.state]!.symbol} ${itPages.states[a.state]!.label}`;

function answerCharts(code: string, indicators: IndicatorInfo[], answers: WeekAnswers[], weeks: string[]): { id: string; spec: ChartSpec }[] {
  const last = answers[answers.length - 1];
  const lastWeek = weeks[weeks.length - 1]!;
  const counts = indicators.filter((i) => i.type !== 'scale');
  const scales = indicators.filter((i) => i.type === 'scale');
  const said = (list: IndicatorInfo[]) =>
    list
      .filter((i) => last?.numbers[i.code] !== undefined)
      .map((i) => `${indicatorName(i.code, i.type).toLowerCase()} ${itPages.number(last!.numbers[i.code]!)}`)
      .join(', ');
  const series = (list: IndicatorInfo[]) => list.map((i) => ({ name: indicatorName(i.code, i.type), values: answers.map((a) => a.numbers[i.code] ?? null) }));
  const out: { id: string; spec: ChartSpec }[] = [];
  if (counts.length)
    out.push({
      id: 'attivita',
      spec: {
        kind: 'line',
        title: r.countsTitle,
        summary: r.countsSummary(code, lastWeek, said(counts)),
        categories: weeks.map(shortWeek),
        series: series(counts),
        min: 0,
      },
    });
  if (scales.length)
    out.push({
      id: 'valutazioni',
      spec: {
        kind: 'line',
        title: r.scalesTitle,
        summary: r.scalesSummary(code, lastWeek, said(scales)),
        categories: weeks.map(shortWeek),
        series: series(scales),
        min: 1,
        max: 5,
      },
    });
  return out;
}

function Answers(props: {
  network: NetworkInfo;
  indicators: IndicatorInfo[];
  answers: WeekAnswers[];
  labels: Map<string, string>;
  charts: DrawnChart[];
  weeks: number;
}) {
  const columns = [t.chart.week, r.state, ...props.indicators.map((i) => indicatorName(i.code, i.type)), r.support];
  const rows = [...props.answers]
    .reverse()
    .map((a) => [
      a.week,
      STATE_ROW(a),
      ...props.indicators.map((i) => a.numbers[i.code] ?? null),
      a.support.map((c) => props.labels.get(c) ?? c).join(', ') || '–',
    ]);
  return (
    <section aria-labelledby="risposte" class="mt-4">
      <h2 id="risposte">{r.answersHeading}</h2>
      <div class="chart-grid">
        {props.charts.map((c) => (
          <Chart chart={c} key={c.id} />
        ))}
      </div>
      <Table caption={r.answersCaption(props.network.code, props.weeks)} columns={columns} rows={rows} />
    </section>
  );
}

function Obstacles({ answers, viewer }: { answers: WeekAnswers[]; viewer: Viewer }) {
  const said = answers.filter((a) => a.obstacle).reverse();
  return (
    <section aria-labelledby="ostacoli" class="mt-4">
      <h2 id="ostacoli">{r.obstaclesHeading}</h2>
      {viewer === 'member' ? (
        <p>{r.obstaclesPrivate}</p>
      ) : said.length ? (
        <ul class="obstacles">
          {said.map((a) => (
            <li key={a.week}>
              <strong>{a.week}</strong>: <span class="obstacle-text">{a.obstacle}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={r.obstaclesNone} />
      )}
    </section>
  );
}

function Support({ answers, labels }: { answers: WeekAnswers[]; labels: Map<string, string> }) {
  const counts = new Map<string, { weeks: number; last: string }>();
  for (const a of answers) for (const c of a.support) counts.set(c, { weeks: (counts.get(c)?.weeks ?? 0) + 1, last: a.week });
  const rows = [...counts.entries()].sort((a, b) => b[1].weeks - a[1].weeks).map(([c, v]) => [labels.get(c) ?? c, v.weeks, v.last]);
  return (
    <section aria-labelledby="supporto" class="mt-4">
      <h2 id="supporto">{r.supportHeading}</h2>
      {rows.length ? <Table caption={r.supportCaption} columns={r.supportColumns} rows={rows} /> : <Empty text={r.supportNone} />}
    </section>
  );
}

function Labs({ labs }: { labs: AttendedLab[] }) {
  return (
    <section aria-labelledby="laboratori" class="mt-4">
      <h2 id="laboratori">{r.labsHeading}</h2>
      {labs.length ? (
        <Table
          caption={r.labsCaption}
          columns={r.labsColumns}
          rows={labs.map((l) => [`${l.title}${l.status === 'cancelled' ? r.cancelled : ''}`, l.theme, formatDate(l.startsAt), l.confirmed, l.waiting])}
        />
      ) : (
        <Empty text={r.labsNone} />
      )}
    </section>
  );
}

function Legami({ intros, practices }: { intros: NetworkIntroduction[]; practices: NetworkPractice[] }) {
  return (
    <section aria-labelledby="legami" class="mt-4">
      <h2 id="legami">{r.legamiHeading}</h2>
      {intros.length ? (
        <Table
          caption={r.introCaption}
          columns={r.introColumns}
          rows={intros.map((i) => [
            formatDate(i.createdAt),
            `${i.otherCode} — ${i.otherName}`,
            r.reason[i.reason] ?? i.reason,
            i.theme,
            r.met(i.met, i.notYet, i.notInterested),
          ])}
        />
      ) : (
        <Empty text={r.introNone} />
      )}
      {practices.length ? (
        <Table
          caption={r.practicesCaption}
          columns={r.practiceColumns}
          rows={practices.map((p) => [p.title, r.practiceStatus[p.status] ?? p.status, p.themes.join(', '), formatDate(p.publishedAt ?? p.createdAt)])}
        />
      ) : (
        <Empty text={r.practicesNone} />
      )}
    </section>
  );
}
