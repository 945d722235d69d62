// Upcoming laboratori open to someone: in a network's channel, that network's; in a private chat,
// those of all the person's networks; coordinators see every one. A theme filters leniently
// (case, accents, plurals, beginnings of words: "mediaz" finds "Mediazione interculturale").
import type { Tx } from '../../db/client.js';
import { normalize } from '../../conversation/parse.js';
import type { LabRecord, MySignup, Seats } from './model.js';
import { mySignups, seatsOf } from './repository.js';

/** null: every laboratorio (coordinators). */
export type ListScope = { networkIds: number[] } | null;

function stem(word: string): string {
  return word.length > 4 ? word.replace(/[aeiou]$/, '') : word;
}

export function matchesTheme(lab: Pick<LabRecord, 'theme' | 'title'>, query: string): boolean {
  const wanted = normalize(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(stem);
  if (wanted.length === 0) return true;
  const words = normalize(`${lab.theme} ${lab.title}`)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(stem);
  return wanted.every((w) => words.some((x) => x.startsWith(w) || (x.length >= 4 && w.startsWith(x))));
}

export async function upcomingLabs(tx: Tx, now: Date, scope: ListScope, theme?: string): Promise<LabRecord[]> {
  const labs = await tx.lab.findMany({
    where: {
      status: 'scheduled',
      startsAt: { gt: now },
      ...(scope === null ? {} : { OR: [{ allNetworks: true }, { audience: { some: { networkId: { in: scope.networkIds } } } }] }),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  return theme ? labs.filter((l) => matchesTheme(l, theme)) : labs;
}

/** Upcoming laboratori for a scope, with their seats and the person's own sign-ups. */
export async function upcomingFor(
  tx: Tx,
  now: Date,
  scope: ListScope,
  personId: number,
  theme?: string,
): Promise<{ lab: LabRecord; seats: Seats; mine: MySignup }[]> {
  const labs = await upcomingLabs(tx, now, scope, theme);
  const seats = await seatsOf(tx, labs);
  const mine = await mySignups(
    tx,
    personId,
    labs.map((l) => l.id),
  );
  return labs.map((lab) => ({ lab, seats: seats.get(lab.id)!, mine: mine.get(lab.id) ?? null }));
}
