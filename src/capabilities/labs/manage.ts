// Creating, editing and cancelling a laboratorio. Validation first (nothing is stored when it
// fails), then the rows, then the announcement or the notices, all in the caller's transaction.
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { itLabs as t } from './texts.js';
import { literal } from '../../platform/markup.js';
import type { LabInput, LabRecord } from './model.js';
import { announce, notifyCancel, notifyChange } from './notices.js';
import { audienceLine, whereLines } from './render.js';
import { audienceOf, confirmedCount, inputOf, lockLab } from './repository.js';
import { promote } from './signups.js';
import { validateLab } from './validation.js';

export interface CreateOptions {
  createdById?: number | null;
  /** Stable key (YAML, CLI). */
  key?: string | null;
}

export interface Created {
  lab: LabRecord;
  channels: number;
}

export async function createLab(tx: Tx, now: Date, input: LabInput, opts: CreateOptions = {}): Promise<Created> {
  const networkIds = await validateLab(tx, now, input);
  const lab = await tx.lab.create({
    data: {
      key: opts.key ?? null,
      title: input.title,
      theme: input.theme,
      description: input.description,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: input.place,
      onlineUrl: input.onlineUrl,
      capacity: input.capacity,
      allNetworks: networkIds === null,
      organiser: input.organiser,
      createdById: opts.createdById ?? null,
      ...(networkIds ? { audience: { create: networkIds.map((networkId) => ({ networkId })) } } : {}),
    },
  });
  const codes = input.audience === 'all' ? [] : input.audience;
  const channels = await announce(tx, lab, networkIds, codes);
  return { lab, channels };
}

export interface Updated {
  lab: LabRecord;
  /** Labels of what changed ("Quando", "Posti"); empty: nothing to change. */
  changed: string[];
  notified: number;
  promoted: number[];
}

function sameAudience(a: LabInput['audience'], b: LabInput['audience']): boolean {
  if (a === 'all' || b === 'all') return a === b;
  return [...a].sort().join(',') === [...b].sort().join(',');
}

/** The lines of a change notice, one per changed field, with the new value. */
function changeLines(before: LabInput, after: LabInput, lab: LabRecord): { labels: string[]; lines: string[] } {
  const f = t.change.fields;
  const out: [string, string][] = [];
  if (before.title !== after.title) out.push([f.title!, `**${literal(after.title)}**`]);
  if (before.theme !== after.theme) out.push([f.theme!, literal(after.theme)]);
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime())
    out.push([f.when!, `**${t.card.when(after.startsAt, after.endsAt)}**`]);
  if (before.place !== after.place || before.onlineUrl !== after.onlineUrl) out.push([f.where!, whereLines(after).join(' ') || '—']);
  if (before.capacity !== after.capacity) out.push([f.capacity!, after.capacity === null ? t.card.noLimit : String(after.capacity)]);
  if (!sameAudience(before.audience, after.audience)) out.push([f.audience!, audienceLine(lab, after.audience === 'all' ? [] : after.audience)]);
  if (before.organiser !== after.organiser) out.push([f.organiser!, literal(after.organiser) || '—']);
  if (before.description !== after.description) out.push([f.description!, literal(after.description) || '—']);
  return { labels: out.map(([label]) => label.toLowerCase()), lines: out.map(([label, value]) => t.change.line(label, value)) };
}

export async function updateLab(tx: Tx, now: Date, id: number, patch: Partial<LabInput>): Promise<Updated> {
  const lab = await lockLab(tx, id);
  if (lab.status === 'cancelled') throw new AppError('conflict', t.refuse.cancelled(lab.title));
  if (lab.startsAt.getTime() <= now.getTime()) throw new AppError('conflict', t.refuse.startedEdit(lab.title));
  const before = await inputOf(tx, lab);
  const after: LabInput = { ...before, ...patch };
  const networkIds = await validateLab(tx, now, after, await confirmedCount(tx, id));
  const oldIds = lab.allNetworks ? null : (await audienceOf(tx, id)).ids;
  const provisional = { ...lab, allNetworks: networkIds === null };
  const { labels, lines } = changeLines(before, after, provisional);
  if (labels.length === 0) return { lab, changed: [], notified: 0, promoted: [] };
  const updated = await tx.lab.update({
    where: { id },
    data: {
      title: after.title,
      theme: after.theme,
      description: after.description,
      startsAt: after.startsAt,
      endsAt: after.endsAt,
      place: after.place,
      onlineUrl: after.onlineUrl,
      capacity: after.capacity,
      allNetworks: networkIds === null,
      organiser: after.organiser,
      revision: { increment: 1 },
    },
  });
  if (!sameAudience(before.audience, after.audience)) {
    await tx.labAudience.deleteMany({ where: { labId: id } });
    if (networkIds) await tx.labAudience.createMany({ data: networkIds.map((networkId) => ({ labId: id, networkId })) });
  }
  const promoted = await promote(tx, now, updated);
  // Channels of the old and the new audience hear of the change.
  const channelsFor = oldIds === null || networkIds === null ? null : [...new Set([...oldIds, ...networkIds])];
  const calendar =
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.place !== after.place ||
    before.onlineUrl !== after.onlineUrl ||
    before.title !== after.title;
  const notified = await notifyChange(tx, updated, channelsFor, lines, now, { calendar, skipPeople: promoted });
  return { lab: updated, changed: labels, notified, promoted };
}

export async function cancelLab(tx: Tx, now: Date, id: number, reason = ''): Promise<{ lab: LabRecord; notified: number }> {
  const lab = await lockLab(tx, id);
  if (lab.status === 'cancelled') throw new AppError('conflict', t.refuse.alreadyCancelled(lab.title));
  if (lab.startsAt.getTime() <= now.getTime()) throw new AppError('conflict', t.refuse.startedEdit(lab.title));
  const updated = await tx.lab.update({ where: { id }, data: { status: 'cancelled', cancelledAt: now, revision: { increment: 1 } } });
  const networkIds = lab.allNetworks ? null : (await audienceOf(tx, id)).ids;
  const notified = await notifyCancel(tx, updated, networkIds, reason.trim(), now);
  return { lab: updated, notified };
}
