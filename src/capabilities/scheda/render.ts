// How a scheda and its history read in chat.
import type { OutMessage } from '../../platform/port.js';
import { completenessOf, type SchedaView } from './model.js';
import { today } from './repository.js';
import { itScheda as t } from './texts.js';

export function objectiveStatus(o: SchedaView['objectives'][number], now: Date): string {
  if (o.reachedAt) return t.view.reached;
  const parts = [o.last ? t.view.status(o.last.status, o.last.period) : '', o.dueOn < today(now) ? t.view.pastDue : ''].filter(Boolean);
  return parts.join(', ');
}

export function renderScheda(s: SchedaView, now: Date): OutMessage {
  const n = { code: s.code, name: s.name };
  const done = completenessOf(s);
  const lines: string[] = [t.view.objective(s.objective), t.view.needs(s.needs), ''];
  lines.push(`**${t.steps.strategie}**`);
  if (!s.strategies.length) lines.push(t.view.none);
  for (const st of s.strategies) {
    lines.push(t.view.strategy(st.number, st.title));
    for (const o of s.objectives.filter((x) => x.strategyId === st.id)) lines.push(t.view.objectiveLine(o, objectiveStatus(o, now)));
  }
  lines.push('', `**${t.steps.ruoli}**`);
  if (!s.roles.length) lines.push(t.view.none);
  for (const r of s.roles) lines.push(t.view.role(r.number, r.who, r.doing, r.strategyNumber));
  lines.push('', `**${t.steps.flussi}**`);
  if (!s.flows.length) lines.push(t.view.none);
  for (const f of s.flows) lines.push(t.view.flow(f.number, f.fromNumber, f.toNumber, f.how, f.often));
  const state = done.complete
    ? t.view.complete
    : [t.view.incomplete(done.done.length), t.view.missingHeader, ...done.missing.map((m) => t.view.missing(t.steps[m], t.stepQuestion[m]))].join('\n');
  const foot = [t.view.frequency(s.frequency), s.updatedAt ? t.view.updated(s.updatedAt, s.updatedBy) : '', t.view.edit].filter(Boolean).join('\n');
  const title = t.view.title(n);
  return {
    text: [title, lines.join('\n'), state, foot].join('\n\n'),
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: lines.join('\n') },
      { type: 'text', text: state },
      { type: 'context', text: foot },
    ],
  };
}
