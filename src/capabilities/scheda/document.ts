// A scheda as a document (the `schede:` section of the YAML configuration, and the CLI's export
// and import): read from the database with each element's number, checked as a whole (every
// reference resolved, dates real, targets bounded), then applied element by element by number,
// so progress stays with its objective and every difference becomes a line of history. Loading
// the same document again changes nothing.
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import type { Tx } from '../../db/client.js';
import { ZONE } from '../../time.js';
import { record, setFrequency, setObjectiveOfChange } from './changes.js';
import type { Author, SchedaDoc, SchedaView } from './model.js';
import { dayOf, isoDay, loadScheda, numericIndicators, today } from './repository.js';
import { itScheda } from './texts.js';

const c = itScheda.change;

export function docOf(s: SchedaView): SchedaDoc {
  return {
    network: s.code,
    objective: s.objective,
    needs: s.needs,
    frequency: s.frequency,
    strategies: s.strategies.map((st) => ({
      number: st.number,
      title: st.title,
      objectives: s.objectives
        .filter((o) => o.strategyId === st.id)
        .map((o) => ({ number: o.number, what: o.what, target: o.target, unit: o.unit, due: isoDay(o.dueOn), indicator: o.indicatorCode })),
    })),
    roles: s.roles.map((r) => ({ number: r.number, who: r.who, strategy: r.strategyNumber, doing: r.doing })),
    flows: s.flows.map((f) => ({ number: f.number, from: f.fromNumber, to: f.toNumber, how: f.how, often: f.often })),
  };
}

export function docYaml(doc: SchedaDoc): string {
  return stringify(doc, { lineWidth: 0 });
}

/** Numbers given, or the next free one in order. */
function numbered<T extends { number?: number | undefined }>(items: T[]): (T & { number: number })[] {
  let next = Math.max(0, ...items.map((i) => i.number ?? 0)) + 1;
  return items.map((i) => ({ ...i, number: i.number ?? next++ }));
}

export interface DocProblem {
  path: (string | number)[];
  message: string;
}

/** A calendar day from "2027-06-30", "30/06/2027" or a YAML date. */
function parseDue(due: string | Date): Date | null {
  if (due instanceof Date) return Number.isNaN(due.getTime()) ? null : dayOf(due.toISOString().slice(0, 10));
  for (const f of ['yyyy-MM-dd', 'd/M/yyyy']) {
    const d = DateTime.fromFormat(due, f, { zone: ZONE });
    if (d.isValid) return dayOf(d.toISODate()!);
  }
  return null;
}

interface Plan {
  strategies: { number: number; title: string }[];
  objectives: { number: number; strategy: number; what: string; target: number | null; unit: string; dueOn: Date; indicatorCode: string | null }[];
  roles: { number: number; who: string; strategy: number | null; doing: string }[];
  flows: { number: number; from: number; to: number; how: string; often: string }[];
}

