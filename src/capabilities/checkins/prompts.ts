// Prompts and reminders for a batch of rounds, in one transaction: every referent is written to
// privately on the account they used last (a reachable one, on a connected platform); a referent
// whose only accounts are known to be unreachable, on a platform where the bot may not write first,
// is asked once in the network's group on that platform instead. A checkin_prompt
// row (unique per round, person, kind and slot) is inserted first and only the rows that are new
// get a message, under deterministic outbox keys: running a job twice sends nothing new.
import { privateAddressesOf, type PrivateAddress } from '../networks/private-addresses.js';
import type { Tx } from '../../db/client.js';
import { romeDay } from '../networks/calendar.js';
import { activeDeputies } from './deputies.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import type { Address } from '../../platform/port.js';
import type { NetworkRef } from './texts.js';
import type { CheckinQuestionSource } from './hooks.js';
import { PROMPT_TAG, askKey, groupAskMessage, promptKey, promptMessage, remindKey, reminderMessage, type GroupAskVia } from './notices.js';

export interface PromptRound {
  id: number;
  networkId: number;
  period: string;
  closesAt: Date;
  answeringPersonId: number | null;
  answeringConversationId: number | null;
  network: NetworkRef;
}

export interface PromptOptions {
  kind: 'open' | 'reminder';
  now: Date;
  /** open: the period; reminder: the Europe/Rome day. One prompt per round, person, kind and slot. */
  slot: string;
  /** Platforms with a connected adapter (messages for the others would never leave); undefined
   *  when none is (a CLI run without platform settings: the service will deliver). */
  platforms: string[] | undefined;
  /** Questions per network (for the prompt text). */
  questions(networkId: number): number;
  /** Questions other capabilities add (counted per batch of networks). */
  sources?: CheckinQuestionSource[];
  /** How to ask in a network's group on a platform where the bot may not write first; null where it may. */
  askInGroup(platform: string): GroupAskVia | null;
}

export interface PromptCounts {
  prompts: number;
  groupAsks: number;
  unreachable: number;
}

interface Referent {
  networkId: number;
  personId: number;
  name: string;
  /** Prompted as the deputy of this referent, until this day. */
  insteadOf: { name: string; to: string } | null;
  /** The reachable account used last, on a connected platform. */
  address: Address | null;
  /** Without one: the accounts the bot may not write to first (never opened the chat, or blocked it), to ask in a group there. */
  blocked: PrivateAddress[];
}

