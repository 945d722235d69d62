// What good practices say, and to whom: the coordinators' notification with «Pubblica», the
// announcement in the channels of the networks sharing the themes, the note to the proposer.
// Every message has a deterministic dedupe key: nothing is said twice.
import type { Tx } from '../../db/client.js';
import { itPractices as t } from './practice-texts.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import type { OutMessage } from '../../platform/port.js';
import { preferredAddress } from '../networks/private-addresses.js';
import { themesOverlap } from './themes.js';

export const PUBLISH_ACTION = 'buonapratica.publish';

async function load(tx: Tx, practiceId: number) {
  return tx.goodPractice.findUniqueOrThrow({
    where: { id: practiceId },
    include: { network: { select: { code: true, name: true } }, proposedBy: { select: { name: true } } },
  });
}

/** The proposal as the coordinators read it, with the «Pubblica» button. */
export async function notificationMessage(tx: Tx, practiceId: number): Promise<OutMessage> {
  const p = await load(tx, practiceId);
  return {
    text: `${t.notify.header}: ${p.title}`,
    blocks: [
      { type: 'header', text: t.notify.header },
      { type: 'text', text: t.notify.body(p.title, p.network.name, p.network.code, p.description) },
      { type: 'context', text: t.notify.meta(p.themes, p.proposedBy?.name ?? null, p.source) },
      { type: 'buttons', buttons: [{ label: t.notify.publish, action: PUBLISH_ACTION, value: String(p.id), style: 'primary' }] },
    ],
  };
}

/** Each coordinator, privately, on the platform they used last. */
export async function notifyCoordinators(tx: Tx, practiceId: number): Promise<number> {
  const message = await notificationMessage(tx, practiceId);
  const coordinators = await tx.person.findMany({ where: { coordinator: true }, select: { id: true }, orderBy: { id: 'asc' } });
  const entries: OutboxEntry[] = [];
  for (const c of coordinators) {
    const to = await preferredAddress(tx, c.id);
    if (to) entries.push({ delivery: { op: 'send', to, message }, dedupeKey: `buonapratica:proposal:${practiceId}:${c.id}` });
  }
  return enqueue(tx, entries);
}

/** Posts a published practice into the channels of the active networks sharing its themes; returns their codes. */
export async function announcePractice(tx: Tx, practiceId: number): Promise<string[]> {
  const p = await load(tx, practiceId);
  const networks = await tx.network.findMany({ where: { active: true }, select: { id: true, code: true, themes: true }, orderBy: { code: 'asc' } });
  const sharing = networks.filter((n) => themesOverlap(n.themes, p.themes));
  const channels = await tx.channel.findMany({ where: { networkId: { in: sharing.map((n) => n.id) } }, orderBy: { id: 'asc' } });
  const message: OutMessage = {
    text: `${t.announce.header(p.network.name, p.network.code)}: ${p.title}`,
    blocks: [
      { type: 'header', text: t.announce.header(p.network.name, p.network.code) },
      { type: 'text', text: t.announce.body(p.title, p.description) },
      { type: 'context', text: t.announce.meta(p.themes, p.proposedBy?.name ?? null) },
    ],
  };
  await enqueue(
    tx,
    channels.map((c) => ({
      delivery: { op: 'send' as const, to: { platform: c.platform, workspace: c.workspace, chatId: c.chatId }, message },
      dedupeKey: `buonapratica:announce:${practiceId}:${c.id}`,
    })),
  );
  const announced = new Set(channels.map((c) => c.networkId));
  return sharing.filter((n) => announced.has(n.id)).map((n) => n.code);
}

/** Tells the person who proposed it that it is out. */
export async function tellProposer(tx: Tx, practiceId: number, networks: string[]): Promise<void> {
  const p = await load(tx, practiceId);
  if (!p.proposedById) return;
  const to = await preferredAddress(tx, p.proposedById);
  if (!to) return;
  await enqueue(tx, {
    delivery: { op: 'send', to, message: { text: t.publish.toProposer(p.title, networks) } },
    dedupeKey: `buonapratica:published:${practiceId}`,
  });
}