/** Checks a document against the network's scheda: the plan to apply, or the first problem. */
export async function planDoc(tx: Tx, now: Date, networkId: number, doc: SchedaDoc): Promise<{ plan: Plan } | { problem: DocProblem }> {
  const current = await loadScheda(tx, networkId);
  const indicators = new Set((await numericIndicators(tx)).map((i) => i.code));
  const strategies = numbered(doc.strategies);
  const seen = (list: { number: number }[]) => list.findIndex((x, i) => list.findIndex((y) => y.number === x.number) !== i);
  const dupS = seen(strategies);
  if (dupS >= 0) return { problem: { path: ['strategies', dupS, 'number'], message: `il numero ${strategies[dupS]!.number} compare due volte` } };
  const allObjectives = numbered(strategies.flatMap((s) => s.objectives.map((o) => ({ ...o, strategy: s.number }))));
  const objectives: Plan['objectives'] = [];
  let k = 0;
  for (const [si, s] of strategies.entries()) {
    for (const [oi, o] of s.objectives.entries()) {
      const withNumber = allObjectives[k++]!;
      const path = ['strategies', si, 'objectives', oi];
      const dueOn = parseDue(o.due);
      if (!dueOn) return { problem: { path: [...path, 'due'], message: itScheda.invalid.dueBad } };
      const stored = current.objectives.find((x) => x.number === withNumber.number);
      if (dueOn < today(now) && !(stored && isoDay(stored.dueOn) === isoDay(dueOn)))
        return { problem: { path: [...path, 'due'], message: itScheda.invalid.duePast } };
      if (o.indicator && !indicators.has(o.indicator))
        return { problem: { path: [...path, 'indicator'], message: `l’indicatore ${o.indicator} non esiste o non è numerico` } };
      objectives.push({
        number: withNumber.number,
        strategy: s.number,
        what: o.what,
        target: o.target,
        unit: o.unit,
        dueOn,
        indicatorCode: o.indicator ?? null,
      });
    }
  }
  const dupO = seen(objectives);
  if (dupO >= 0) return { problem: { path: ['strategies'], message: `l’obiettivo numero ${objectives[dupO]!.number} compare due volte` } };
  const roles = numbered(doc.roles);
  const dupR = seen(roles);
  if (dupR >= 0) return { problem: { path: ['roles', dupR, 'number'], message: `il numero ${roles[dupR]!.number} compare due volte` } };
  for (const [i, r] of roles.entries()) {
    if (r.strategy !== null && !strategies.some((s) => s.number === r.strategy))
      return { problem: { path: ['roles', i, 'strategy'], message: `la strategia S${r.strategy} non c’è` } };
  }
  const flows = numbered(doc.flows);
  const dupF = seen(flows);
  if (dupF >= 0) return { problem: { path: ['flows', dupF, 'number'], message: `il numero ${flows[dupF]!.number} compare due volte` } };
  for (const [i, f] of flows.entries()) {
    for (const end of ['from', 'to'] as const) {
      if (!roles.some((r) => r.number === f[end])) return { problem: { path: ['flows', i, end], message: `il ruolo R${f[end]} non c’è` } };
    }
    if (f.from === f.to) return { problem: { path: ['flows', i, 'to'], message: itScheda.invalid.sameRole } };
  }
  return {
    plan: {
      strategies: strategies.map((s) => ({ number: s.number, title: s.title })),
      objectives,
      roles: roles.map((r) => ({ number: r.number, who: r.who, strategy: r.strategy, doing: r.doing })),
      flows: flows.map((f) => ({ number: f.number, from: f.from, to: f.to, how: f.how, often: f.often })),
    },
  };
}

