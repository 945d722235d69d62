// The YAML `indicators:` section. Each entry adds an indicator, or changes one already in the
// catalogue (by code): its wording, help, bounds, options, order, the networks that answer it, or
// `active: false` to retire it (its past answers stay). Indicators the file does not mention are
// left as they are, so a file only lists what differs from the default set.
//
//   indicators:
//     - code: incontri
//       question: Quanti incontri di rete si sono svolti questa settimana?
//     - code: ore_mediazione          # a new indicator, asked only in two networks
//       question: Quante ore di mediazione linguistica sono state offerte?
//       type: decimal
//       min: 0
//       networks: [BG01, BS02]
//     - code: associazioni
//       active: false                 # retired
import { networkCode } from '../../config-import/schemas.js';
import { z } from 'zod';
import type { ConfigSection, SectionContext } from '../../config-import/import.js';
import { normalize } from '../../conversation/parse.js';
import { itCheckins } from './texts.js';
import { POSITION_STEP, installDefaultIndicators } from './defaults.js';
import { indicatorTypes, MAX_CONFIGURABLE, type IndicatorOption, type IndicatorType } from './indicators.js';
import { formatNumber } from '../../conversation/form.js';

const t = itCheckins.config;

const slug = (label: string) =>
  normalize(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 40) || 'opzione';
const optionCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, 'il codice di un’opzione ha lettere minuscole, cifre o _');
const option = z.union([
  z
    .string()
    .trim()
    .min(1)
    .transform((label): IndicatorOption => ({ code: slug(label), label })),
  z
    .object({ code: optionCode, label: z.string().trim().min(1), label_en: z.string().trim().min(1).optional() })
    .strict()
    .transform((o): IndicatorOption => ({ code: o.code, label: o.label, ...(o.label_en ? { labelEn: o.label_en } : {}) })),
]);

const entry = z
  .object({
    code: z
      .string({ message: 'serve il codice dell’indicatore (es. incontri)' })
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, t.code),
    question: z.string().trim().min(1, 'serve il testo della domanda').optional(),
    question_en: z.string().trim().min(1).optional(),
    type: z.enum(indicatorTypes, { message: `type deve essere uno tra ${indicatorTypes.join(', ')}` }).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(option).min(1).optional(),
    required: z.boolean().optional(),
    help: z.string().trim().optional(),
    active: z.boolean().optional(),
    order: z.number().int().optional(),
    networks: z.array(networkCode).optional(),
  })
  .strict();
type Entry = z.infer<typeof entry>;

interface Effective {
  questionIt: string;
  questionEn: string | null;
  type: IndicatorType;
  min: number | null;
  max: number | null;
  options: IndicatorOption[];
  required: boolean;
  help: string;
  active: boolean;
  position: number;
}

/** The checks that need the whole indicator (the entry over what is stored): the field at fault, or null. */
function problem(e: Effective): [string, string] | null {
  const choice = e.type === 'choice' || e.type === 'multi';
  if (choice && e.options.length === 0) return ['options', t.needsOptions];
  if (!choice && e.options.length > 0) return ['options', t.noOptions];
  if (new Set(e.options.map((o) => o.code)).size !== e.options.length) return ['options', t.optionCodes];
  if (e.min !== null && e.max !== null && e.min >= e.max) return ['min', t.minMax];
  if ((e.max ?? 0) > MAX_CONFIGURABLE) return ['max', t.maxTooLarge(formatNumber(MAX_CONFIGURABLE))];
  if (e.type === 'integer' && [e.min, e.max].some((v) => v !== null && !Number.isInteger(v))) return ['min', t.integerBounds];
  if (e.type === 'scale') {
    const min = e.min ?? 1;
    const max = e.max ?? 5;
    if (!Number.isInteger(min) || !Number.isInteger(max) || max - min > 9) return ['max', t.scaleRange];
  }
  return null;
}