/** Each network's referents, a referent with a deputy active today replaced by the deputy (once per network). */
async function referentsOf(tx: Tx, networkIds: number[], opts: PromptOptions): Promise<Referent[]> {
  const rows = await tx.membership.findMany({
    where: { networkId: { in: networkIds }, role: 'referente' },
    orderBy: [{ networkId: 'asc' }, { personId: 'asc' }],
    select: { networkId: true, personId: true, person: { select: { name: true } } },
  });
  const deputies = await activeDeputies(tx, [...new Set(rows.map((m) => m.personId))], romeDay(opts.now));
  const seen = new Set<string>();
  const people: Omit<Referent, 'address' | 'blocked'>[] = [];
  for (const m of rows) {
    const d = deputies.get(m.personId);
    const who = d
      ? { networkId: m.networkId, personId: d.deputyPersonId, name: d.name, insteadOf: { name: m.person.name, to: d.to } }
      : { networkId: m.networkId, personId: m.personId, name: m.person.name, insteadOf: null };
    const key = `${who.networkId}:${who.personId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push(who);
  }
  const addresses = await privateAddressesOf(tx, [...new Set(people.map((p) => p.personId))], opts.platforms);
  return people.map((p) => {
    const accounts = addresses.get(p.personId) ?? [];
    const reachable = accounts.find((a) => !a.unreachable);
    return {
      ...p,
      address: reachable ? { platform: reachable.platform, workspace: reachable.workspace, chatId: reachable.chatId } : null,
      blocked: reachable ? [] : accounts.filter((a) => opts.askInGroup(a.platform)),
    };
  });
}

type Planned = { round: PromptRound; referent: Referent; via: 'private' | 'group'; to: Address; account?: PrivateAddress };

export async function promptRounds(tx: Tx, rounds: PromptRound[], opts: PromptOptions): Promise<PromptCounts> {
  const counts: PromptCounts = { prompts: 0, groupAsks: 0, unreachable: 0 };
  if (rounds.length === 0) return counts;
  const networkIds = rounds.map((r) => r.networkId);
  const roundIds = rounds.map((r) => r.id);
  const askPlatforms = (opts.platforms ?? []).filter((p) => opts.askInGroup(p));
  const [referents, groups, pending, holders] = await Promise.all([
    referentsOf(tx, networkIds, opts),
    askPlatforms.length
      ? tx.channel.findMany({
          where: { networkId: { in: networkIds }, platform: { in: askPlatforms } },
          orderBy: { id: 'asc' },
          select: { networkId: true, platform: true, workspace: true, chatId: true },
        })
      : Promise.resolve([]),
    // Someone already asked in the group this round: no private reminder can reach them either.
    tx.checkinPrompt.findMany({ where: { roundId: { in: roundIds }, status: 'pending' }, select: { roundId: true, personId: true } }),
    tx.conversation.findMany({
      where: { id: { in: rounds.flatMap((r) => (r.answeringConversationId ? [r.answeringConversationId] : [])) }, status: { in: ['active', 'paused'] } },
      select: { id: true },
    }),
  ]);
  // The network's first group on each platform.
  const groupOf = new Map<string, Address>();
  for (const g of groups) {
    const key = `${g.networkId}|${g.platform}`;
    if (!groupOf.has(key)) groupOf.set(key, { platform: g.platform, workspace: g.workspace, chatId: g.chatId });
  }
  const waiting = new Set(pending.map((p) => `${p.roundId}:${p.personId}`));
  const live = new Set(holders.map((h) => h.id));
  const byNetwork = new Map<number, Referent[]>();
  for (const r of referents) {
    const list = byNetwork.get(r.networkId);
    if (list) list.push(r);
    else byNetwork.set(r.networkId, [r]);
  }

  // Questions other capabilities add, counted for the whole batch (the same period for every round).
  const added = new Map<number, number>();
  for (const source of opts.sources ?? []) {
    const counts = await source.count(tx, { networkIds, period: rounds[0]!.period, now: opts.now });
    for (const [id, n] of counts) added.set(id, (added.get(id) ?? 0) + n);
  }
  const questions = (networkId: number) => opts.questions(networkId) + (added.get(networkId) ?? 0);

  const planned: Planned[] = [];
  for (const round of rounds) {
    if (opts.questions(round.networkId) === 0) continue; // every indicator retired: nothing to ask
    for (const referent of byNetwork.get(round.networkId) ?? []) {
      if (waiting.has(`${round.id}:${referent.personId}`)) continue;
      if (referent.address) {
        planned.push({ round, referent, via: 'private', to: referent.address });
        continue;
      }
      const account = referent.blocked.find((a) => groupOf.has(`${round.networkId}|${a.platform}`));
      if (account) planned.push({ round, referent, via: 'group', to: groupOf.get(`${round.networkId}|${account.platform}`)!, account });
      else counts.unreachable++;
    }
  }
  if (planned.length === 0) return counts;

  // One statement for the batch (see enqueue): ON CONFLICT DO NOTHING … RETURNING gives the new ones.
  const rows = planned.map((p) => ({
    round_id: p.round.id,
    person_id: p.referent.personId,
    via: p.via,
    platform: p.to.platform,
    chat_id: p.to.chatId,
    status: p.via === 'group' ? 'pending' : 'queued',
  }));
  const inserted = await tx.$queryRaw<{ roundId: number; personId: number }[]>`
    INSERT INTO checkin_prompt (round_id, person_id, kind, slot, via, platform, chat_id, status, created_at)
    SELECT (r->>'round_id')::int, (r->>'person_id')::int, ${opts.kind}, ${opts.slot}, r->>'via', r->>'platform', r->>'chat_id', r->>'status', ${opts.now}
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS e(r)
    ON CONFLICT (round_id, person_id, kind, slot) DO NOTHING
    RETURNING round_id AS "roundId", person_id AS "personId"`;
  const fresh = new Set(inserted.map((p) => `${p.roundId}:${p.personId}`));

  const entries: OutboxEntry[] = [];
  for (const p of planned) {
    if (!fresh.has(`${p.round.id}:${p.referent.personId}`)) continue;
    const { round, referent } = p;
    const n = round.network;
    if (p.via === 'group') {
      const via = opts.askInGroup(p.to.platform)!;
      entries.push({
        delivery: { op: 'send', to: p.to, message: groupAskMessage({ name: referent.name, username: via.usernames ? p.account!.username : '' }, n.code, via) },
        dedupeKey: askKey(n.code, round.period, referent.personId),
      });
      counts.groupAsks++;
      continue;
    }
    const message =
      opts.kind === 'open'
        ? promptMessage(referent.name, n, round.period, questions(round.networkId), round.closesAt, round.id, referent.insteadOf)
        : reminderMessage(
            n,
            round.period,
            round.closesAt,
            round.id,
            round.answeringPersonId === referent.personId && live.has(round.answeringConversationId ?? -1),
          );
    entries.push({
      delivery: { op: 'send', to: p.to, message },
      dedupeKey: opts.kind === 'open' ? promptKey(n.code, round.period, referent.personId) : remindKey(n.code, round.period, opts.slot, referent.personId),
      tag: PROMPT_TAG,
      meta: { roundId: round.id, personId: referent.personId, kind: opts.kind, slot: opts.slot },
    });
    counts.prompts++;
  }
  await enqueue(tx, entries);
  return counts;
}