/** Applies a checked document; returns the lines of history written (none: nothing changed). */
export async function applyDoc(tx: Tx, now: Date, networkId: number, doc: SchedaDoc, plan: Plan, author: Author): Promise<string[]> {
  const current = await loadScheda(tx, networkId);
  const lines: string[] = [];
  const log = async (section: string, action: string, summary: string) => {
    await record(tx, now, networkId, author, section, action, summary);
    lines.push(summary);
  };
  if (doc.objective !== current.objective || doc.needs !== current.needs) {
    lines.push(await setObjectiveOfChange(tx, now, networkId, { objective: doc.objective, needs: doc.needs }, author));
  }
  if (doc.frequency !== current.frequency) lines.push(await setFrequency(tx, now, networkId, doc.frequency, author));

  // Strategies by number.
  const strategyId = new Map<number, number>();
  for (const s of plan.strategies) {
    const stored = current.strategies.find((x) => x.number === s.number);
    if (!stored) {
      const row = await tx.schedaStrategy.create({ data: { networkId, number: s.number, title: s.title, createdAt: now } });
      strategyId.set(s.number, row.id);
      await log('strategia', 'aggiunto', c.strategyAdded(s.number, s.title));
    } else {
      strategyId.set(s.number, stored.id);
      if (stored.title !== s.title) {
        await tx.schedaStrategy.update({ where: { id: stored.id }, data: { title: s.title } });
        await log('strategia', 'modificato', c.strategyChanged(s.number, s.title));
      }
    }
  }
  // Objectives by number (removed ones first, so a strategy removed takes nothing unexpected).
  for (const o of current.objectives.filter((x) => !plan.objectives.some((y) => y.number === x.number))) {
    await tx.schedaObjective.delete({ where: { id: o.id } });
    await log('obiettivo_specifico', 'rimosso', c.objectiveRemoved(o.number, o.what));
  }
  for (const o of plan.objectives) {
    const stored = current.objectives.find((x) => x.number === o.number);
    const data = { strategyId: strategyId.get(o.strategy)!, what: o.what, target: o.target, unit: o.unit, dueOn: o.dueOn, indicatorCode: o.indicatorCode };
    if (!stored) {
      await tx.schedaObjective.create({ data: { networkId, number: o.number, ...data, createdAt: now } });
      await log('obiettivo_specifico', 'aggiunto', c.objectiveAdded(o.number, o.what));
    } else if (
      stored.strategyId !== data.strategyId ||
      stored.what !== o.what ||
      stored.target !== o.target ||
      stored.unit !== o.unit ||
      isoDay(stored.dueOn) !== isoDay(o.dueOn) ||
      stored.indicatorCode !== o.indicatorCode
    ) {
      await tx.schedaObjective.update({ where: { id: stored.id }, data });
      await log('obiettivo_specifico', 'modificato', c.objectiveChanged(o.number, o.what));
    }
  }
  for (const s of current.strategies.filter((x) => !plan.strategies.some((y) => y.number === x.number))) {
    await tx.schedaStrategy.delete({ where: { id: s.id } });
    await log('strategia', 'rimosso', c.strategyRemoved(s.number, s.title));
  }
  // Roles, then flows, by number.
  const goneRoles = new Set(current.roles.filter((x) => !plan.roles.some((y) => y.number === x.number)).map((r) => r.id));
  const goneFlows = current.flows.filter((x) => !plan.flows.some((y) => y.number === x.number) || goneRoles.has(x.fromRoleId) || goneRoles.has(x.toRoleId));
  for (const f of goneFlows) {
    await tx.schedaFlow.delete({ where: { id: f.id } });
    await log('flusso', 'rimosso', c.flowRemoved(f.number, f.fromNumber, f.toNumber));
  }
  const roleId = new Map<number, number>();
  for (const r of plan.roles) {
    const stored = current.roles.find((x) => x.number === r.number);
    const data = { who: r.who, doing: r.doing, strategyId: r.strategy === null ? null : strategyId.get(r.strategy)! };
    if (!stored) {
      const row = await tx.schedaRole.create({ data: { networkId, number: r.number, ...data, createdAt: now } });
      roleId.set(r.number, row.id);
      await log('ruolo', 'aggiunto', c.roleAdded(r.number, r.who));
    } else {
      roleId.set(r.number, stored.id);
      if (stored.who !== r.who || stored.doing !== r.doing || stored.strategyId !== data.strategyId) {
        await tx.schedaRole.update({ where: { id: stored.id }, data });
        await log('ruolo', 'modificato', c.roleChanged(r.number, r.who));
      }
    }
  }
  for (const r of current.roles.filter((x) => !plan.roles.some((y) => y.number === x.number))) {
    await tx.schedaRole.delete({ where: { id: r.id } });
    await log('ruolo', 'rimosso', c.roleRemoved(r.number, r.who));
  }
  for (const f of plan.flows) {
    const stored = current.flows.find((x) => x.number === f.number && !goneFlows.includes(x));
    const data = { fromRoleId: roleId.get(f.from)!, toRoleId: roleId.get(f.to)!, how: f.how, often: f.often };
    if (!stored) {
      await tx.schedaFlow.create({ data: { networkId, number: f.number, ...data, createdAt: now } });
      await log('flusso', 'aggiunto', c.flowAdded(f.number, f.from, f.to));
    } else if (stored.fromRoleId !== data.fromRoleId || stored.toRoleId !== data.toRoleId || stored.how !== f.how || stored.often !== f.often) {
      await tx.schedaFlow.update({ where: { id: stored.id }, data });
      await log('flusso', 'modificato', c.flowChanged(f.number, f.from, f.to));
    }
  }
  return lines;
}
