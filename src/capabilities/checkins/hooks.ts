// Where other capabilities plug into check-ins.
//
// Questions: a capability may add questions after the indicators (the scheda asks where each of
// the network's objectives stands) by contributing `checkinQuestions` in its Capability; their
// answers travel in `checkins.submitted` (they are not indicators, so checkin_answer does not keep
// them: the contributing capability stores them) and come back through `answers` for an edit.
//
// Check-ins announce two domain events, emitted in the transaction that confirms (or edits) a
// check-in: `checkins.submitted` (every answer) and `checkins.goodPractice` (the answer to
// "buona_prassi", stored verbatim in checkin_answer.text_value). Other capabilities subscribe in
// their `on` contribution (Legami makes a good practice a proposal for the coordinators), or read
// the answers later with `goodPracticesFromCheckins(tx, { period })`.
import type { Tx } from '../../db/client.js';
import type { FieldSpec, FormState } from '../../conversation/form.js';

/** Questions another capability adds to a network's check-in, after the indicators. */
export interface CheckinQuestionSource {
  /** Unique: "scheda.obiettivi". */
  id: string;
  /** The questions for this network and period (none: an empty list). Keys must not be indicator codes. */
  questions(tx: Tx, query: { networkId: number; period: string; now: Date }): Promise<FieldSpec[]>;
  /** How many questions each of these networks gets in this period (the prompt says how many in all). */
  count(tx: Tx, query: { networkIds: number[]; period: string; now: Date }): Promise<Map<number, number>>;
  /** The answers stored for these questions (an edit shows them again). */
  answers(tx: Tx, query: { networkId: number; period: string }): Promise<FormState['answers']>;
}

declare module '../../capability.js' {
  interface Capability {
    /** Questions added to the weekly check-in after the indicators (src/capabilities/checkins/hooks.ts). */
    checkinQuestions?: CheckinQuestionSource[];
  }
}

/** The indicator whose answer is a good practice to share. */
export const GOOD_PRACTICE_CODE = 'buona_prassi';

export interface GoodPracticeFromCheckin {
  submissionId: number;
  networkId: number;
  /** ISO week, "2026-W48". */
  period: string;
  personId: number;
  /** Verbatim, as the referent wrote it. */
  text: string;
  answeredAt: Date;
}

/** A confirmed (or edited) check-in: every answer, for capabilities that act on some of them. */
export interface CheckinSubmitted {
  submissionId: number;
  networkId: number;
  period: string;
  personId: number;
  answers: FormState['answers'];
  /** Indicator codes that changed, for an edit; null for a first confirmation. */
  changed: string[] | null;
  at: Date;
}

declare module '../../events.js' {
  interface DomainEvents {
    /** A confirmed check-in brought a good practice (new, or changed by an edit). */
    'checkins.goodPractice': GoodPracticeFromCheckin;
    /** A check-in was confirmed, or a confirmed one edited. */
    'checkins.submitted': CheckinSubmitted;
  }
}

/** Good practices written in check-ins, for one period or since a date, oldest first. */
export async function goodPracticesFromCheckins(tx: Tx, query: { period?: string; since?: Date; networkId?: number }): Promise<GoodPracticeFromCheckin[]> {
  const rows = await tx.checkinAnswer.findMany({
    where: {
      indicatorCode: GOOD_PRACTICE_CODE,
      skipped: false,
      textValue: { not: null },
      ...(query.period ? { period: query.period } : {}),
      ...(query.since ? { answeredAt: { gte: query.since } } : {}),
      ...(query.networkId ? { networkId: query.networkId } : {}),
    },
    orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    submissionId: r.submissionId,
    networkId: r.networkId,
    period: r.period,
    personId: r.personId,
    text: r.textValue!,
    answeredAt: r.answeredAt,
  }));
}
