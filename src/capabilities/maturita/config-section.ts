// The `maturita:` section of the YAML configuration: thresholds of the rules (`soglie:`, by
// dimension, stage and metric; what is not named keeps its default from rules.ts) and the
// percorsi (`percorsi:`, the support suggested at each stage). Thresholds must not decrease from
// one stage to the next. Loading the same file again changes nothing.
import { z } from 'zod';
import type { ConfigSection, SectionContext } from '../../config-import/import.js';
import { isAppError } from '../../errors.js';
import { MAX_PERCORSO_TEXT, parseKinds, setPercorso } from './percorsi.js';
import { DIMENSION_CODES, DIMENSIONS, METRICS, RULED_STAGES, STAGES, withOverrides, type Metric } from './rules.js';

const metricValues = z.record(z.string(), z.number().min(0, 'una soglia non può essere negativa').max(1_000_000, 'soglia troppo alta (al massimo 1.000.000)'));
const section = z
  .object({
    soglie: z.record(z.string(), z.record(z.string(), metricValues)).default({}),
    percorsi: z
      .array(
        z
          .object({
            fase: z.string(),
            dimensione: z.string().default(''),
            supporto: z.array(z.string()).min(1, 'indica almeno un tipo di supporto'),
            testo: z.string().trim().max(MAX_PERCORSO_TEXT).default(''),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
type Section = z.infer<typeof section>;

async function applyMaturita(ctx: SectionContext, value: Section): Promise<void> {
  const overrides: { dimension: string; stage: string; metric: string; value: number }[] = [];
  for (const [dimension, stages] of Object.entries(value.soglie)) {
    const d = DIMENSIONS.find((x) => x.code === dimension);
    if (!d) ctx.fail(['maturita', 'soglie', dimension], `la dimensione ${dimension} non esiste (${DIMENSION_CODES.join(', ')})`);
    for (const [stage, metrics] of Object.entries(stages)) {
      if (!(RULED_STAGES as readonly string[]).includes(stage))
        ctx.fail(['maturita', 'soglie', dimension, stage], `la fase è consolidamento, autonomia o generativita`);
      for (const [metric, v] of Object.entries(metrics)) {
        if (!(metric in METRICS) || !(metric in d.thresholds[stage as 'autonomia'])) {
          ctx.fail(
            ['maturita', 'soglie', dimension, stage, metric],
            `la regola di ${dimension} non usa ${metric} (usa: ${Object.keys(d.thresholds.autonomia).join(', ')})`,
          );
        }
        overrides.push({ dimension, stage, metric, value: v });
      }
    }
  }
  for (const d of withOverrides(overrides)) {
    for (const m of Object.keys(d.thresholds.autonomia) as Metric[]) {
      const [c, a, g] = RULED_STAGES.map((s) => d.thresholds[s][m]!);
      if (!(c! <= a! && a! <= g!))
        ctx.fail(['maturita', 'soglie', d.code], `le soglie di ${m} per ${d.code} non possono scendere da una fase alla successiva (${c}, ${a}, ${g})`);
    }
  }
  const current = await ctx.tx.maturityThreshold.findMany({ orderBy: [{ dimension: 'asc' }, { stage: 'asc' }, { metric: 'asc' }] });
  const key = (o: { dimension: string; stage: string; metric: string; value: number }) => `${o.dimension}|${o.stage}|${o.metric}|${o.value}`;
  const same = current.length === overrides.length && current.map(key).sort().join() === overrides.map(key).sort().join();
  if (same) ctx.count('maturita', 'unchanged');
  else {
    await ctx.tx.maturityThreshold.deleteMany({});
    if (overrides.length) await ctx.tx.maturityThreshold.createMany({ data: overrides });
    ctx.count('maturita', 'updated');
  }
  const now = ctx.clock.now();
  for (const [i, p] of value.percorsi.entries()) {
    const stage = p.fase.toLowerCase().replace('à', 'a');
    if (!(STAGES as readonly string[]).includes(stage))
      ctx.fail(['maturita', 'percorsi', i, 'fase'], 'la fase è avvio, consolidamento, autonomia o generatività');
    if (p.dimensione && !DIMENSION_CODES.includes(p.dimensione))
      ctx.fail(['maturita', 'percorsi', i, 'dimensione'], `la dimensione ${p.dimensione} non esiste`);
    let kinds: string[];
    try {
      kinds = parseKinds(p.supporto);
    } catch (err) {
      if (isAppError(err)) ctx.fail(['maturita', 'percorsi', i, 'supporto'], err.userMessage);
      throw err;
    }
    const changed = await setPercorso(ctx.tx, now, { stage, dimension: p.dimensione, kinds, text: p.testo });
    ctx.count('percorsi', changed ? 'updated' : 'unchanged');
  }
}

export const maturitaSection: ConfigSection<Section> = { key: 'maturita', schema: section, order: 85, apply: applyMaturita };
