// The history of a request: every change, with who and when.
import type { Tx } from '../../db/client.js';

export type EventKind = 'aperta' | 'aggiornata' | 'stato' | 'incontro' | 'nota' | 'confermata';

export interface HistoryEntry {
  kind: EventKind;
  fromState?: string | null;
  toState?: string | null;
  personId: number | null;
  note?: string;
  at: Date;
}

/** Records a change; returns its id (the dedupe keys of the notices it causes use it). */
export async function record(tx: Tx, requestId: number, e: HistoryEntry): Promise<number> {
  const row = await tx.supportRequestEvent.create({
    data: {
      requestId,
      kind: e.kind,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      personId: e.personId,
      note: (e.note ?? '').slice(0, 4000),
      at: e.at,
    },
    select: { id: true },
  });
  return row.id;
}

export async function historyOf(tx: Tx, requestId: number) {
  return tx.supportRequestEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
}
