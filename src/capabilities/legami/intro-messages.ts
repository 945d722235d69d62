// How an introduction is said: one group conversation with both people where the platform lets the
// bot open one and both are there (in the same workspace, where accounts belong to one); otherwise a
// private message to each, naming the other and how to reach them. Always with the reason they were
// matched.
import type { Tx } from '../../db/client.js';
import { itLegami } from './texts.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import type { TaggedFailureListener } from '../../outbox/failure-listener.js';
import type { Address, Block, OutMessage } from '../../platform/port.js';
import type { Platforms } from '../../services.js';
import type { Candidate, PlannedIntroduction } from './matching.js';

const t = itLegami.intro;

interface PersonInfo {
  name: string;
  accounts: { platform: string; workspace: string; externalId: string; username: string; unreachable: string | null; lastSeenAt: Date | null }[];
}

export interface IntroDirectory {
  people: Map<number, PersonInfo>;
  networks: Map<number, { code: string; name: string }>;
}

export async function introDirectory(tx: Tx, planned: PlannedIntroduction[]): Promise<IntroDirectory> {
  const personIds = [...new Set(planned.flatMap((p) => [p.a.personId, p.b.personId]))];
  const networkIds = [...new Set(planned.flatMap((p) => [p.a.networkId, p.b.networkId]))];
  const people = await tx.person.findMany({
    where: { id: { in: personIds } },
    select: {
      id: true,
      name: true,
      accounts: {
        select: { platform: true, workspace: true, externalId: true, username: true, unreachable: true, lastSeenAt: true },
        orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      },
    },
  });
  const networks = await tx.network.findMany({ where: { id: { in: networkIds } }, select: { id: true, code: true, name: true } });
  return { people: new Map(people.map((p) => [p.id, p])), networks: new Map(networks.map((n) => [n.id, n])) };
}

function role(c: Candidate): string {
  return c.role === 'referente' ? t.roleReferent : t.rolePartner(c.partnerName ?? '');
}

function why(p: PlannedIntroduction, dir: IntroDirectory): string {
  if (p.reason === 'supporto' && p.practice) {
    return t.whySupport(dir.networks.get(p.a.networkId)!.name, p.theme, dir.networks.get(p.b.networkId)!.name, p.practice.title);
  }
  return t.whyTheme(p.theme);
}

/**
 * How `reader` can reach `person`, only in ways the reader can use: a username on a platform where
 * people are found by it (with a link to the profile where there is one), the name to look for in a
 * workspace both belong to, the directory's contact.
 */
function reach(c: Candidate, person: PersonInfo, reader: PersonInfo, platforms: Platforms): string[] {
  const byUsername = new Map<string, string>();
  const inWorkspace = new Set<string>();
  for (const a of person.accounts) {
    const can = platforms.capabilities(a.platform);
    if (can?.usernames && a.username && !byUsername.has(a.platform)) byUsername.set(a.platform, a.username);
    if (can?.workspaces && reader.accounts.some((r) => r.platform === a.platform && r.workspace && r.workspace === a.workspace)) inWorkspace.add(a.platform);
  }
  const lines = [
    ...[...byUsername].map(([platform, username]) => t.reachByUsername(platforms.label(platform), username, platforms.profileLink(platform, username))),
    ...[...inWorkspace].map((platform) => t.reachInWorkspace(platforms.label(platform), person.name)),
  ];
  if (c.partnerContact) lines.push(t.reachPartner(c.partnerContact));
  return lines.length ? lines : [t.reachNone];
}

/** Both people's user ids on a platform where the bot can open a group conversation with them (in one workspace, where accounts belong to one). */
function groupPair(a: PersonInfo, b: PersonInfo, platforms: Platforms): { platform: string; workspace: string; userIds: [string, string] } | null {
  for (const x of a.accounts) {
    const can = platforms.capabilities(x.platform);
    if (x.unreachable || !can?.groupDm || (can.workspaces && !x.workspace)) continue;
    const y = b.accounts.find((acc) => acc.platform === x.platform && acc.workspace === x.workspace && !acc.unreachable);
    if (y) return { platform: x.platform, workspace: x.workspace, userIds: [x.externalId, y.externalId] };
  }
  return null;
}

/** Like preferredAddress (networks/people.ts) on accounts already loaded: the reachable one used last. */
function preferred(person: PersonInfo): Address | null {
  const a = person.accounts.find((x) => !x.unreachable) ?? person.accounts[0];
  return a ? { platform: a.platform, workspace: a.workspace, chatId: a.externalId } : null;
}

/** The outbox entries of an introduction, under keys derived from the run and the pair: said once. */
export function introductionEntries(p: PlannedIntroduction, dir: IntroDirectory, platforms: Platforms, key: string): OutboxEntry[] {
  const a = dir.people.get(p.a.personId)!;
  const b = dir.people.get(p.b.personId)!;
  const na = dir.networks.get(p.a.networkId)!;
  const nb = dir.networks.get(p.b.networkId)!;
  const group = groupPair(a, b, platforms);
  if (group) {
    const blocks: Block[] = [
      { type: 'header', text: t.header },
      {
        type: 'text',
        text: `${t.greetingBoth(a.name, b.name)}\n${t.person(a.name, role(p.a), na.name, na.code)}\n${t.person(b.name, role(p.b), nb.name, nb.code)}`,
      },
      { type: 'text', text: why(p, dir) },
      { type: 'text', text: t.invite },
      { type: 'context', text: t.footer },
    ];
    const message: OutMessage = { text: `${t.header} ${a.name} e ${b.name}`, blocks };
    return [
      { delivery: { op: 'group', platform: group.platform, workspace: group.workspace, userIds: group.userIds, message }, dedupeKey: key, tag: 'legami.intro' },
    ];
  }
  const entries: OutboxEntry[] = [];
  for (const [me, other, myInfo, otherInfo, otherNet] of [
    [p.a, p.b, a, b, nb],
    [p.b, p.a, b, a, na],
  ] as const) {
    const to = preferred(myInfo);
    if (!to) continue;
    const blocks: Block[] = [
      { type: 'header', text: t.headerOne },
      { type: 'text', text: `${t.greetingOne(myInfo.name)} ${t.presentOther(otherInfo.name, role(other), otherNet.name, otherNet.code)}` },
      { type: 'text', text: why(p, dir) },
      { type: 'text', text: [t.reachTitle(otherInfo.name), ...reach(other, otherInfo, myInfo, platforms)].join('\n') },
      { type: 'text', text: `${t.invite} ${t.alsoTold(otherInfo.name)}` },
      { type: 'context', text: t.footer },
    ];
    entries.push({
      delivery: { op: 'send', to, message: { text: `${t.headerOne}: ${otherInfo.name}`, blocks } },
      dedupeKey: `${key}:${me.personId}`,
      tag: 'legami.intro',
    });
  }
  return entries;
}

/**
 * Outbox failure listener (tag legami.intro): when the platform refuses the group conversation (Slack: a missing
 * scope, a deactivated user…), each person gets the same introduction in their own DM instead.
 */
export const introFailureListener: TaggedFailureListener = async ({ tx, row, payload }) => {
  const d = payload.delivery;
  if (d.op !== 'group') return;
  await enqueue(
    tx,
    d.userIds.map((userId) => ({
      delivery: { op: 'send' as const, to: { platform: d.platform, workspace: d.workspace, chatId: userId }, message: d.message },
      dedupeKey: `${row.dedupeKey}:dm:${userId}`,
    })),
  );
};
