// Good practices ("buone pratiche"): proposed by referents (/buonapratica, or the check-in's
// buona_prassi answer), published by a coordinator, then announced in the channels of the
// networks that share their themes. Publishing is a conditional update: pressing twice, or two
// coordinators at once, publishes once.
import { normalize } from '../../conversation/parse.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { itPractices as t } from './practice-texts.js';
import { announcePractice, notifyCoordinators, tellProposer } from './practice-messages.js';
import { themeVocabulary } from './partners.js';
import { canonicalTheme, containsPhrase, themeMatches } from './themes.js';

export interface NewPractice {
  networkId: number;
  personId: number | null;
  title: string;
  description: string;
  themes: string[];
  source: 'comando' | 'checkin';
  sourceKey?: string;
}

/** Stores a proposal and asks the coordinators (privately, with a «Pubblica» button) to publish it. */
export async function proposePractice(tx: Tx, input: NewPractice): Promise<{ id: number }> {
  const vocabulary = await themeVocabulary(tx);
  const themes = [...new Set(input.themes.map((th) => canonicalTheme(th, vocabulary)))];
  const row = await tx.goodPractice.create({
    data: {
      networkId: input.networkId,
      proposedById: input.personId,
      title: input.title.trim(),
      description: input.description.trim(),
      themes,
      source: input.source,
      sourceKey: input.sourceKey ?? null,
    },
  });
  await notifyCoordinators(tx, row.id);
  return { id: row.id };
}

const NOTHING = new Set(['', '-', 'no', 'nessuna', 'nessuno', 'niente', 'nulla', 'no grazie', 'non ancora', 'per ora no', 'nessuna per ora', 'n a', 'na']);

/**
 * The check-in's "buona_prassi" answer as a proposal. Contract (for the check-in capability):
 * - call it in the transaction that stores the confirmed answer; `period` is the round's period
 *   ("2026-W48"), `personId` who answered, `text` the answer verbatim;
 * - returns null when the text says there is nothing to share ("no", "nessuna", empty);
 * - idempotent per network and period: a second call (an edited submission) updates the text of a
 *   proposal not yet published and notifies nobody again; a published one is left as it is;
 * - on creation the coordinators are notified (outbox rows in the same transaction).
 */
export async function proposeFromCheckin(
  tx: Tx,
  input: { networkId: number; personId: number; text: string; period: string },
): Promise<{ id: number; created: boolean; status: string } | null> {
  const text = input.text.trim();
  if (NOTHING.has(normalize(text).replace(/[.!]+$/, ''))) return null;
  const sourceKey = `checkin:${input.networkId}:${input.period}`;
  const title = titleFrom(text);
  const existing = await tx.goodPractice.findUnique({ where: { sourceKey } });
  if (existing) {
    if (existing.status === 'proposta' && existing.description !== text) {
      await tx.goodPractice.update({ where: { id: existing.id }, data: { title, description: text, proposedById: input.personId } });
    }
    return { id: existing.id, created: false, status: existing.status };
  }
  const themes = await themesOf(tx, text, input.networkId);
  const { id } = await proposePractice(tx, {
    networkId: input.networkId,
    personId: input.personId,
    title,
    description: text,
    themes,
    source: 'checkin',
    sourceKey,
  });
  return { id, created: true, status: 'proposta' };
}

/** The first sentence, at most about 80 characters. */
export function titleFrom(text: string): string {
  const first = text
    .trim()
    .split(/(?<=[.!?])\s+|\n/)[0]!
    .trim()
    .replace(/[.!?]+$/, '');
  if (first.length <= 80) return first;
  const cut = first.slice(0, 78);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 78)}…`;
}

/** Themes named in a free text (from those in use); the network's own themes when it names none. */
async function themesOf(tx: Tx, text: string, networkId: number): Promise<string[]> {
  const vocabulary = await themeVocabulary(tx);
  const named = vocabulary.filter((theme) => containsPhrase(text, theme)).slice(0, 5);
  if (named.length) return named;
  const network = await tx.network.findUniqueOrThrow({ where: { id: networkId }, select: { themes: true } });
  return network.themes;
}

export type PublishResult = { published: true; title: string; networks: string[] } | { published: false; title: string; by: string; at: Date };

/** Publishes a proposal once: announces it and tells the proposer. A second press changes nothing. */
export async function publishPractice(tx: Tx, practiceId: number, publisherId: number, now: Date): Promise<PublishResult> {
  const res = await tx.goodPractice.updateMany({
    where: { id: practiceId, status: 'proposta' },
    data: { status: 'pubblicata', publishedById: publisherId, publishedAt: now },
  });
  const practice = await tx.goodPractice.findUnique({ where: { id: practiceId }, include: { publishedBy: { select: { name: true } } } });
  if (!practice) throw new AppError('not_found', t.publish.notFound);
  if (res.count === 0) return { published: false, title: practice.title, by: practice.publishedBy?.name ?? '—', at: practice.publishedAt ?? now };
  const networks = await announcePractice(tx, practiceId);
  await tellProposer(tx, practiceId, networks);
  return { published: true, title: practice.title, networks };
}

export interface PracticeView {
  id: number;
  title: string;
  description: string;
  themes: string[];
  network: { code: string; name: string };
  publishedAt: Date;
}

/** Published practices, newest first, optionally on a theme (matched leniently). */
export async function publishedPractices(tx: Tx, query: string | null): Promise<PracticeView[]> {
  const rows = await tx.goodPractice.findMany({
    where: { status: 'pubblicata' },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    include: { network: { select: { code: true, name: true } } },
  });
  return rows
    .filter((p) => !query || p.themes.some((th) => themeMatches(query, th)))
    .map((p) => ({ id: p.id, title: p.title, description: p.description, themes: p.themes, network: p.network, publishedAt: p.publishedAt! }));
}
