// Changing a scheda: each change writes its rows and one line of history (who, when, through
// what, what changed) in the caller's transaction, and bumps the scheda's version. The chat, the
// Slack modal, the YAML configuration and the CLI all end here.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Author, Frequency, SchedaView } from './model.js';
import { loadScheda } from './repository.js';
import { itScheda } from './texts.js';

const c = itScheda.change;

export interface ObjectiveInput {
  what: string;
  target: number | null;
  unit: string;
  /** A calendar day (UTC midnight of the Rome day). */
  dueOn: Date;
  indicatorCode: string | null;
}

/** Writes a line of history and bumps the version (creating the scheda row on its first change). */
export async function record(tx: Tx, now: Date, networkId: number, author: Author, section: string, action: string, summary: string): Promise<void> {
  await tx.schedaChange.create({ data: { networkId, personId: author.personId, source: author.source, section, action, summary, at: now } });
  await tx.scheda.upsert({
    where: { networkId },
    create: { networkId, version: 1, updatedAt: now, updatedBy: author.personId },
    update: { version: { increment: 1 }, updatedAt: now, updatedBy: author.personId },
  });
}

async function nextNumber(tx: Tx, table: 'schedaStrategy' | 'schedaObjective' | 'schedaRole' | 'schedaFlow', networkId: number): Promise<number> {
  const agg = await (tx[table] as any).aggregate({ where: { networkId }, _max: { number: true } });
  return ((agg._max.number as number | null) ?? 0) + 1;
}

export async function setObjectiveOfChange(tx: Tx, now: Date, networkId: number, value: { objective: string; needs: string }, author: Author): Promise<string> {
  await tx.scheda.upsert({ where: { networkId }, create: { networkId, ...value }, update: value });
  await record(tx, now, networkId, author, 'obiettivo', 'modificato', c.objective);
  return c.objective;
}

export async function setFrequency(tx: Tx, now: Date, networkId: number, frequency: Frequency, author: Author): Promise<string> {
  await tx.scheda.upsert({ where: { networkId }, create: { networkId, frequency }, update: { frequency } });
  await record(tx, now, networkId, author, 'frequenza', 'modificato', c.frequency(frequency));
  return c.frequency(frequency);
}

export async function addStrategy(tx: Tx, now: Date, networkId: number, title: string, first: ObjectiveInput | null, author: Author): Promise<string> {
  const number = await nextNumber(tx, 'schedaStrategy', networkId);
  const s = await tx.schedaStrategy.create({ data: { networkId, number, title, createdAt: now } });
  await record(tx, now, networkId, author, 'strategia', 'aggiunto', c.strategyAdded(number, title));
  const lines = [c.strategyAdded(number, title)];
  if (first) lines.push(await addObjective(tx, now, networkId, s.id, first, author));
  return lines.join(', ');
}

export async function addObjective(tx: Tx, now: Date, networkId: number, strategyId: number, input: ObjectiveInput, author: Author): Promise<string> {
  const strategy = await tx.schedaStrategy.findFirst({ where: { id: strategyId, networkId } });
  if (!strategy) throw new AppError('invalid_input', itScheda.invalid.noStrategies);
  const number = await nextNumber(tx, 'schedaObjective', networkId);
  await tx.schedaObjective.create({ data: { networkId, strategyId, number, ...input, createdAt: now } });
  await record(tx, now, networkId, author, 'obiettivo_specifico', 'aggiunto', c.objectiveAdded(number, input.what));
  return c.objectiveAdded(number, input.what);
}

export async function updateObjective(
  tx: Tx,
  now: Date,
  networkId: number,
  objectiveId: number,
  strategyId: number,
  input: ObjectiveInput,
  author: Author,
): Promise<string> {
  const o = await tx.schedaObjective.findFirstOrThrow({ where: { id: objectiveId, networkId } });
  await tx.schedaObjective.update({ where: { id: o.id }, data: { ...input, strategyId } });
  await record(tx, now, networkId, author, 'obiettivo_specifico', 'modificato', c.objectiveChanged(o.number, input.what));
  return c.objectiveChanged(o.number, input.what);
}

export async function addRole(
  tx: Tx,
  now: Date,
  networkId: number,
  value: { who: string; strategyId: number | null; doing: string },
  author: Author,
): Promise<string> {
  const number = await nextNumber(tx, 'schedaRole', networkId);
  await tx.schedaRole.create({ data: { networkId, number, ...value, createdAt: now } });
  await record(tx, now, networkId, author, 'ruolo', 'aggiunto', c.roleAdded(number, value.who));
  return c.roleAdded(number, value.who);
}

