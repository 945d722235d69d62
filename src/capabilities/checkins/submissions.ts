// Confirmed check-ins: one submission per network and period, every answer stored typed (number,
// choice codes, text, yes/no) with who answered, when, on which platform and for which period, so
// digests and exports aggregate in SQL. Edits until the round closes keep a history of changes.
import type { Tx } from '../../db/client.js';
import type { Answer, FieldSpec, FormState } from '../../conversation/form.js';
import type { DomainEventBus } from '../../events.js';
import { GOOD_PRACTICE_CODE, type CheckinQuestionSource } from './hooks.js';
import type { Round } from './rounds.js';

export interface Author {
  /** Where the submission is announced (domain events, in the same transaction). */
  events: DomainEventBus;
  personId: number;
  platform: string;
  now: Date;
  /** Questions other capabilities add (their answers are compared in an edit). */
  sources?: CheckinQuestionSource[];
}

/** The typed columns of one answer (null: an optional question skipped). */
export function answerColumns(answer: Answer | null | undefined) {
  const base = { numberValue: null as number | null, choiceCodes: [] as string[], textValue: null as string | null, boolValue: null as boolean | null };
  if (answer === null || answer === undefined) return { ...base, skipped: true };
  if ('number' in answer) return { ...base, numberValue: answer.number, skipped: false };
  if ('choices' in answer) return { ...base, choiceCodes: answer.choices, skipped: false };
  if ('text' in answer) return { ...base, textValue: answer.text, skipped: false };
  if ('bool' in answer) return { ...base, boolValue: answer.bool, skipped: false };
  return { ...base, textValue: answer.date, skipped: false };
}

/** Reads stored answer columns back as form answers. */
export function answerOf(row: {
  type: string;
  skipped: boolean;
  numberValue: number | null;
  choiceCodes: string[];
  textValue: string | null;
  boolValue: boolean | null;
}): Answer | null {
  if (row.skipped) return null;
  if (row.numberValue !== null) return { number: row.numberValue };
  if (row.boolValue !== null) return { bool: row.boolValue };
  if (row.type === 'choice' || row.type === 'multi') return { choices: row.choiceCodes };
  return { text: row.textValue ?? '' };
}

async function indicatorIds(tx: Tx, fields: FieldSpec[]): Promise<Map<string, number>> {
  const rows = await tx.indicator.findMany({ where: { code: { in: fields.map((f) => f.key) } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** What the summary's choice about written answers is called among the changes of an edit. */
export const SHARE_TEXT = 'condivisione';

/** The referent chose, in the summary, to share the written answers with the network. */
const sharesText = (state: FormState) => state.subject['shareText'] === true;

/**
 * Stores the network's submission for the round's period and marks the round completed. Returns
 * null when the network already has one (another referent confirmed first).
 */
export async function storeSubmission(tx: Tx, round: Round, state: FormState, author: Author): Promise<{ id: number } | null> {
  const created = await tx.checkinSubmission.createManyAndReturn({
    data: [
      {
        roundId: round.id,
        networkId: round.networkId,
        period: round.period,
        personId: author.personId,
        platform: author.platform,
        fields: state.fields as object[],
        submittedAt: author.now,
        updatedAt: author.now,
        updatedBy: author.personId,
        shareText: sharesText(state),
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const submission = created[0];
  if (!submission) return null;
  const ids = await indicatorIds(tx, state.fields);
  await tx.checkinAnswer.createMany({
    data: state.fields
      .filter((f) => ids.has(f.key))
      .map((f) => ({
        submissionId: submission.id,
        indicatorId: ids.get(f.key)!,
        indicatorCode: f.key,
        type: f.type,
        networkId: round.networkId,
        period: round.period,
        personId: author.personId,
        platform: author.platform,
        answeredAt: author.now,
        ...answerColumns(state.answers[f.key]),
      })),
  });
  await tx.checkinRound.update({ where: { id: round.id }, data: { completedAt: author.now, answeringPersonId: author.personId } });
  const event = {
    submissionId: submission.id,
    networkId: round.networkId,
    period: round.period,
    personId: author.personId,
    answers: state.answers,
    changed: null,
    at: author.now,
  };
  await author.events.emit(tx, 'checkins.submitted', event);
  const practice = state.answers[GOOD_PRACTICE_CODE];
  if (practice && 'text' in practice) {
    await author.events.emit(tx, 'checkins.goodPractice', {
      submissionId: submission.id,
      networkId: round.networkId,
      period: round.period,
      personId: author.personId,
      text: practice.text,
      answeredAt: author.now,
    });
  }
  return submission;
}

/** The stored answers of a submission, as form answers by indicator code (and those of the added questions). */
export async function storedAnswers(tx: Tx, submissionId: number, sources: CheckinQuestionSource[] = []): Promise<FormState['answers']> {
  const rows = await tx.checkinAnswer.findMany({ where: { submissionId } });
  const answers: FormState['answers'] = Object.fromEntries(rows.map((r) => [r.indicatorCode, answerOf(r)]));
  if (sources.length) {
    const submission = await tx.checkinSubmission.findUniqueOrThrow({ where: { id: submissionId }, select: { networkId: true, period: true } });
    for (const source of sources) Object.assign(answers, await source.answers(tx, submission));
  }
  return answers;
}

const same = (a: Answer | null | undefined, b: Answer | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Applies an edit of a confirmed submission: only the answers that changed are rewritten (with the
 * editor as who answered, and when); the change is kept in checkin_edit. Returns the codes changed.
 */
export async function editSubmission(tx: Tx, submissionId: number, state: FormState, author: Author): Promise<string[]> {
  const submission = await tx.checkinSubmission.findUniqueOrThrow({ where: { id: submissionId } });
  const before = await storedAnswers(tx, submissionId, author.sources);
  const changed = state.fields.filter((f) => f.key in before && !same(before[f.key], state.answers[f.key]));
  if (sharesText(state) !== submission.shareText) {
    await tx.checkinSubmission.update({ where: { id: submissionId }, data: { shareText: sharesText(state) } });
    if (changed.length === 0) return [SHARE_TEXT];
  }
  if (changed.length === 0) return [];
  for (const f of changed) {
    await tx.checkinAnswer.updateMany({
      where: { submissionId, indicatorCode: f.key },
      data: { ...answerColumns(state.answers[f.key]), personId: author.personId, platform: author.platform, answeredAt: author.now },
    });
  }
  const version = submission.version + 1;
  await tx.checkinSubmission.update({ where: { id: submissionId }, data: { version, updatedAt: author.now, updatedBy: author.personId } });
  await tx.checkinEdit.create({
    data: {
      submissionId,
      version,
      personId: author.personId,
      platform: author.platform,
      editedAt: author.now,
      changes: changed.map((f) => ({ code: f.key, before: before[f.key] ?? null, after: state.answers[f.key] ?? null })),
    },
  });
  const codes = changed.map((f) => f.key);
  await author.events.emit(tx, 'checkins.submitted', {
    submissionId,
    networkId: submission.networkId,
    period: submission.period,
    personId: author.personId,
    answers: state.answers,
    changed: codes,
    at: author.now,
  });
  const practice = state.answers[GOOD_PRACTICE_CODE];
  if (codes.includes(GOOD_PRACTICE_CODE) && practice && 'text' in practice) {
    await author.events.emit(tx, 'checkins.goodPractice', {
      submissionId,
      networkId: submission.networkId,
      period: submission.period,
      personId: author.personId,
      text: practice.text,
      answeredAt: author.now,
    });
  }
  return changed.map((f) => f.key);
}