async function applyIndicators(ctx: SectionContext, list: Entry[]): Promise<void> {
  const { tx } = ctx;
  await installDefaultIndicators(tx);
  const seen = new Set<string>();
  const codes = [...new Set(list.flatMap((e) => e.networks ?? []))];
  const networks = new Map((await tx.network.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } })).map((n) => [n.code, n.id]));
  let lastPosition = (await tx.indicator.aggregate({ _max: { position: true } }))._max.position ?? 0;

  for (const [i, e] of list.entries()) {
    const at = (field: string) => ['indicators', i, field];
    if (seen.has(e.code)) ctx.fail(at('code'), t.duplicate(e.code));
    seen.add(e.code);
    const existing = await tx.indicator.findUnique({ where: { code: e.code }, include: { networks: { select: { networkId: true } } } });
    if (!existing && (!e.question || !e.type)) ctx.fail(at(e.question ? 'type' : 'question'), t.newNeeds(e.code));
    const type = e.type ?? (existing!.type as IndicatorType);
    const effective: Effective = {
      questionIt: e.question ?? existing!.questionIt,
      questionEn: e.question_en ?? existing?.questionEn ?? null,
      type,
      min: e.min ?? (e.type && e.type !== existing?.type ? null : (existing?.min ?? null)),
      max: e.max ?? (e.type && e.type !== existing?.type ? null : (existing?.max ?? null)),
      options: e.options ?? (e.type && e.type !== existing?.type ? [] : ((existing?.options as unknown as IndicatorOption[] | undefined) ?? [])),
      required: e.required ?? existing?.required ?? true,
      help: e.help ?? existing?.help ?? '',
      active: e.active ?? existing?.active ?? true,
      position: e.order ?? existing?.position ?? (lastPosition += POSITION_STEP),
    };
    if (effective.type === 'scale' && effective.min === null && effective.max === null) Object.assign(effective, { min: 1, max: 5 });
    const wrong = problem(effective);
    if (wrong) ctx.fail(at(e[wrong[0] as keyof Entry] !== undefined ? wrong[0] : e.type ? 'type' : 'code'), wrong[1]);
    const networkIds = e.networks?.map((code, j) => networks.get(code) ?? ctx.fail(['indicators', i, 'networks', j], t.unknownNetwork(code)));

    let changed = false;
    if (!existing) {
      const created = await tx.indicator.create({ data: { code: e.code, ...effective, options: effective.options as object[] } });
      if (networkIds?.length)
        await tx.indicatorNetwork.createMany({ data: networkIds.map((networkId) => ({ indicatorId: created.id, networkId })), skipDuplicates: true });
      ctx.count('indicators', 'created');
      continue;
    }
    if (type !== existing.type && (await tx.checkinAnswer.count({ where: { indicatorId: existing.id } })) > 0)
      ctx.fail(at('type'), t.typeChange(e.code, existing.type, type));
    const stored: Effective = { ...existing, type: existing.type as IndicatorType, options: existing.options as unknown as IndicatorOption[] };
    if (JSON.stringify(pick(stored)) !== JSON.stringify(pick(effective))) {
      await tx.indicator.update({ where: { id: existing.id }, data: { ...effective, options: effective.options as object[] } });
      changed = true;
    }
    if (networkIds) {
      const now = new Set(existing.networks.map((n) => n.networkId));
      const wanted = new Set(networkIds);
      if (now.size !== wanted.size || [...wanted].some((id) => !now.has(id))) {
        await tx.indicatorNetwork.deleteMany({ where: { indicatorId: existing.id } });
        await tx.indicatorNetwork.createMany({ data: [...wanted].map((networkId) => ({ indicatorId: existing.id, networkId })) });
        changed = true;
      }
    }
    ctx.count('indicators', changed ? 'updated' : 'unchanged');
  }
}

function pick(e: Effective) {
  const { questionIt, questionEn, type, min, max, options, required, help, active, position } = e;
  return {
    questionIt,
    questionEn,
    type,
    min,
    max,
    options: options.map((o) => ({ code: o.code, label: o.label, labelEn: o.labelEn ?? null })),
    required,
    help,
    active,
    position,
  };
}

export const indicatorsSection: ConfigSection<Entry[]> = { key: 'indicators', schema: z.array(entry), order: 40, apply: applyIndicators };
