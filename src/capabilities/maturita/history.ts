// The maturity history: one row per network, ISO week and dimension (the stage and the figures the
// rule read), written by the weekly job for the week just ended, so trends can be read back and
// exported. Written again for the same week, the rows are replaced (the job is idempotent).
import type { Db, Tx } from '../../db/client.js';
import { profiles, loadRules } from './profile.js';
import { metricsOf } from './rules.js';

const CHUNK = 2000;

export async function recordWeek(db: Db, now: Date, week: string): Promise<{ networks: number; rows: number }> {
  return db.$transaction(
    async (tx: Tx) => {
      const rules = await loadRules(tx);
      const list = await profiles(tx, week, rules);
      const rows = list.flatMap((p) =>
        rules.map((d) => ({
          networkId: p.networkId,
          dimension: d.code,
          stage: p.stages[d.code]!,
          metrics: JSON.stringify(Object.fromEntries(metricsOf(d).map((m) => [m, p.metrics[m]]))),
        })),
      );
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        await tx.$executeRaw`
          INSERT INTO maturity_week (network_id, week, dimension, stage, metrics, computed_at)
          SELECT n, ${week}, d, s, m::jsonb, ${now}
          FROM unnest(${part.map((r) => r.networkId)}::int[], ${part.map((r) => r.dimension)}::text[], ${part.map((r) => r.stage)}::int[], ${part.map((r) => r.metrics)}::text[]) AS x(n, d, s, m)
          ON CONFLICT (network_id, week, dimension) DO UPDATE SET stage = EXCLUDED.stage, metrics = EXCLUDED.metrics, computed_at = EXCLUDED.computed_at`;
      }
      return { networks: list.length, rows: rows.length };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
