// Choosing the week a page is about: links to the week before and after, and the week's dates.
import { formatWeek, isoWeek, shiftWeek, weekStart } from '../../../time.js';
import { parseWeekOrDate } from '../../exports/period.js';
import { itCruscotto as t } from '../texts.js';
import { href } from './context.js';

/** The week in the query string when it is a real ISO week not after the current one. */
export function readWeek(value: string | undefined, now: Date): { week: string | undefined; bad: boolean } {
  if (value === undefined) return { week: undefined, bad: false };
  const week = /^\d{4}-W\d{2}$/.test(value) ? parseWeekOrDate(value) : null;
  if (!week || weekStart(week).getTime() > now.getTime()) return { week: undefined, bad: true };
  return { week, bad: false };
}

export function WeekNav(props: { week: string; now: Date; path: string; query: Record<string, string | undefined> }) {
  const current = isoWeek(props.now);
  const previous = shiftWeek(props.week, -1);
  const next = shiftWeek(props.week, 1);
  return (
    <nav class="week-nav" aria-label={t.weeks.label}>
      <a class="btn btn-outline-primary btn-sm" href={href(props.path, { ...props.query, settimana: previous })}>
        <span aria-hidden="true">← </span>
        {t.weeks.previous} ({previous})
      </a>
      {next <= current && (
        <a class="btn btn-outline-primary btn-sm" href={href(props.path, { ...props.query, settimana: next })}>
          {t.weeks.next} ({next})<span aria-hidden="true"> →</span>
        </a>
      )}
    </nav>
  );
}

export { formatWeek };
