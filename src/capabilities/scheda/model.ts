// The shape of a scheda della rete: its four steps, the options of its fields, and the document
// form shared by the YAML configuration, the CLI's export and import, and the tests.
import { z } from 'zod';

/** The four steps of a "squadra territoriale", in order. */
export const STEPS = ['obiettivo', 'strategie', 'ruoli', 'flussi'] as const;
export type Step = (typeof STEPS)[number];

/** What /scheda modifica edits, one section at a time. */
export const SECTIONS = ['obiettivo', 'strategia', 'specifico', 'ruolo', 'flusso'] as const;
export type Section = (typeof SECTIONS)[number];

export const FREQUENCIES = ['settimanale', 'quindicinale', 'mensile'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FLOW_HOW = [
  { code: 'cabina_di_regia', label: 'cabina di regia' },
  { code: 'riunione', label: 'riunione' },
  { code: 'chat', label: 'chat' },
  { code: 'email', label: 'email' },
  { code: 'altro', label: 'altro' },
] as const;

export const FLOW_OFTEN = [
  { code: 'settimanale', label: 'ogni settimana' },
  { code: 'quindicinale', label: 'ogni due settimane' },
  { code: 'mensile', label: 'ogni mese' },
  { code: 'trimestrale', label: 'ogni tre mesi' },
  { code: 'al_bisogno', label: 'al bisogno' },
] as const;

/** Where a specific objective stands (the check-in's answer). */
export const PROGRESS = [
  { code: 'fermo', label: 'fermo' },
  { code: 'avviato', label: 'avviato' },
  { code: 'buon_punto', label: 'a buon punto' },
  { code: 'raggiunto', label: 'raggiunto' },
] as const;

export const labelOf = (list: readonly { code: string; label: string }[], code: string): string => list.find((o) => o.code === code)?.label ?? code;

/** Bounds of what is typed. */
export const LIMITS = { objective: 1000, needs: 1000, title: 200, what: 300, unit: 60, who: 120, doing: 300, note: 500, targetMax: 1_000_000 } as const;

/** A scheda as a document (YAML, CLI export and import): elements keep their numbers (S1, O3…). */
export const schedaDocSchema = z
  .object({
    network: z.string().trim().optional(),
    objective: z.string().trim().max(LIMITS.objective).default(''),
    needs: z.string().trim().max(LIMITS.needs).default(''),
    frequency: z.enum(FREQUENCIES, { message: 'frequency è settimanale, quindicinale o mensile' }).default('settimanale'),
    strategies: z
      .array(
        z
          .object({
            number: z.number().int().min(1).max(999).optional(),
            title: z.string().trim().min(1, 'serve il titolo della strategia').max(LIMITS.title),
            objectives: z
              .array(
                z
                  .object({
                    number: z.number().int().min(1).max(9999).optional(),
                    what: z.string().trim().min(1, 'serve che cosa vuole ottenere l’obiettivo (what)').max(LIMITS.what),
                    target: z
                      .number()
                      .min(1, 'il traguardo va da 1 a 1.000.000')
                      .max(LIMITS.targetMax, 'il traguardo va da 1 a 1.000.000')
                      .nullable()
                      .default(null),
                    unit: z.string().trim().max(LIMITS.unit).default(''),
                    due: z.union([z.string().trim(), z.date()], { message: 'serve la scadenza (due), es. 2027-06-30' }),
                    indicator: z.string().trim().nullable().default(null),
                  })
                  .strict(),
              )
              .default([]),
          })
          .strict(),
      )
      .default([]),
    roles: z
      .array(
        z
          .object({
            number: z.number().int().min(1).max(999).optional(),
            who: z.string().trim().min(1, 'serve chi ha il ruolo (who)').max(LIMITS.who),
            /** The strategy's number (S2 → 2); none: the whole project. */
            strategy: z.number().int().min(1).nullable().default(null),
            doing: z.string().trim().min(1, 'serve che cosa fa (doing)').max(LIMITS.doing),
          })
          .strict(),
      )
      .default([]),
    flows: z
      .array(
        z
          .object({
            number: z.number().int().min(1).max(999).optional(),
            from: z.number().int().min(1, 'from è il numero di un ruolo (R1 → 1)'),
            to: z.number().int().min(1, 'to è il numero di un ruolo (R2 → 2)'),
            how: z.enum(FLOW_HOW.map((o) => o.code) as [string, ...string[]], { message: `how è uno di: ${FLOW_HOW.map((o) => o.code).join(', ')}` }),
            often: z.enum(FLOW_OFTEN.map((o) => o.code) as [string, ...string[]], { message: `often è uno di: ${FLOW_OFTEN.map((o) => o.code).join(', ')}` }),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type SchedaDoc = z.infer<typeof schedaDocSchema>;

/** A scheda as read from the database. */
export interface SchedaView {
  networkId: number;
  code: string;
  name: string;
  objective: string;
  needs: string;
  frequency: Frequency;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
  strategies: { id: number; number: number; title: string }[];
  objectives: {
    id: number;
    number: number;
    strategyId: number;
    strategyNumber: number;
    what: string;
    target: number | null;
    unit: string;
    dueOn: Date;
    indicatorCode: string | null;
    reachedAt: Date | null;
    /** The last status answered in a check-in, if any. */
    last: { status: string; period: string; note: string } | null;
  }[];
  roles: { id: number; number: number; who: string; strategyId: number | null; strategyNumber: number | null; doing: string }[];
  flows: { id: number; number: number; fromRoleId: number; toRoleId: number; fromNumber: number; toNumber: number; how: string; often: string }[];
}

export interface Completeness {
  complete: boolean;
  /** Steps with at least one entry. */
  done: Step[];
  missing: Step[];
}

export function completenessOf(s: Pick<SchedaView, 'objective' | 'needs' | 'strategies' | 'objectives' | 'roles' | 'flows'>): Completeness {
  const has: Record<Step, boolean> = {
    obiettivo: Boolean(s.objective && s.needs),
    strategie: s.strategies.some((st) => s.objectives.some((o) => o.strategyId === st.id)),
    ruoli: s.roles.length > 0,
    flussi: s.flows.length > 0,
  };
  const done = STEPS.filter((x) => has[x]);
  const missing = STEPS.filter((x) => !has[x]);
  return { complete: missing.length === 0, done, missing };
}

/** Who changes a scheda, and through what. */
export interface Author {
  personId: number | null;
  source: 'chat' | 'modulo' | 'yaml' | 'cli';
}
