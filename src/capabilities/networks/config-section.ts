// The networks' sections of the YAML configuration: networks (with channels) and people (with
// accounts and roles).
import { z } from 'zod';
import type { ConfigSection, SectionContext } from '../../config-import/import.js';
import { networkCode, requiredText } from '../../config-import/schemas.js';
import { parsePatronDay } from './calendar.js';
import { parseDay, MAX_PERIOD_DAYS } from './period-input.js';
import { replaceConfigPauses } from './pauses.js';
import { audit } from '../../audit.js';

const code = networkCode;
const text = requiredText;
export const themes = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .transform((t) => t.toLowerCase()),
  )
  .default([]);
const idString = z.union([z.string().trim().min(1), z.number().int()]).transform(String);

const channel = z.discriminatedUnion(
  'platform',
  [
    z.object({ platform: z.literal('slack'), team: text('il team Slack (T…)'), channel: text('il canale Slack (C…)'), title: z.string().optional() }).strict(),
    z.object({ platform: z.literal('telegram'), chat: idString, title: z.string().optional() }).strict(),
  ],
  { message: 'platform deve essere slack o telegram' },
);

const day = z.string({ message: 'serve una data AAAA-MM-GG (es. 2027-08-01)' }).transform((text, ctx) => {
  const parsed = parseDay(text);
  if (!parsed) ctx.addIssue({ code: 'custom', message: `«${text}» non è una data valida: scrivila AAAA-MM-GG (es. 2027-08-01)` });
  return parsed ?? '';
});

/** A period without check-ins: { from: 2027-08-01, to: 2027-08-31 }, both days included. */
const pause = z
  .object({ from: day, to: day })
  .strict()
  .refine((p) => p.to >= p.from, { message: 'la fine della pausa (to) viene prima dell’inizio (from)', path: ['to'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1 <= MAX_PERIOD_DAYS, {
    message: `una pausa può durare al massimo ${MAX_PERIOD_DAYS} giorni`,
    path: ['to'],
  });

/** "06-24": the patron saint's day of the network's town. */
const patronDay = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const parsed = parsePatronDay(String(value));
  if (!parsed) ctx.addIssue({ code: 'custom', message: `«${value}» non è un giorno dell’anno: scrivi il patrono come MM-GG tra virgolette (es. "06-24")` });
  return parsed ?? '';
});

const networks = z.array(
  z
    .object({
      code,
      name: text('il nome della rete'),
      area: z.string().trim().default(''),
      themes,
      active: z.boolean().default(true),
      channels: z.array(channel).default([]),
      patrono: patronDay.optional(),
      pause: z.array(pause).default([]),
    })
    .strict(),
);

const role = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.literal('coordinatore') }).strict(),
    z.object({ role: z.literal('referente'), network: code }).strict(),
    z.object({ role: z.literal('membro'), network: code }).strict(),
  ],
  { message: 'role deve essere coordinatore, referente o membro' },
);

const people = z.array(
  z
    .object({
      name: text('il nome'),
      accounts: z
        .object({ slack: idString.optional(), telegram: idString.optional(), slack_team: z.string().optional(), telegram_username: z.string().optional() })
        .strict()
        .default({}),
      roles: z.array(role).default([]),
    })
    .strict(),
);

type NetworkRow = z.infer<typeof networks>[number];
type PersonRow = z.infer<typeof people>[number];

