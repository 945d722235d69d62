// The map of maturity computed in SQL: one query reads the figures of every network (or one) over
// the 12 weeks ending with a week — check-in answers by indicator, objectives' answers, the scheda
// — and turns them into the six stages with CASE expressions built from the rules' thresholds
// (rules.ts; metric names come from there, never from input).
import { Prisma, type Tx } from '../../db/client.js';
import { shiftWeek, weekStart } from '../../time.js';
import { DIMENSIONS, METRICS, RULED_STAGES, WINDOW_WEEKS, withOverrides, type Dimension, type Metric } from './rules.js';

export interface NetworkProfile {
  networkId: number;
  code: string;
  name: string;
  metrics: Record<Metric, number>;
  /** Dimension code → stage index (0 avvio … 3 generatività). */
  stages: Record<string, number>;
}

/** The rules with the configuration's thresholds. */
export async function loadRules(tx: Tx): Promise<Dimension[]> {
  return withOverrides(await tx.maturityThreshold.findMany());
}

function stageSql(d: Dimension): Prisma.Sql {
  const whens = [...RULED_STAGES]
    .map((s, i) => ({ s, i }))
    .reverse()
    .map(({ s, i }) => {
      const conditions = Object.entries(d.thresholds[s]).map(([m, min]) => Prisma.sql`${Prisma.raw(`m.${m}`)} >= ${min}::float8`);
      return Prisma.sql`WHEN ${Prisma.join(conditions, ' AND ')} THEN ${i + 1}`;
    });
  return Prisma.sql`CASE ${Prisma.join(whens, ' ')} ELSE 0 END AS ${Prisma.raw(`st_${d.code}`)}`;
}

/** The profiles of every active network (or one) for the 12 weeks ending with `week`. */
export async function profiles(tx: Tx, week: string, rules: Dimension[], networkId: number | null = null): Promise<NetworkProfile[]> {
  const from = shiftWeek(week, -(WINDOW_WEEKS - 1));
  const end = weekStart(shiftWeek(week, 1));
  const one = (column: string) => (networkId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${networkId}`);
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    WITH a AS (
      SELECT network_id,
        count(DISTINCT period)::float8 AS settimane_risposte,
        coalesce(sum(number_value) FILTER (WHERE indicator_code = 'incontri'), 0)::float8 / 3 AS incontri_mese,
        coalesce(avg(number_value) FILTER (WHERE indicator_code = 'squadra'), 0)::float8 AS media_squadra,
        coalesce(avg(number_value) FILTER (WHERE indicator_code = 'ruolo_attivo'), 0)::float8 AS media_ruolo_attivo,
        coalesce(sum(number_value) FILTER (WHERE indicator_code = 'cittadini'), 0)::float8 AS cittadini,
        coalesce(avg(number_value) FILTER (WHERE indicator_code = 'corresponsabilita'), 0)::float8 AS media_corresponsabilita,
        coalesce(avg(number_value) FILTER (WHERE indicator_code = 'partner_attivi'), 0)::float8 AS partner_attivi,
        coalesce(sum(number_value) FILTER (WHERE indicator_code = 'nuovi_partner'), 0)::float8 AS nuovi_partner,
        count(DISTINCT period) FILTER (WHERE indicator_code = 'associazioni' AND number_value > 0)::float8 AS settimane_associazioni
      FROM checkin_answer
      WHERE period >= ${from} AND period <= ${week} ${one('network_id')}
      GROUP BY network_id
    ), r AS (
      SELECT network_id, count(DISTINCT person_id)::float8 AS referenti_attivi
      FROM checkin_submission WHERE period >= ${from} AND period <= ${week} ${one('network_id')}
      GROUP BY network_id
    ), o AS (
      SELECT network_id,
        count(*) FILTER (WHERE target IS NOT NULL)::float8 AS obiettivi_misurati,
        count(*) FILTER (WHERE reached_at < ${end})::float8 AS obiettivi_raggiunti,
        count(DISTINCT strategy_id)::float8 AS strategie_con_obiettivi
      FROM scheda_objective WHERE true ${one('network_id')}
      GROUP BY network_id
    ), p AS (
      SELECT network_id, count(*)::float8 AS risposte_obiettivi
      FROM objective_progress WHERE period >= ${from} AND period <= ${week} ${one('network_id')}
      GROUP BY network_id
    ), ro AS (
      SELECT network_id, count(*)::float8 AS ruoli FROM scheda_role WHERE true ${one('network_id')} GROUP BY network_id
    ), f AS (
      SELECT network_id, count(*)::float8 AS flussi FROM scheda_flow WHERE true ${one('network_id')} GROUP BY network_id
    ), m AS (
      SELECT n.id AS network_id, n.code, n.name,
        coalesce(a.settimane_risposte, 0) AS settimane_risposte, coalesce(a.incontri_mese, 0) AS incontri_mese,
        coalesce(a.media_squadra, 0) AS media_squadra, coalesce(a.media_ruolo_attivo, 0) AS media_ruolo_attivo,
        coalesce(a.cittadini, 0) AS cittadini, coalesce(a.media_corresponsabilita, 0) AS media_corresponsabilita,
        coalesce(a.partner_attivi, 0) AS partner_attivi, coalesce(a.nuovi_partner, 0) AS nuovi_partner,
        coalesce(a.settimane_associazioni, 0) AS settimane_associazioni, coalesce(r.referenti_attivi, 0) AS referenti_attivi,
        (coalesce(s.objective <> '' AND s.needs <> '', false)::int + (coalesce(o.strategie_con_obiettivi, 0) > 0)::int
          + (coalesce(ro.ruoli, 0) > 0)::int + (coalesce(f.flussi, 0) > 0)::int)::float8 AS passi_scheda,
        coalesce(o.obiettivi_misurati, 0) AS obiettivi_misurati, coalesce(p.risposte_obiettivi, 0) AS risposte_obiettivi,
        coalesce(o.obiettivi_raggiunti, 0) AS obiettivi_raggiunti, coalesce(ro.ruoli, 0) AS ruoli, coalesce(f.flussi, 0) AS flussi
      FROM network n
        LEFT JOIN a ON a.network_id = n.id LEFT JOIN r ON r.network_id = n.id LEFT JOIN o ON o.network_id = n.id
        LEFT JOIN p ON p.network_id = n.id LEFT JOIN ro ON ro.network_id = n.id LEFT JOIN f ON f.network_id = n.id
        LEFT JOIN scheda s ON s.network_id = n.id
      WHERE n.active ${one('n.id')}
    )
    SELECT m.*, ${Prisma.join(rules.map(stageSql), ', ')}
    FROM m ORDER BY m.code`;
  const names = Object.keys(METRICS) as Metric[];
  return rows.map((row) => ({
    networkId: row.network_id as number,
    code: row.code as string,
    name: row.name as string,
    metrics: Object.fromEntries(names.map((k) => [k, Number(row[k] ?? 0)])) as Record<Metric, number>,
    stages: Object.fromEntries(rules.map((d) => [d.code, Number(row[`st_${d.code}`])])),
  }));
}

export { DIMENSIONS };
