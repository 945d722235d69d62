// One run of introductions (the legami-intro job): read who may be introduced, plan the pairs,
// store them and say them, in one transaction under an advisory lock so two replicas (or a
// manual run on top of the scheduled one) never introduce anybody twice. The run key is the ISO
// week: repeating a run in the same week plans nobody new (everyone introduced is busy).
import type { Db, Tx } from '../../db/client.js';
import type { Logger } from '../../log.js';
import type { Platforms } from '../../services.js';
import { isoWeek } from '../../time.js';
import { enqueue } from '../../outbox/enqueue.js';
import { introDirectory, introductionEntries } from './intro-messages.js';
import { pairKey, planIntroductions, type Offer, type PlannedIntroduction } from './matching.js';
import { introductionCandidates } from './candidates.js';
import type { LegamiSettings } from './settings.js';
import type { SupportSource } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
const LOCK = 7_270_606; // pg advisory lock: one run at a time across replicas

export interface RunOptions {
  now: Date;
  settings: LegamiSettings;
  support: SupportSource;
  platforms: Platforms;
  logger?: Logger;
}

export interface RunResult {
  runKey: string;
  introductions: number;
  bySupport: number;
  byTheme: number;
}

export async function runIntroductions(db: Db, opts: RunOptions): Promise<RunResult> {
  const runKey = isoWeek(opts.now);
  // Outside the transaction: the check-in tables may not exist yet, and a failed query would
  // abort the transaction it ran in.
  const requests = await opts.support.requested(db, new Date(opts.now.getTime() - opts.settings.supportDays * DAY));
  const planned = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK}::bigint)`;
      const plan = planIntroductions({ runKey, requests, ...(await planInputs(tx, runKey, opts)) });
      await store(tx, runKey, plan, opts.now);
      const dir = await introDirectory(tx, plan);
      const entries = plan.flatMap((p) => introductionEntries(p, dir, opts.platforms, `legami:intro:${runKey}:${pairKey(p.a.personId, p.b.personId)}`));
      for (let i = 0; i < entries.length; i += 1000) await enqueue(tx, entries.slice(i, i + 1000));
      return plan;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  const bySupport = planned.filter((p) => p.reason === 'supporto').length;
  return { runKey, introductions: planned.length, bySupport, byTheme: planned.length - bySupport };
}

async function planInputs(tx: Tx, runKey: string, opts: RunOptions) {
  const since = new Date(opts.now.getTime() - opts.settings.windowDays * DAY);
  const recent = await tx.introduction.findMany({
    where: { OR: [{ createdAt: { gte: since } }, { runKey }] },
    select: { personAId: true, personBId: true, runKey: true },
  });
  const practices = await tx.goodPractice.findMany({
    where: { status: 'pubblicata', network: { active: true } },
    select: { id: true, networkId: true, title: true, themes: true, proposedById: true, publishedAt: true },
  });
  return {
    candidates: await introductionCandidates(tx),
    recentPairs: new Set(recent.map((r) => pairKey(r.personAId, r.personBId))),
    busy: new Set(recent.filter((r) => r.runKey === runKey).flatMap((r) => [r.personAId, r.personBId])),
    offers: practices.map((p): Offer => ({
      practiceId: p.id,
      networkId: p.networkId,
      title: p.title,
      themes: p.themes,
      proposedById: p.proposedById,
      publishedAt: p.publishedAt ?? new Date(0),
    })),
  };
}

/** Stores the pairs normalised (a < b); the unique index on (run, a, b) makes a repeat a no-op. */
async function store(tx: Tx, runKey: string, plan: PlannedIntroduction[], now: Date): Promise<void> {
  await tx.introduction.createMany({
    data: plan.map((p) => {
      const [x, y] = p.a.personId < p.b.personId ? [p.a, p.b] : [p.b, p.a];
      return {
        personAId: x.personId,
        personBId: y.personId,
        networkAId: x.networkId,
        networkBId: y.networkId,
        reason: p.reason,
        theme: p.theme,
        practiceId: p.practice?.practiceId ?? null,
        runKey,
        createdAt: now,
      };
    }),
    skipDuplicates: true,
  });
}
