// What the check-in writes outside the conversation: the weekly prompt, reminders, the request in
// the network's group to open the private chat, and the note that the check-in is done. Outbox
// dedupe keys are deterministic, so a job run twice, or a retried listener, sends nothing new.
import { elsewhereKey } from '../networks/reroute.js';
import type { Tx } from '../../db/client.js';
import { itCheckins as t, type NetworkRef } from './texts.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { Address, OutMessage } from '../../platform/port.js';
import type { Platforms } from '../../services.js';

export const PROMPT_TAG = 'checkin.prompt';
export const START_ACTION = 'checkin.start';
export const EDIT_ACTION = 'checkin.edit';

export const promptKey = (code: string, period: string, personId: number) => `checkin-prompt:${code}:${period}:${personId}`;
export const remindKey = (code: string, period: string, day: string, personId: number) => `checkin-remind:${code}:${period}:${day}:${personId}`;
/** Once per round and person: the request in the group is never repeated within a week. */
export const askKey = (code: string, period: string, personId: number) => `checkin-ask:${code}:${period}:${personId}`;
const doneKey = (code: string, period: string, personId: number) => `checkin-done:${code}:${period}:${personId}`;

export function promptMessage(
  person: string,
  n: NetworkRef,
  period: string,
  questions: number,
  closesAt: Date,
  roundId: number,
  insteadOf: { name: string; to: string } | null = null,
): OutMessage {
  return {
    text: t.prompt.plain(n, period),
    blocks: [
      { type: 'header', text: t.prompt.header },
      { type: 'text', text: t.prompt.text(person, n, period, questions) },
      ...(insteadOf ? [{ type: 'text' as const, text: t.deputy.promptNote(insteadOf.name, insteadOf.to) }] : []),
      { type: 'context', text: t.prompt.context(closesAt) },
      { type: 'buttons', buttons: [{ label: t.start, action: START_ACTION, value: `r${roundId}`, style: 'primary' }] },
    ],
  };
}

export function reminderMessage(n: NetworkRef, period: string, closesAt: Date, roundId: number, inProgress: boolean): OutMessage {
  const text = inProgress ? t.reminder.inProgress(n, period) : t.reminder.text(n, period);
  return {
    text: t.prompt.plain(n, period),
    blocks: [
      { type: 'text', text },
      { type: 'context', text: t.reminder.context(closesAt) },
      { type: 'buttons', buttons: [{ label: inProgress ? t.resume : t.start, action: START_ACTION, value: `r${roundId}`, style: 'primary' }] },
    ],
  };
}

/** How the bot asks, in a network's group on a platform, someone it may not write to first there. */
export interface GroupAskVia {
  /** The platform's name as people know it: the one that does not let the bot write. */
  label: string;
  /** Opens the private chat on the check-in (/start checkin), where the platform has deep links. */
  link: string | undefined;
  /** The person is mentioned by @username where the platform has them. */
  usernames: boolean;
}

/** Null where the bot may write first (nothing to ask in a group) or the platform is not connected. */
export function groupAskVia(platforms: Platforms, platform: string): GroupAskVia | null {
  const can = platforms.capabilities(platform);
  if (!can || can.writesFirst) return null;
  return { label: platforms.label(platform), link: can.deepLinks ? platforms.privateChatLink(platform, 'checkin') : undefined, usernames: can.usernames };
}

export function groupAskMessage(person: { name: string; username: string }, code: string, via: GroupAskVia): OutMessage {
  const text = t.groupAsk(person.username ? `@${person.username}` : person.name, code, via.label, via.link);
  return { text, blocks: [{ type: 'text', text }] };
}

export function editOffer(text: string, roundId: number): OutMessage {
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'buttons', buttons: [{ label: t.editButton, action: EDIT_ACTION, value: `r${roundId}` }] },
    ],
  };
}

/**
 * The check-in is done: the other referents' weekly prompt (already delivered) is rewritten in
 * place to say who sent it, so nobody starts answering for nothing and nobody gets an extra message.
 */
export async function announceDone(
  tx: Tx,
  round: { networkId: number; period: string },
  n: NetworkRef,
  byPersonId: number,
  byName: string,
  now: Date,
  /** The connected platforms: where a copy of the prompt may have gone instead. */
  platforms: string[],
): Promise<number> {
  const referents = await tx.membership.findMany({
    where: { networkId: round.networkId, role: 'referente', personId: { not: byPersonId } },
    select: { personId: true },
  });
  if (referents.length === 0) return 0;
  // The prompt, or its copy on another platform when the first one could not be delivered.
  const keys = new Map(
    referents.flatMap((r) => {
      const key = promptKey(n.code, round.period, r.personId);
      return [key, ...platforms.map((p) => elsewhereKey(key, p))].map((k) => [k, r.personId] as const);
    }),
  );
  const sent = await tx.outboxMessage.findMany({
    where: { dedupeKey: { in: [...keys.keys()] }, status: 'sent', externalId: { not: null } },
    select: { dedupeKey: true, platform: true, workspace: true, chatId: true, externalId: true },
  });
  const text = t.doneForOthers(byName, now, n, round.period);
  return enqueue(
    tx,
    sent.map((row) => ({
      delivery: {
        op: 'update' as const,
        to: { platform: row.platform, workspace: row.workspace, chatId: row.chatId } satisfies Address,
        messageId: row.externalId!,
        message: { text, blocks: [{ type: 'text' as const, text }] },
      },
      dedupeKey: doneKey(n.code, round.period, keys.get(row.dedupeKey)!),
    })),
  );
}