export function sameArray(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function networkIds(ctx: SectionContext, codes: string[]): Promise<Map<string, number>> {
  const rows = await ctx.tx.network.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function applyNetworks(ctx: SectionContext, list: NetworkRow[]): Promise<void> {
  const seen = new Set<string>();
  for (const [i, n] of list.entries()) {
    if (seen.has(n.code)) ctx.fail(['networks', i, 'code'], `il codice ${n.code} compare due volte`);
    seen.add(n.code);
    const existing = await ctx.tx.network.findUnique({ where: { code: n.code } });
    const data = { name: n.name, area: n.area, themes: n.themes, active: n.active, patronDay: n.patrono ?? null };
    const pauses = [...n.pause].sort((a, b) => a.from.localeCompare(b.from));
    for (const [j, p] of pauses.entries()) {
      if (j > 0 && p.from <= pauses[j - 1]!.to)
        ctx.fail(['networks', i, 'pause'], `le pause di ${n.code} si sovrappongono (${pauses[j - 1]!.from} – ${pauses[j - 1]!.to} e ${p.from} – ${p.to})`);
    }
    let id: number;
    if (!existing) {
      id = (await ctx.tx.network.create({ data: { code: n.code, ...data } })).id;
      await replaceConfigPauses(ctx.tx, id, pauses);
      ctx.count('networks', 'created');
    } else {
      id = existing.id;
      const same =
        existing.name === n.name &&
        existing.area === n.area &&
        existing.active === n.active &&
        existing.patronDay === data.patronDay &&
        sameArray(existing.themes, n.themes);
      if (!same) await ctx.tx.network.update({ where: { id }, data });
      const pausesChanged = await replaceConfigPauses(ctx.tx, id, pauses);
      ctx.count('networks', same && !pausesChanged ? 'unchanged' : 'updated');
    }
    for (const c of n.channels) {
      // A channel in a team (team + channel) or a chat without one (chat).
      const key = 'team' in c ? { platform: c.platform, workspace: c.team, chatId: c.channel } : { platform: c.platform, workspace: '', chatId: c.chat };
      const current = await ctx.tx.channel.findUnique({ where: { platform_workspace_chatId: key } });
      if (!current) {
        await ctx.tx.channel.create({ data: { ...key, networkId: id, title: c.title ?? '' } });
        ctx.count('channels', 'created');
      } else if (current.networkId !== id || (c.title !== undefined && c.title !== current.title)) {
        await ctx.tx.channel.update({ where: { id: current.id }, data: { networkId: id, ...(c.title !== undefined ? { title: c.title } : {}) } });
        ctx.count('channels', 'updated');
      } else ctx.count('channels', 'unchanged');
    }
  }
}

/** Roles follow the file: a coordinator or referent it no longer names loses the role; the networks a listed person no longer has are left. */
async function revokeUnlisted(ctx: SectionContext, coordinators: Set<number>, declared: Map<number, Map<number, string>>): Promise<void> {
  const former = await ctx.tx.person.findMany({ where: { coordinator: true, id: { notIn: [...coordinators] } }, orderBy: { id: 'asc' } });
  for (const p of former) {
    await ctx.tx.person.update({ where: { id: p.id }, data: { coordinator: false } });
    ctx.change('people', `${p.name}: non è più coordinatore`);
    await audit(ctx.tx, { at: ctx.clock.now(), action: 'role', subjectPersonId: p.id, detail: 'non più coordinatore (configurazione)' });
  }
  const rows = await ctx.tx.membership.findMany({
    where: { OR: [{ role: 'referente' }, { personId: { in: [...declared.keys()] } }] },
    include: { person: { select: { name: true } }, network: { select: { code: true } } },
    orderBy: { id: 'asc' },
  });
  for (const m of rows) {
    const listed = declared.get(m.personId);
    const role = listed?.get(m.networkId);
    if (role === m.role) continue;
    if (m.role === 'referente' && role !== 'referente' && (role === 'membro' || !listed)) {
      await ctx.tx.membership.update({ where: { id: m.id }, data: { role: 'membro' } });
      ctx.change('people', `${m.person.name}: non è più referente di ${m.network.code}`);
      await audit(ctx.tx, {
        at: ctx.clock.now(),
        action: 'role',
        subjectPersonId: m.personId,
        detail: `non più referente di ${m.network.code} (configurazione)`,
      });
    } else if (listed && role === undefined) {
      await ctx.tx.membership.delete({ where: { id: m.id } });
      ctx.change('people', `${m.person.name}: non fa più parte di ${m.network.code}`);
      await audit(ctx.tx, { at: ctx.clock.now(), action: 'role', subjectPersonId: m.personId, detail: `tolto dalla rete ${m.network.code} (configurazione)` });
    }
  }
}

async function applyPeople(ctx: SectionContext, list: PersonRow[]): Promise<void> {
  const codes = list.flatMap((p) => p.roles.flatMap((r) => ('network' in r ? [r.network] : [])));
  const ids = await networkIds(ctx, codes);
  const coordinators = new Set<number>();
  const declared = new Map<number, Map<number, string>>();
  for (const [i, p] of list.entries()) {
    const accounts = [
      ...(p.accounts.slack ? [{ platform: 'slack', externalId: p.accounts.slack, workspace: p.accounts.slack_team ?? '', username: '' }] : []),
      ...(p.accounts.telegram ? [{ platform: 'telegram', externalId: p.accounts.telegram, workspace: '', username: p.accounts.telegram_username ?? '' }] : []),
    ];
    const found = await ctx.tx.account.findMany({
      where: { OR: accounts.map((a) => ({ platform: a.platform, externalId: a.externalId })) },
      select: { personId: true },
    });
    const personIds = [...new Set(found.map((a) => a.personId))];
    if (personIds.length > 1) ctx.fail(['people', i, 'accounts'], 'questi account appartengono già a persone diverse');
    let personId = personIds[0];
    if (personId === undefined && accounts.length === 0) {
      const byName = await ctx.tx.person.findMany({ where: { name: p.name, accounts: { none: {} } }, take: 1 });
      personId = byName[0]?.id;
    }
    const coordinator = p.roles.some((r) => r.role === 'coordinatore');
    let changed = false;
    const created = personId === undefined;
    if (personId === undefined) {
      personId = (await ctx.tx.person.create({ data: { name: p.name, coordinator } })).id;
      ctx.count('people', 'created');
    } else {
      const person = await ctx.tx.person.findUniqueOrThrow({ where: { id: personId } });
      if (person.name !== p.name || person.coordinator !== coordinator) {
        await ctx.tx.person.update({ where: { id: personId }, data: { name: p.name, coordinator } });
        changed = true;
      }
    }
    for (const a of accounts) {
      const existing = await ctx.tx.account.findUnique({ where: { platform_externalId: { platform: a.platform, externalId: a.externalId } } });
      if (!existing) {
        await ctx.tx.account.create({
          data: { personId, platform: a.platform, externalId: a.externalId, workspace: a.workspace, username: a.username, displayName: p.name },
        });
        changed = true;
      } else if ((a.workspace && existing.workspace !== a.workspace) || (a.username && existing.username !== a.username)) {
        await ctx.tx.account.update({
          where: { id: existing.id },
          data: { ...(a.workspace ? { workspace: a.workspace } : {}), ...(a.username ? { username: a.username } : {}) },
        });
        changed = true;
      }
    }
    if (coordinator) coordinators.add(personId);
    const roles = declared.get(personId) ?? new Map<number, string>();
    declared.set(personId, roles);
    for (const [j, r] of p.roles.entries()) {
      if (r.role === 'coordinatore') continue;
      const networkId = ids.get(r.network);
      if (networkId === undefined)
        ctx.fail(['people', i, 'roles', j, 'network'], `rete sconosciuta ${r.network}: dichiarala in networks o controlla il codice`);
      if (roles.get(networkId) !== 'referente') roles.set(networkId, r.role);
      const current = await ctx.tx.membership.findUnique({ where: { personId_networkId: { personId, networkId } } });
      if (!current) {
        await ctx.tx.membership.create({ data: { personId, networkId, role: r.role } });
        changed = true;
      } else if (current.role !== r.role && r.role === 'referente') {
        await ctx.tx.membership.update({ where: { id: current.id }, data: { role: r.role } });
        changed = true;
      }
    }
    if (!created) ctx.count('people', changed ? 'updated' : 'unchanged');
  }
  await revokeUnlisted(ctx, coordinators, declared);
}

export const networksSection: ConfigSection<NetworkRow[]> = { key: 'networks', schema: networks, order: 10, apply: applyNetworks };
export const peopleSection: ConfigSection<PersonRow[]> = { key: 'people', schema: people, order: 20, apply: applyPeople };
