// Sending digests: to every coordinator privately on each platform they use, and to every network's
// own channels. Idempotent by dedupe key — `digest:<person>:<week>:<platform>` and
// `digest-network:<network>:<week>:<channel>` — and a recipient already served is skipped before
// anything is built, so a rerun never adds a part to a digest split differently.
import type { Db, Tx } from '../../db/client.js';
import { enqueue, type OutboxEntry } from '../../outbox/enqueue.js';
import type { Address } from '../../platform/port.js';
import { privateAddresses } from '../networks/private-addresses.js';
import type { DigestSection } from '../../reports/digest-section.js';
import { buildDigest } from './build.js';
import { isEmptyDigest } from './model.js';
import { renderDigestWithImage } from './image.js';
import { renderDigest } from './render.js';

export const coordinatorKey = (personId: number, week: string, platform: string) => `digest:${personId}:${week}:${platform}`;
export const networkKey = (networkId: number, week: string, channelId: number) => `digest-network:${networkId}:${week}:${channelId}`;

async function existingKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } });
  return new Set(rows.map((r) => r.dedupeKey));
}

/** Each coordinator's reachable private address on each connected platform (the one used last). */
export async function coordinatorAddresses(tx: Tx, platforms: string[]): Promise<{ personId: number; address: Address }[]> {
  const coordinators = await tx.person.findMany({ where: { coordinator: true }, select: { id: true }, orderBy: { id: 'asc' } });
  const out: { personId: number; address: Address }[] = [];
  for (const c of coordinators) {
    const addresses = await privateAddresses(tx, c.id, platforms);
    for (const platform of platforms) {
      const a = addresses.find((x) => x.platform === platform && !x.unreachable);
      if (a) out.push({ personId: c.id, address: { platform: a.platform, workspace: a.workspace, chatId: a.chatId } });
    }
  }
  return out;
}

export interface SendResult {
  [key: string]: number | string;
  week: string;
  sent: number;
  already: number;
}

export async function sendCoordinatorDigests(db: Db, sections: DigestSection<any>[], now: Date, week: string, platforms: string[]): Promise<SendResult> {
  const recipients = await coordinatorAddresses(db, platforms);
  const done = await existingKeys(
    db,
    recipients.map((r) => coordinatorKey(r.personId, week, r.address.platform)),
  );
  const todo = recipients.filter((r) => !done.has(coordinatorKey(r.personId, week, r.address.platform)));
  if (todo.length) {
    const message = await renderDigestWithImage(await buildDigest(db, sections, { week, now }));
    const entries: OutboxEntry[] = todo.map((r) => ({
      delivery: { op: 'send', to: r.address, message },
      dedupeKey: coordinatorKey(r.personId, week, r.address.platform),
      tag: 'digest.coordinator',
    }));
    await db.$transaction((tx) => enqueue(tx, entries));
  }
  return { week, sent: todo.length, already: recipients.length - todo.length };
}

/** Networks whose digests are built at the same time (each is a handful of small queries). */
const LANES = 4;

export async function sendNetworkDigests(
  db: Db,
  sections: DigestSection<any>[],
  now: Date,
  week: string,
  platforms: string[],
): Promise<SendResult & { empty: number }> {
  const networks = await db.network.findMany({
    where: { active: true, channels: { some: { platform: { in: platforms } } } },
    select: { id: true, code: true, name: true, themes: true, channels: { where: { platform: { in: platforms } }, orderBy: { id: 'asc' } } },
    orderBy: { code: 'asc' },
  });
  const result = { week, sent: 0, already: 0, empty: 0 };
  const one = async (network: (typeof networks)[number]) => {
    const done = await existingKeys(
      db,
      network.channels.map((c) => networkKey(network.id, week, c.id)),
    );
    const todo = network.channels.filter((c) => !done.has(networkKey(network.id, week, c.id)));
    result.already += network.channels.length - todo.length;
    if (!todo.length) return;
    const digest = await buildDigest(db, sections, { week, now, network: { id: network.id, code: network.code, name: network.name, themes: network.themes } });
    // A network with nothing at all to read this week (no check-in round, labs or practices) is left alone.
    if (isEmptyDigest(digest)) {
      result.empty += 1;
      return;
    }
    const message = renderDigest(digest);
    await db.$transaction((tx) =>
      enqueue(
        tx,
        todo.map((c) => ({
          delivery: { op: 'send' as const, to: { platform: c.platform, workspace: c.workspace, chatId: c.chatId }, message },
          dedupeKey: networkKey(network.id, week, c.id),
          tag: 'digest.network',
        })),
      ),
    );
    result.sent += todo.length;
  };
  let next = 0;
  const lane = async () => {
    while (next < networks.length) await one(networks[next++]!);
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return result;
}
