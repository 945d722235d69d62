// People in Legami: who may be introduced (referents and partner contact persons who have an
// account and did not pause), opt-outs, and what /legami shows a person.
import type { Tx } from '../../db/client.js';
import { followUpStats, type FollowUpStats } from './followups.js';
import type { Candidate } from './matching.js';

/** Everyone who may be introduced in a run, once per network they represent. */
export async function introductionCandidates(tx: Tx): Promise<Candidate[]> {
  const eligiblePerson = { legamiOptOut: { is: null }, accounts: { some: {} } };
  const referents = await tx.membership.findMany({
    where: { role: 'referente', network: { active: true }, person: eligiblePerson },
    select: { personId: true, networkId: true, network: { select: { themes: true } } },
    orderBy: { id: 'asc' },
  });
  const contacts = await tx.partner.findMany({
    where: { contactPersonId: { not: null }, network: { active: true }, contactPerson: eligiblePerson },
    select: { contactPersonId: true, networkId: true, name: true, contact: true, themes: true },
    orderBy: { id: 'asc' },
  });
  return [
    ...referents.map((r): Candidate => ({ personId: r.personId, networkId: r.networkId, role: 'referente', themes: r.network.themes })),
    ...contacts.map((p): Candidate => ({
      personId: p.contactPersonId!,
      networkId: p.networkId,
      role: 'contatto',
      partnerName: p.name,
      partnerContact: p.contact,
      themes: p.themes,
    })),
  ];
}

/** Pauses introductions for a person; false when they were already paused. */
export async function pauseIntroductions(tx: Tx, personId: number): Promise<boolean> {
  const { count } = await tx.legamiOptOut.createMany({ data: [{ personId }], skipDuplicates: true });
  return count === 1;
}

/** Resumes introductions; false when they were not paused. */
export async function resumeIntroductions(tx: Tx, personId: number): Promise<boolean> {
  const { count } = await tx.legamiOptOut.deleteMany({ where: { personId } });
  return count === 1;
}

export async function isPaused(tx: Tx, personId: number): Promise<boolean> {
  return (await tx.legamiOptOut.count({ where: { personId } })) > 0;
}

/** Referent of an active network, or contact person of a partner. */
export async function isEligible(tx: Tx, personId: number): Promise<boolean> {
  const referent = await tx.membership.count({ where: { personId, role: 'referente', network: { active: true } } });
  if (referent) return true;
  return (await tx.partner.count({ where: { contactPersonId: personId, network: { active: true } } })) > 0;
}

/** A person's latest introductions, newest first, with the other person and this person's answer. */
export async function recentIntroductionsOf(tx: Tx, personId: number, take = 5) {
  const rows = await tx.introduction.findMany({
    where: { OR: [{ personAId: personId }, { personBId: personId }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    include: {
      personA: { select: { name: true } },
      personB: { select: { name: true } },
      networkA: { select: { code: true } },
      networkB: { select: { code: true } },
      followUps: { where: { personId }, select: { answer: true } },
    },
  });
  return rows.map((r) => {
    const mine = r.personAId === personId;
    return {
      createdAt: r.createdAt,
      other: mine ? r.personB.name : r.personA.name,
      otherNetwork: mine ? r.networkB.code : r.networkA.code,
      theme: r.theme,
      answer: r.followUps[0]?.answer ?? null,
    };
  });
}

export interface LegamiStatus {
  state: 'paused' | 'active' | 'not-eligible';
  recent: Awaited<ReturnType<typeof recentIntroductionsOf>>;
  /** Coordinators: the introductions since `statsSince` and the answers to their follow-ups. */
  stats: FollowUpStats | null;
}

/** What /legami shows a person: whether they are introduced, their latest introductions, for coordinators the figures. */
export async function legamiStatus(tx: Tx, personId: number, opts: { coordinator: boolean; statsSince: Date }): Promise<LegamiStatus> {
  const state = (await isPaused(tx, personId)) ? 'paused' : (await isEligible(tx, personId)) ? 'active' : 'not-eligible';
  const recent = await recentIntroductionsOf(tx, personId);
  const stats = opts.coordinator ? await followUpStats(tx, opts.statsSince) : null;
  return { state, recent, stats };
}
