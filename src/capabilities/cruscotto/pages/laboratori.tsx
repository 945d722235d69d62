// Laboratori: the sessions to come, month by month, with seats, sign-ups and waiting lists; the
// sessions of the last six months with participants and feedback. Coordinators also see who is
// signed up or waiting, and the comments.
import { responseColors } from '../../../charts/palette.js';
import type { ChartSpec } from '../../../charts/spec.js';
import { DateTime } from 'luxon';
import { formatRange, ZONE } from '../../../time.js';
import { visibleNetworkIds } from '../access.js';
import { labPeople, labsBetween, type LabPeople, type LabRow } from '../queries/labs.js';
import { itPages } from '../texts.js';
import type { PageRequest } from '../web/request.js';
import { Chart, draw, Empty, Table } from './components.js';
import { html, Page } from './layout.js';

const l = itPages.labs;
const DAY = 86_400_000;

const where = (lab: LabRow) => (lab.place && lab.online ? l.both(lab.place) : lab.place || (lab.online ? l.online : '–'));
const short = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).setLocale('it').toFormat('d LLL');
const month = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).setLocale('it').toFormat('LLLL yyyy');

export async function laboratoriPage(req: PageRequest): Promise<string> {
  const { db, ctx } = req;
  const now = ctx.now;
  const labs = await labsBetween(db, new Date(now.getTime() - 183 * DAY), visibleNetworkIds(ctx.user));
  const upcoming = labs.filter((x) => x.endsAt.getTime() >= now.getTime());
  const past = labs.filter((x) => x.endsAt.getTime() < now.getTime()).reverse();
  const people = ctx.user.coordinator
    ? await labPeople(
        db,
        labs.map((x) => x.id),
      )
    : new Map<number, LabPeople>();
  const scheduled = upcoming.filter((x) => x.status !== 'cancelled');
  const rated = past.filter((x) => x.rating !== null && x.status !== 'cancelled').reverse();
  const specs: { id: string; spec: ChartSpec }[] = [];
  if (scheduled.length)
    specs.push({
      id: 'iscrizioni',
      spec: {
        kind: 'bar',
        stacked: true,
        title: l.signupsTitle,
        summary: l.signupsSummary(
          scheduled.length,
          scheduled.reduce((s, x) => s + x.confirmed, 0),
          scheduled.reduce((s, x) => s + x.waiting, 0),
        ),
        unit: 'persone',
        categories: scheduled.map((x) => `${short(x.startsAt)} · ${x.title}`),
        series: [
          { name: l.signupsSeries.confirmed, values: scheduled.map((x) => x.confirmed), color: responseColors.onTime },
          { name: l.signupsSeries.waiting, values: scheduled.map((x) => x.waiting), color: responseColors.late },
        ],
      },
    });
  if (rated.length) {
    const total = rated.reduce((s, x) => s + x.feedback, 0);
    const average = rated.reduce((s, x) => s + (x.rating ?? 0) * x.feedback, 0) / Math.max(1, total);
    specs.push({
      id: 'gradimento',
      spec: {
        kind: 'bar',
        title: l.ratingTitle,
        summary: l.ratingSummary(rated.length, itPages.number(Math.round(average * 10) / 10)),
        unit: '1–5',
        categories: rated.map((x) => `${short(x.startsAt)} · ${x.title}`),
        series: [{ name: l.ratingSeries, values: rated.map((x) => Math.round((x.rating ?? 0) * 10) / 10) }],
        min: 0,
        max: 5,
      },
    });
  }
  const charts = await draw(specs);
  const months = new Map<string, LabRow[]>();
  for (const lab of upcoming) months.set(month(lab.startsAt), [...(months.get(month(lab.startsAt)) ?? []), lab]);
  const title = (lab: LabRow) => `${lab.title}${lab.status === 'cancelled' ? ` (${l.cancelled})` : ''}`;
  return html(
    <Page title={l.title} ctx={ctx} section="laboratori" lead={ctx.user.coordinator ? l.lead : l.leadOwn}>
      <section aria-labelledby="prossimi">
        <h2 id="prossimi">{l.upcomingHeading}</h2>
        {charts
          .filter((c) => c.id === 'iscrizioni')
          .map((c) => (
            <Chart chart={c} key={c.id} />
          ))}
        {upcoming.length ? (
          [...months.entries()].map(([name, list]) => (
            <div key={name}>
              <h3 class="h4 mt-3 text-capitalize">{name}</h3>
              <Table
                caption={l.monthCaption(name)}
                captionHidden
                columns={l.columns}
                rows={list.map((x) => [formatRange(x.startsAt, x.endsAt), title(x), x.theme, where(x), l.seats(x.confirmed, x.capacity), x.waiting])}
              />
              {ctx.user.coordinator && list.map((x) => <People key={x.id} lab={x} people={people.get(x.id)} />)}
            </div>
          ))
        ) : (
          <Empty text={l.upcomingNone} />
        )}
      </section>
      <section aria-labelledby="passati" class="mt-5">
        <h2 id="passati">{l.pastHeading}</h2>
        {charts
          .filter((c) => c.id === 'gradimento')
          .map((c) => (
            <Chart chart={c} key={c.id} />
          ))}
        {past.length ? (
          <>
            <Table
              caption={l.pastHeading}
              captionHidden
              columns={l.pastColumns}
              rows={past.map((x) => [
                formatRange(x.startsAt, x.endsAt),
                title(x),
                x.theme,
                x.confirmed,
                x.feedback,
                x.rating === null ? null : Math.round(x.rating * 10) / 10,
              ])}
            />
            {ctx.user.coordinator && past.map((x) => <People key={x.id} lab={x} people={people.get(x.id)} comments />)}
          </>
        ) : (
          <Empty text={l.pastNone} />
        )}
      </section>
    </Page>,
  );
}

function People({ lab, people, comments }: { lab: LabRow; people: LabPeople | undefined; comments?: boolean }) {
  if (!people || (!people.confirmed.length && !people.waiting.length && !people.comments.length)) return null;
  return (
    <details class="lab-people">
      <summary>
        {l.people}: {lab.title}
      </summary>
      <p>
        <strong>{l.confirmedList}:</strong> {people.confirmed.join(', ') || l.nobody}
      </p>
      <p>
        <strong>{l.waitingList}:</strong> {people.waiting.join(', ') || l.nobody}
      </p>
      {comments && people.comments.length > 0 && (
        <>
          <p class="mb-1">
            <strong>{l.comments}:</strong>
          </p>
          <ul>
            {people.comments.map((c, i) => (
              <li key={i}>
                {c.rating}/5 — {c.comment}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
