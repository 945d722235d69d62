// How requests and meetings read in chat: a request in a list, a request in full with its history
// and the buttons for what can be done next, and a network at a glance («Vedi rete»).
import type { Actor } from '../../bus/types.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Block, Button, OutMessage } from '../../platform/port.js';
import { networkSummary } from '../networks/directory.js';
import { historyOf } from './history.js';
import { MEETING_KINDS } from './kinds.js';
import type { ListedRequest } from './listing.js';
import { meetingLines } from './meeting-notices.js';
import type { RequestRecord } from './model.js';
import { ACTIONS } from './notices.js';
import { findRequest, networkRef, personNames } from './repository.js';
import { isOpen } from './states.js';
import { itRichieste as t } from './texts.js';

const DAY = 86_400_000;

export function daysSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY));
}

/** Two lines: what, for whom, in which state since when; who follows it. */
export function listEntry(row: ListedRequest, now: Date): string {
  const r = row.request;
  return [t.list.entry(r, row.network, daysSince(r.openedAt, now)), t.list.entryMeta(r, row.assignee)].filter(Boolean).join('\n');
}

/** The buttons a coordinator has on a request, by its state. */
export function coordinatorButtons(r: RequestRecord): Button[] {
  const id = String(r.id);
  const buttons: Button[] = [];
  if (r.state === 'nuova') buttons.push({ label: t.buttons.take, action: ACTIONS.take, value: id, style: 'primary' });
  if (r.state === 'presa_in_carico') buttons.push({ label: t.buttons.start, action: ACTIONS.start, value: id });
  if (isOpen(r.state) && r.state !== 'nuova') buttons.push({ label: t.buttons.done, action: ACTIONS.done, value: id, style: 'primary' });
  if (isOpen(r.state) && MEETING_KINDS.has(r.kind)) buttons.push({ label: t.buttons.meeting, action: ACTIONS.meeting, value: id });
  buttons.push({ label: t.buttons.network, action: ACTIONS.network, value: String(r.networkId) });
  return buttons;
}

/** May this person see the request (a coordinator, or a referent of its network)? */
export function ensureMaySee(actor: Actor, r: RequestRecord): void {
  if (actor.coordinator) return;
  if (actor.memberships.some((m) => m.networkId === r.networkId && m.role === 'referente')) return;
  throw new AppError('forbidden', t.refuse.notYourNetworkRequest(r.id));
}

/** A request in full: what, state, who follows it, every change, its meetings. */
export async function requestDetail(tx: Tx, id: number, actor: Actor): Promise<OutMessage> {
  const r = await findRequest(tx, id);
  ensureMaySee(actor, r);
  const network = await networkRef(tx, r.networkId);
  const events = await historyOf(tx, r.id);
  const meetings = await tx.meeting.findMany({ where: { requestId: r.id }, orderBy: { startsAt: 'asc' } });
  const names = await personNames(tx, [r.assigneeId, r.openedById, ...events.map((e) => e.personId)]);
  const name = (id: number | null) => (id === null ? '' : (names.get(id) ?? ''));
  const blocks: Block[] = [
    { type: 'header', text: t.detail.header(r, network) },
    { type: 'text', text: [t.detail.kind(r.kind), t.detail.state(r, name(r.assigneeId)), t.card.details(r)].filter(Boolean).join('\n') },
    { type: 'context', text: t.card.origin(r, name(r.openedById)) },
    { type: 'text', text: [t.detail.historyTitle, ...events.map((e) => t.detail.historyLine(e, name(e.personId)))].join('\n') },
  ];
  if (meetings.length) {
    blocks.push({
      type: 'text',
      text: [t.detail.meetingsTitle, ...meetings.map((m) => t.detail.meetingLine(m.id, m.startsAt, m.status, m.decisions !== null))].join('\n'),
    });
  }
  if (actor.coordinator) {
    if (isOpen(r.state)) blocks.push({ type: 'context', text: t.detail.coordinatorHint(r.id) });
    blocks.push({ type: 'buttons', buttons: coordinatorButtons(r) });
  }
  return { text: t.detail.header(r, network), blocks };
}

/** «Vedi rete»: the network, its open requests, its next meeting with ANCI and the last note. */
export async function networkView(tx: Tx, networkId: number, now: Date): Promise<OutMessage> {
  const s = await networkSummary(tx, networkId);
  const open = await tx.supportRequest.findMany({ where: { networkId, openKey: { not: null } }, orderBy: { openedAt: 'asc' } });
  const names = await personNames(
    tx,
    open.map((r) => r.assigneeId),
  );
  const network = { id: networkId, code: s.code, name: s.name };
  const next = await tx.meeting.findFirst({ where: { networkId, status: 'scheduled', startsAt: { gt: now } }, orderBy: { startsAt: 'asc' } });
  const lastNote = await tx.meeting.findFirst({ where: { networkId, decisions: { not: null } }, orderBy: { startsAt: 'desc' } });
  const blocks: Block[] = [
    { type: 'header', text: t.networkView.header(network) },
    { type: 'text', text: [t.networkView.area(s.area), t.networkView.referents(s.referents), t.networkView.themes(s.themes)].filter(Boolean).join('\n') },
    {
      type: 'text',
      text: open.length
        ? [
            t.networkView.openTitle(open.length),
            ...open.map((r) => listEntry({ request: r, network, assignee: names.get(r.assigneeId ?? -1) ?? '' }, now)),
          ].join('\n')
        : t.networkView.noneOpen,
    },
    { type: 'text', text: next ? [t.networkView.nextMeeting(next.id), ...meetingLines(next, null)].join('\n') : t.networkView.noMeeting },
  ];
  if (lastNote) blocks.push({ type: 'text', text: t.networkView.lastNote(lastNote.startsAt, lastNote.decisions!, lastNote.nextSteps) });
  return { text: t.networkView.header(network), blocks };
}
