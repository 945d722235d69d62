// Erasure of a person (GDPR art. 17), in one transaction. The person's row stays as a pseudonymous
// "persona rimossa" so that what belongs to the networks (check-in answers, sign-up counts,
// introductions) keeps an author and nothing points at a row that is gone; everything that
// identifies the person goes: name, accounts, roles, conversations, drafts, links, free texts.
import type { Tx } from '../../db/client.js';

export const ERASED_NAME = 'persona rimossa';

export interface ErasureReport {
  personId: number;
  accounts: number;
  memberships: number;
  conversations: number;
  textsBlanked: number;
  partnerContacts: number;
  other: number;
}

export async function erasePerson(tx: Tx, personId: number, now: Date): Promise<ErasureReport> {
  const accounts = (await tx.account.deleteMany({ where: { personId } })).count;
  const memberships = (await tx.membership.deleteMany({ where: { personId } })).count;
  const conversations = (await tx.conversation.deleteMany({ where: { personId } })).count;
  const answers = await tx.checkinAnswer.updateMany({ where: { personId, textValue: { not: null } }, data: { textValue: '' } });
  const comments = await tx.labFeedback.updateMany({ where: { personId, comment: { not: '' } }, data: { comment: '' } });
  const partnerContacts = (await tx.partner.updateMany({ where: { contactPersonId: personId }, data: { contactPersonId: null, contactName: '', contact: '' } }))
    .count;
  let other = 0;
  other += (await tx.cruscottoLink.deleteMany({ where: { personId } })).count;
  other += (await tx.cruscottoSession.deleteMany({ where: { personId } })).count;
  other += (await tx.richiesteDraft.deleteMany({ where: { personId } })).count;
  other += (await tx.legamiOptOut.deleteMany({ where: { personId } })).count;
  other += (await tx.labReminder.deleteMany({ where: { personId } })).count;
  other += (await tx.checkinPrompt.deleteMany({ where: { personId, status: { not: 'resolved' } } })).count;
  await tx.person.update({ where: { id: personId }, data: { name: ERASED_NAME, coordinator: false, erasedAt: now } });
  return { personId, accounts, memberships, conversations, textsBlanked: answers.count + comments.count, partnerContacts, other };
}

/** Finds the person an operator names: a number (person id) or @handle / name as /rete finds them. */
export async function personByIdOrHandle(tx: Tx, who: string): Promise<{ id: number; name: string } | null> {
  const trimmed = who.trim();
  if (/^\d{1,9}$/.test(trimmed)) return tx.person.findFirst({ where: { id: Number(trimmed), erasedAt: null }, select: { id: true, name: true } });
  if (trimmed.startsWith('@')) {
    const account = await tx.account.findFirst({
      where: { username: { equals: trimmed.slice(1), mode: 'insensitive' } },
      select: { person: { select: { id: true, name: true } } },
    });
    if (account) return account.person;
  }
  const byName = await tx.person.findMany({ where: { name: { equals: trimmed.replace(/^@/, ''), mode: 'insensitive' }, erasedAt: null }, take: 2 });
  return byName.length === 1 ? { id: byName[0]!.id, name: byName[0]!.name } : null;
}
