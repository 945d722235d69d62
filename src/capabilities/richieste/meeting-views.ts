// /incontri and /incontro N: the upcoming meetings a person is concerned by (coordinators: all),
// a network's meetings with the notes of the last ones, one meeting in full.
import type { Actor } from '../../bus/types.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Block, Button, OutMessage } from '../../platform/port.js';
import { answerButtons, MEETING_ACTIONS, meetingLines } from './meeting-notices.js';
import { linkedRequest } from './meetings.js';
import type { MeetingRecord, NetworkRef } from './model.js';
import { findMeeting, networkRef, networkRefs, personNames } from './repository.js';
import { itRichieste } from './texts.js';

const t = itRichieste.meeting;

export const MAX_LISTED = 10;

interface Answers {
  yes: number;
  no: number;
  none: number;
}

async function answersOf(tx: Tx, meetingIds: number[]): Promise<Map<number, Answers>> {
  const rows = await tx.meetingInvite.groupBy({
    by: ['meetingId', 'answer'],
    where: { meetingId: { in: meetingIds }, role: 'referente' },
    _count: { _all: true },
  });
  const out = new Map<number, Answers>(meetingIds.map((id) => [id, { yes: 0, no: 0, none: 0 }]));
  for (const r of rows) {
    const a = out.get(r.meetingId)!;
    if (r.answer === 'si') a.yes = r._count._all;
    else if (r.answer === 'no') a.no = r._count._all;
    else a.none = r._count._all;
  }
  return out;
}

/** The networks whose meetings a person is concerned by: null for coordinators (all). */
function reach(actor: Actor): number[] | null {
  return actor.coordinator ? null : actor.memberships.filter((m) => m.role === 'referente').map((m) => m.networkId);
}

export function ensureMaySeeMeeting(actor: Actor, m: MeetingRecord): void {
  const networks = reach(actor);
  if (networks === null || networks.includes(m.networkId)) return;
  throw new AppError('forbidden', t.refuse.notYourMeeting(m.id));
}

/** The upcoming meetings, soonest first, for a person (and a network, when given). */
export async function upcomingFor(tx: Tx, now: Date, actor: Actor, network: NetworkRef | null): Promise<OutMessage> {
  const networks = reach(actor);
  if (network && networks !== null && !networks.includes(network.id)) throw new AppError('forbidden', itRichieste.refuse.notReferentOf(network.code));
  const where = {
    status: 'scheduled',
    startsAt: { gt: now },
    ...(network ? { networkId: network.id } : networks !== null ? { networkId: { in: networks } } : {}),
  };
  const meetings = await tx.meeting.findMany({ where, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: MAX_LISTED + 1 });
  const shown = meetings.slice(0, MAX_LISTED);
  const refs = await networkRefs(
    tx,
    shown.map((m) => m.networkId),
  );
  const answers = await answersOf(
    tx,
    shown.map((m) => m.id),
  );
  const mine = await tx.meetingInvite.findMany({ where: { personId: actor.personId, meetingId: { in: shown.map((m) => m.id) } } });
  const title = network ? t.list.titleNetwork(network) : t.list.title;
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (shown.length === 0) blocks.push({ type: 'text', text: network ? t.list.noneNetwork(network) : actor.coordinator ? t.list.noneAll : t.list.none });
  for (const [i, m] of shown.entries()) {
    if (i > 0) blocks.push({ type: 'divider' });
    const a = answers.get(m.id)!;
    const own = mine.find((x) => x.meetingId === m.id);
    const lines = [t.list.entry(m.id, refs.get(m.networkId)!, m.startsAt, m.endsAt), ...meetingLines(m, null).slice(1, 3)];
    lines.push(actor.coordinator ? t.list.answers(a.yes, a.no, a.none) : t.list.yourAnswer(own?.answer ?? null));
    blocks.push({ type: 'text', text: lines.join('\n') });
  }
  if (meetings.length > MAX_LISTED) blocks.push({ type: 'context', text: t.list.more });
  if (network) {
    const notes = await tx.meeting.findMany({ where: { networkId: network.id, decisions: { not: null } }, orderBy: { startsAt: 'desc' }, take: 3 });
    if (notes.length)
      blocks.push({ type: 'text', text: [t.list.notesTitle, ...notes.map((n) => t.list.noteLine(n.id, n.startsAt, n.decisions!, n.nextSteps))].join('\n') });
  }
  if (shown.length) blocks.push({ type: 'context', text: t.list.hint });
  return { text: title, blocks };
}

/** One meeting in full, with the person's own buttons. */
export async function meetingDetail(tx: Tx, now: Date, id: number, actor: Actor): Promise<OutMessage> {
  const m = await findMeeting(tx, id);
  ensureMaySeeMeeting(actor, m);
  const network = await networkRef(tx, m.networkId);
  const request = await linkedRequest(tx, m);
  const invites = await tx.meetingInvite.findMany({ where: { meetingId: id }, orderBy: { personId: 'asc' } });
  const names = await personNames(
    tx,
    invites.map((i) => i.personId),
  );
  const blocks: Block[] = [
    { type: 'header', text: t.detail.header(m.id, network) },
    { type: 'text', text: [...(m.status === 'cancelled' ? [t.detail.cancelled(m.cancelReason)] : []), ...meetingLines(m, request)].join('\n') },
  ];
  if (actor.coordinator) {
    const line = (answer: string | null) =>
      invites
        .filter((i) => i.role === 'referente' && i.answer === answer)
        .map((i) => names.get(i.personId) ?? '')
        .join(', ') || '—';
    blocks.push({ type: 'text', text: [t.detail.yes(line('si')), t.detail.no(line('no')), t.detail.none(line(null))].join('\n') });
  }
  if (m.decisions !== null) blocks.push({ type: 'text', text: t.detail.note(m.decisions, m.nextSteps) });
  const buttons: Button[] = [];
  const upcoming = m.status === 'scheduled' && m.startsAt.getTime() > now.getTime();
  const own = invites.find((i) => i.personId === actor.personId);
  if (upcoming && !actor.coordinator) {
    blocks.push({ type: 'context', text: t.list.yourAnswer(own?.answer ?? null) });
    buttons.push(...answerButtons(m.id));
  }
  if (m.status === 'scheduled') buttons.push({ label: t.buttons.calendar, action: MEETING_ACTIONS.calendar, value: String(m.id) });
  if (actor.coordinator && m.status === 'scheduled' && !upcoming)
    buttons.push({ label: t.buttons.writeNote, action: MEETING_ACTIONS.note, value: String(m.id) });
  if (buttons.length) blocks.push({ type: 'buttons', buttons });
  if (actor.coordinator && upcoming) blocks.push({ type: 'context', text: t.detail.coordinatorHint(m.id) });
  return { text: t.detail.header(m.id, network), blocks };
}
