// Where other capabilities plug into check-ins.
//
// GOOD PRACTICES: the answer to "buona_prassi" is stored verbatim (checkin_answer.text_value). The
// good-practice library (Legami) can either
//   - register a listener in `goodPracticeListeners`: it runs in the transaction that confirms (or
//     edits) the check-in, e.g. to create a "proposta" and notify the coordinators; or
//   - read them later with `goodPracticesFromCheckins(tx, { period })` (e.g. in a job or a digest).
import type { Tx } from '../../db/client.js';
import { proposeFromCheckin } from '../legami/practices.js';

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

export type GoodPracticeListener = (tx: Tx, practice: GoodPracticeFromCheckin) => Promise<void>;

/**
 * Listeners called when a confirmed check-in brings a (new or edited) good practice: the
 * good-practice library makes it a proposal for the coordinators (idempotent per network and week).
 */
export const goodPracticeListeners: GoodPracticeListener[] = [
  async (tx, p) => {
    await proposeFromCheckin(tx, { networkId: p.networkId, personId: p.personId, text: p.text, period: p.period });
  },
];

export async function notifyGoodPractice(tx: Tx, practice: GoodPracticeFromCheckin): Promise<void> {
  for (const listener of goodPracticeListeners) await listener(tx, practice);
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
  return rows.map((r) => ({ submissionId: r.submissionId, networkId: r.networkId, period: r.period, personId: r.personId, text: r.textValue!, answeredAt: r.answeredAt }));
}
