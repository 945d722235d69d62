// Seeds a benchmark database: N networks, each with a Telegram group and R referents who have a
// Telegram account, in chunks (createMany), plus the default indicator set.
import type { Db } from '../src/db/client.js';
import { installDefaultIndicators } from '../src/capabilities/checkins/defaults.js';

const CHUNK = 2000;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Telegram user id of referent r (0-based) of network n (0-based). */
export const referentChat = (n: number, r: number, perNetwork: number) => String(500_000_000 + n * perNetwork + r);

export async function seed(db: Db, networks: number, perNetwork: number): Promise<void> {
  const nets: { id: number; code: string }[] = [];
  for (const part of chunks(Array.from({ length: networks }, (_, i) => i))) {
    nets.push(
      ...(await db.network.createManyAndReturn({
        data: part.map((i) => ({ code: `B${String(i + 1).padStart(5, '0')}`, name: `Rete di prova ${i + 1}`, area: 'Lombardia', themes: ['lavoro'] })),
        select: { id: true, code: true },
      })),
    );
  }
  for (const part of chunks(nets.map((n, i) => ({ n, i })))) {
    await db.channel.createMany({ data: part.map(({ n, i }) => ({ networkId: n.id, platform: 'telegram', chatId: `-100${String(i + 1).padStart(9, '0')}` })) });
  }
  const slots = nets.flatMap((n, i) => Array.from({ length: perNetwork }, (_, r) => ({ networkId: n.id, n: i, r })));
  for (const part of chunks(slots)) {
    const persons = await db.person.createManyAndReturn({ data: part.map((s) => ({ name: `Referente ${s.r + 1} Rete ${s.n + 1}` })), select: { id: true } });
    await db.account.createMany({
      data: part.map((s, k) => ({
        personId: persons[k]!.id,
        platform: 'telegram',
        externalId: referentChat(s.n, s.r, perNetwork),
        displayName: `Referente ${s.r + 1}`,
      })),
    });
    await db.membership.createMany({ data: part.map((s, k) => ({ personId: persons[k]!.id, networkId: s.networkId, role: 'referente' })) });
  }
  await installDefaultIndicators(db);
}
