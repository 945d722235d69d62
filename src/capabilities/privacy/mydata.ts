// /imieidati (GDPR art. 15): everything Reti holds about one person, as a JSON document and a CSV
// of readable lines (section, what, value). Read straight from the tables, in the caller's transaction.
import { stringify } from 'csv-stringify/sync';
import type { Tx } from '../../db/client.js';

type Row = Record<string, unknown>;

export async function personalData(tx: Tx, personId: number): Promise<Record<string, Row[] | Row>> {
  const id = personId;
  const person = await tx.person.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, coordinator: true, createdAt: true } });
  return {
    persona: person,
    account: await tx.account.findMany({
      where: { personId: id },
      select: { platform: true, workspace: true, externalId: true, displayName: true, username: true, createdAt: true, lastSeenAt: true },
    }),
    ruoli: (await tx.membership.findMany({ where: { personId: id }, include: { network: { select: { code: true, name: true } } } })).map((m) => ({
      rete: m.network.code,
      nome_rete: m.network.name,
      ruolo: m.role,
      dal: m.createdAt,
    })),
    risposte_checkin: (await tx.checkinAnswer.findMany({ where: { personId: id }, orderBy: { id: 'asc' } })).map((a) => ({
      periodo: a.period,
      domanda: a.indicatorCode,
      valore: a.skipped ? null : (a.numberValue ?? a.textValue ?? (a.choiceCodes.length ? a.choiceCodes.join('; ') : a.boolValue)),
      quando: a.answeredAt,
      piattaforma: a.platform,
    })),
    checkin_confermati: await tx.checkinSubmission.findMany({
      where: { personId: id },
      select: { period: true, submittedAt: true, platform: true, shareText: true },
    }),
    iscrizioni_laboratori: (await tx.labSignup.findMany({ where: { personId: id }, include: { lab: { select: { title: true, startsAt: true } } } })).map(
      (s) => ({
        laboratorio: s.lab.title,
        inizio: s.lab.startsAt,
        stato: s.status,
      }),
    ),
    gradimento_laboratori: await tx.labFeedback.findMany({ where: { personId: id }, select: { labId: true, rating: true, comment: true } }),
    presentazioni: await tx.introduction.findMany({
      where: { OR: [{ personAId: id }, { personBId: id }] },
      select: { id: true, theme: true, createdAt: true },
    }),
    buone_prassi_proposte: await tx.goodPractice.findMany({ where: { proposedById: id }, select: { title: true, description: true, status: true } }),
    contatto_di_partner: await tx.partner.findMany({ where: { contactPersonId: id }, select: { name: true, contact: true } }),
    richieste_aperte: await tx.supportRequest.findMany({ where: { openedById: id }, select: { id: true, kind: true, need: true, state: true } }),
    inviti_incontri: await tx.meetingInvite.findMany({ where: { personId: id }, select: { meetingId: true } }),
    registro: await tx.auditEntry.findMany({
      where: { OR: [{ subjectPersonId: id }, { actorPersonId: id }] },
      select: { at: true, action: true, detail: true },
    }),
    conversazioni: await tx.conversation.findMany({ where: { personId: id }, select: { flow: true, status: true, createdAt: true, updatedAt: true } }),
  };
}

const cell = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The same data as CSV lines: section, item number, field, value (formulas neutralised). */
export function personalDataCsv(data: Record<string, Row[] | Row>): string {
  const lines: string[][] = [];
  for (const [section, value] of Object.entries(data)) {
    const rows = Array.isArray(value) ? value : [value];
    rows.forEach((row, i) => {
      for (const [field, v] of Object.entries(row)) lines.push([section, String(i + 1), field, cell(v)]);
    });
  }
  return stringify(lines, { bom: true, header: true, columns: ['sezione', 'n', 'campo', 'valore'], escape_formulas: true });
}
