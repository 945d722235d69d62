// The audit trail (README, "Dati personali"): who exported what, who ran /digest, who changed roles,
// who erased whom. Written in the transaction of the action it records; read by /registro and the CLI.
import type { Tx } from './db/client.js';

export type AuditAction = 'export' | 'digest' | 'role' | 'erase';

export async function audit(
  tx: Tx,
  entry: { at: Date; actorPersonId?: number | null; action: AuditAction; subjectPersonId?: number | null; detail: string },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      at: entry.at,
      actorPersonId: entry.actorPersonId ?? null,
      action: entry.action,
      subjectPersonId: entry.subjectPersonId ?? null,
      detail: entry.detail.slice(0, 500),
    },
  });
}

/** The newest entries, with the actor's current name (an erased actor reads «persona rimossa»). */
export async function recentAudit(tx: Tx, limit: number): Promise<{ at: Date; actor: string | null; action: string; detail: string }[]> {
  const rows = await tx.auditEntry.findMany({ orderBy: { id: 'desc' }, take: limit });
  const ids = [...new Set(rows.flatMap((r) => (r.actorPersonId ? [r.actorPersonId] : [])))];
  const names = new Map((await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return rows.map((r) => ({ at: r.at, actor: r.actorPersonId ? (names.get(r.actorPersonId) ?? null) : null, action: r.action, detail: r.detail }));
}
