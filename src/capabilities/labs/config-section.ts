// The `laboratori:` section of the YAML configuration. Each laboratorio has a stable `key`; a new
// key creates and announces it, a changed one edits it (with notices), `cancelled: true` cancels
// it. Sessions already started or cancelled are left as they are, so loading the same file again
// (at every start with RETI_CONFIG) changes nothing and sends nothing.
import { networkCode, requiredText } from '../../config-import/schemas.js';
import { z } from 'zod';
import type { ConfigSection, SectionContext } from '../../config-import/import.js';
import { isAppError } from '../../errors.js';
import { itLabs } from './texts.js';
import { cancelLab, createLab, updateLab } from './manage.js';
import { parseLabFields } from './validation.js';

const text = requiredText;
const dateTime = z.union([z.string().trim(), z.date()], { message: 'serve data e ora, es. 2027-03-12 14:30' });
const code = networkCode;

const laboratori = z.array(
  z
    .object({
      key: z
        .string({ message: 'serve una chiave (key) stabile, es. lab-2027-03-mediazione' })
        .trim()
        .regex(/^[A-Za-z0-9_.-]{2,80}$/, 'la chiave ha da 2 a 80 lettere, cifre, . - o _'),
      title: text('il titolo'),
      theme: text('il tema'),
      description: z.string().trim().default(''),
      start: dateTime,
      end: dateTime,
      place: z.string().trim().default(''),
      link: z.string().trim().default(''),
      capacity: z.number().int().min(1, 'i posti devono essere almeno 1').nullable().default(null),
      networks: z
        .union([z.enum(['all', 'tutte']), z.array(code)], { message: 'networks è «all» oppure un elenco di codici (es. [BG01, BS02])' })
        .default('all'),
      organiser: z.string().trim().default(''),
      cancelled: z.boolean().default(false),
    })
    .strict(),
);

type LabRow = z.infer<typeof laboratori>[number];

const inv = itLabs.invalid;

/** Which field an Italian validation message is about (to point at its line). */
function fieldOf(message: string): string | undefined {
  if (message === inv.title) return 'title';
  if (message === inv.theme) return 'theme';
  if (message === inv.start || message === inv.past) return 'start';
  if (message === inv.end || message.startsWith('La fine')) return 'end';
  if (message === inv.where) return 'place';
  if (message === inv.link) return 'link';
  if (message === inv.capacity || message.startsWith('Ci sono già')) return 'capacity';
  if (message.startsWith('Non conosco')) return 'networks';
  return undefined;
}

async function applyLabs(ctx: SectionContext, list: LabRow[]): Promise<void> {
  const now = ctx.clock.now();
  const seen = new Set<string>();
  for (const [i, row] of list.entries()) {
    if (seen.has(row.key)) ctx.fail(['laboratori', i, 'key'], `la chiave ${row.key} compare due volte`);
    seen.add(row.key);
    try {
      const input = parseLabFields({ ...row, networks: row.networks === 'all' || row.networks === 'tutte' ? 'tutte' : row.networks });
      const existing = await ctx.tx.lab.findUnique({ where: { key: row.key } });
      if (!existing) {
        if (row.cancelled) ctx.count('laboratori', 'unchanged');
        else {
          await createLab(ctx.tx, now, input, { key: row.key });
          ctx.count('laboratori', 'created');
        }
        continue;
      }
      if (existing.status === 'cancelled' || existing.startsAt.getTime() <= now.getTime()) {
        ctx.count('laboratori', 'unchanged');
        continue;
      }
      if (row.cancelled) {
        await cancelLab(ctx.tx, now, existing.id);
        ctx.count('laboratori', 'updated');
        continue;
      }
      const res = await updateLab(ctx.tx, now, existing.id, input);
      ctx.count('laboratori', res.changed.length ? 'updated' : 'unchanged');
    } catch (err) {
      if (!isAppError(err)) throw err;
      const field = fieldOf(err.userMessage);
      ctx.fail(['laboratori', i, ...(field ? [field] : [])], err.userMessage.replace(/\*\*/g, ''));
    }
  }
}

export const labsSection: ConfigSection<LabRow[]> = { key: 'laboratori', schema: laboratori, order: 60, apply: applyLabs };