export async function addFlow(
  tx: Tx,
  now: Date,
  networkId: number,
  value: { fromRoleId: number; toRoleId: number; how: string; often: string },
  author: Author,
): Promise<string> {
  if (value.fromRoleId === value.toRoleId) throw new AppError('invalid_input', itScheda.invalid.sameRole);
  const roles = await tx.schedaRole.findMany({ where: { networkId, id: { in: [value.fromRoleId, value.toRoleId] } } });
  if (roles.length !== 2) throw new AppError('invalid_input', itScheda.invalid.noRoles);
  const from = roles.find((r) => r.id === value.fromRoleId)!.number;
  const to = roles.find((r) => r.id === value.toRoleId)!.number;
  const number = await nextNumber(tx, 'schedaFlow', networkId);
  await tx.schedaFlow.create({ data: { networkId, number, ...value, createdAt: now } });
  await record(tx, now, networkId, author, 'flusso', 'aggiunto', c.flowAdded(number, from, to));
  return c.flowAdded(number, from, to);
}

/** An element by its code: S2, O3, R1, F4 (case-insensitive). */
export function parseElement(code: string): { kind: 'S' | 'O' | 'R' | 'F'; number: number } | null {
  const m = /^([SORF])\s*(\d{1,4})$/i.exec(code.trim());
  return m ? { kind: m[1]!.toUpperCase() as 'S' | 'O' | 'R' | 'F', number: Number(m[2]) } : null;
}

/** Removes an element (a strategy takes its objectives with it; a role its flows). */
export async function removeElement(tx: Tx, now: Date, networkId: number, code: string, author: Author): Promise<string> {
  const el = parseElement(code);
  const s = await loadScheda(tx, networkId);
  const missing = () => new AppError('invalid_input', itScheda.invalid.element(code));
  if (!el) throw missing();
  switch (el.kind) {
    case 'S': {
      const x = s.strategies.find((v) => v.number === el.number);
      if (!x) throw missing();
      for (const o of s.objectives.filter((v) => v.strategyId === x.id))
        await record(tx, now, networkId, author, 'obiettivo_specifico', 'rimosso', c.objectiveRemoved(o.number, o.what));
      await tx.schedaStrategy.delete({ where: { id: x.id } });
      await record(tx, now, networkId, author, 'strategia', 'rimosso', c.strategyRemoved(x.number, x.title));
      return c.strategyRemoved(x.number, x.title);
    }
    case 'O': {
      const x = s.objectives.find((v) => v.number === el.number);
      if (!x) throw missing();
      await tx.schedaObjective.delete({ where: { id: x.id } });
      await record(tx, now, networkId, author, 'obiettivo_specifico', 'rimosso', c.objectiveRemoved(x.number, x.what));
      return c.objectiveRemoved(x.number, x.what);
    }
    case 'R': {
      const x = s.roles.find((v) => v.number === el.number);
      if (!x) throw missing();
      for (const f of s.flows.filter((v) => v.fromRoleId === x.id || v.toRoleId === x.id))
        await record(tx, now, networkId, author, 'flusso', 'rimosso', c.flowRemoved(f.number, f.fromNumber, f.toNumber));
      await tx.schedaRole.delete({ where: { id: x.id } });
      await record(tx, now, networkId, author, 'ruolo', 'rimosso', c.roleRemoved(x.number, x.who));
      return c.roleRemoved(x.number, x.who);
    }
    case 'F': {
      const x = s.flows.find((v) => v.number === el.number);
      if (!x) throw missing();
      await tx.schedaFlow.delete({ where: { id: x.id } });
      await record(tx, now, networkId, author, 'flusso', 'rimosso', c.flowRemoved(x.number, x.fromNumber, x.toNumber));
      return c.flowRemoved(x.number, x.fromNumber, x.toNumber);
    }
  }
}

/** The history of a scheda, newest first. */
export async function historyOf(tx: Tx, networkId: number, limit: number) {
  const [rows, total] = await Promise.all([
    tx.$queryRaw<{ id: number; at: Date; source: string; section: string; action: string; summary: string; name: string | null }[]>`
      SELECT c.id, c.at, c.source, c.section, c.action, c.summary, p.name
      FROM scheda_change c LEFT JOIN person p ON p.id = c.person_id
      WHERE c.network_id = ${networkId} ORDER BY c.id DESC LIMIT ${limit}`,
    tx.schedaChange.count({ where: { networkId } }),
  ]);
  return { rows, total };
}

export type { SchedaView };
