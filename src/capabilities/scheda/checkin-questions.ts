// The network's own objectives in the weekly check-in: after the common indicators, one question
// per specific objective not yet reached whose due date is not past («A che punto è "…"?»: fermo,
// avviato, a buon punto, raggiunto) and an optional note, every week, every other week (even ISO
// weeks) or once a month (the week whose Monday is among the month's first seven days), as the
// network chose with /scheda frequenza. The answers arrive with `checkins.submitted` and are kept
// per objective and week; «raggiunto» marks the objective reached.
import { DateTime } from 'luxon';
import { Prisma, type Tx } from '../../db/client.js';
import type { FieldSpec, FormState } from '../../conversation/form.js';
import { ZONE, weekStart } from '../../time.js';
import type { CheckinQuestionSource, CheckinSubmitted } from '../checkins/hooks.js';
import { record } from './changes.js';
import { FREQUENCIES, LIMITS, PROGRESS, type Frequency } from './model.js';
import { today } from './repository.js';
import { itScheda as t } from './texts.js';

const STATUS_KEY = /^obiettivo_(\d+)$/;
const statusKey = (id: number) => `obiettivo_${id}`;
const noteKey = (id: number) => `obiettivo_${id}_nota`;

/** Does a network with this frequency get the objective questions in this ISO week? */
export function askedIn(frequency: Frequency, period: string): boolean {
  if (frequency === 'settimanale') return true;
  if (frequency === 'quindicinale') return Number(period.slice(6)) % 2 === 0;
  return DateTime.fromJSDate(weekStart(period), { zone: ZONE }).day <= 7;
}

/** The objectives a check-in asks about: not reached, due today or later. */
export async function activeObjectives(tx: Tx, networkId: number, now: Date) {
  return tx.schedaObjective.findMany({ where: { networkId, reachedAt: null, dueOn: { gte: today(now) } }, orderBy: { number: 'asc' } });
}

export const objectiveQuestions: CheckinQuestionSource = {
  id: 'scheda.obiettivi',
  async questions(tx, { networkId, period, now }): Promise<FieldSpec[]> {
    const scheda = await tx.scheda.findUnique({ where: { networkId }, select: { frequency: true } });
    if (!askedIn((scheda?.frequency ?? 'settimanale') as Frequency, period)) return [];
    const objectives = await activeObjectives(tx, networkId, now);
    return objectives.flatMap((o): FieldSpec[] => [
      { key: statusKey(o.id), label: t.checkin.question(o.what), type: 'choice', required: true, options: PROGRESS.map((p) => ({ ...p })) },
      { key: noteKey(o.id), label: t.checkin.note(o.what), help: t.checkin.noteHelp, type: 'text', required: false, maxLength: LIMITS.note },
    ]);
  },
  async count(tx, { networkIds, period, now }) {
    const frequencies = FREQUENCIES.filter((f) => askedIn(f, period));
    if (!networkIds.length || !frequencies.length) return new Map();
    const rows = await tx.$queryRaw<{ network_id: number; n: number }[]>`
      SELECT o.network_id, (2 * count(*))::int AS n
      FROM scheda_objective o LEFT JOIN scheda s ON s.network_id = o.network_id
      WHERE o.network_id IN (${Prisma.join(networkIds)}) AND o.reached_at IS NULL AND o.due_on >= ${today(now)}::date
        AND coalesce(s.frequency, 'settimanale') IN (${Prisma.join(frequencies)})
      GROUP BY o.network_id`;
    return new Map(rows.map((r) => [r.network_id, r.n]));
  },
  async answers(tx, { networkId, period }) {
    const rows = await tx.objectiveProgress.findMany({ where: { networkId, period } });
    const answers: FormState['answers'] = {};
    for (const r of rows) {
      answers[statusKey(r.objectiveId)] = { choices: [r.status] };
      answers[noteKey(r.objectiveId)] = r.note ? { text: r.note } : null;
    }
    return answers;
  },
};

/** Keeps the objectives' answers of a confirmed (or edited) check-in. */
export async function progressFromCheckin(tx: Tx, submitted: CheckinSubmitted): Promise<void> {
  for (const [key, answer] of Object.entries(submitted.answers)) {
    const id = Number(STATUS_KEY.exec(key)?.[1]);
    if (!id || !answer || !('choices' in answer) || !answer.choices[0]) continue;
    if (submitted.changed && !submitted.changed.includes(key) && !submitted.changed.includes(noteKey(id))) continue;
    const objective = await tx.schedaObjective.findFirst({ where: { id, networkId: submitted.networkId } });
    if (!objective) continue;
    const status = answer.choices[0];
    const noteAnswer = submitted.answers[noteKey(id)];
    const note = noteAnswer && 'text' in noteAnswer ? noteAnswer.text : '';
    const data = { status, note, personId: submitted.personId, at: submitted.at };
    await tx.objectiveProgress.upsert({
      where: { objectiveId_period: { objectiveId: id, period: submitted.period } },
      create: { objectiveId: id, networkId: submitted.networkId, period: submitted.period, ...data },
      update: data,
    });
    if (status === 'raggiunto' && !objective.reachedAt) {
      await tx.schedaObjective.update({ where: { id }, data: { reachedAt: submitted.at } });
      await record(
        tx,
        submitted.at,
        submitted.networkId,
        { personId: submitted.personId, source: 'chat' },
        'obiettivo_specifico',
        'raggiunto',
        t.change.objectiveReached(objective.number, objective.what),
      );
    } else if (status !== 'raggiunto' && objective.reachedAt && submitted.changed) {
      // An edit took «raggiunto» back.
      await tx.schedaObjective.update({ where: { id }, data: { reachedAt: null } });
    }
  }
}
