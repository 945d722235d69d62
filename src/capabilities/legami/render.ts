// How Legami answers in chat: /legami's status, the partner directory, the library of good
// practices, the form proposing one, and the messages rewritten after a button was pressed.
import type { Block, FormSpec, OutMessage } from '../../platform/port.js';
import { formatDate, formatDateTime } from '../../time.js';
import type { ActingNetwork } from './acting-network.js';
import type { LegamiStatus } from './candidates.js';
import type { PartnerView } from './partners.js';
import { itPractices } from './practice-texts.js';
import type { PracticeView } from './practices.js';
import { itLegami } from './texts.js';

const SHOWN_PRACTICES = 10;
const DESCRIPTION = 300;

const short = (text: string) => (text.length <= DESCRIPTION ? text : `${text.slice(0, DESCRIPTION - 1).trimEnd()}…`);

/** /legami: the person's status, latest introductions and (coordinators) the figures of the last `statsDays` days. */
export function statusMessage(status: LegamiStatus, everyWeeks: number, statsDays: number): OutMessage {
  const t = itLegami.status;
  const lines = [status.state === 'paused' ? t.paused : status.state === 'active' ? t.active(everyWeeks) : t.notEligible];
  if (status.recent.length) {
    lines.push('', t.recentTitle);
    for (const r of status.recent)
      lines.push(t.recent(formatDate(r.createdAt), r.other, r.otherNetwork, r.theme, r.answer ? (itLegami.answers[r.answer] ?? null) : null));
  }
  if (status.stats) lines.push('', t.stats(statsDays, status.stats));
  return {
    text: lines[0]!,
    blocks: [
      { type: 'text', text: lines.join('\n') },
      { type: 'context', text: t.hint },
    ],
  };
}

/** The follow-up question once answered: without its buttons, with the answer. */
export function followUpAnswered(question: string, label: string): OutMessage {
  const recorded = itLegami.followUp.recorded(label);
  return {
    text: recorded,
    blocks: [
      { type: 'header', text: itLegami.followUp.header },
      { type: 'text', text: question },
      { type: 'context', text: recorded },
    ],
  };
}

/** /partner without a theme: the themes of the directory. */
export function partnerThemesMessage(themes: { theme: string; count: number }[]): OutMessage | string {
  const t = itLegami.partner;
  if (!themes.length) return t.noPartners;
  return {
    text: t.themesTitle,
    blocks: [
      { type: 'header', text: t.themesTitle },
      { type: 'text', text: themes.map((x) => t.themesLine(x.theme, x.count)).join('\n') },
      { type: 'context', text: t.themesHint },
    ],
  };
}

/** /partner TEMA: the partners on a theme, network by network; contacts only for `showContacts` (referents, coordinators). */
export function partnerSearchMessage(query: string, groups: { network: PartnerView['network']; partners: PartnerView[] }[], showContacts: boolean): OutMessage {
  const t = itLegami.partner;
  const count = groups.reduce((n, g) => n + g.partners.length, 0);
  const blocks: Block[] = [{ type: 'header', text: t.title(query, count) }];
  for (const g of groups) {
    const lines = [t.network(g.network.name, g.network.code)];
    for (const p of g.partners) {
      lines.push(t.item(p.name, p.type));
      if (p.description) lines.push(t.description(p.description));
      lines.push(t.themes(p.themes));
      if (showContacts && (p.contactName || p.contact)) lines.push(t.contact(p.contactName, p.contact));
    }
    blocks.push({ type: 'text', text: lines.join('\n') });
  }
  if (!showContacts) blocks.push({ type: 'context', text: t.contactsForReferents });
  return { text: t.title(query, count), blocks };
}

/** /buonepratiche [TEMA]: the newest published practices. */
export function practicesMessage(query: string | null, practices: PracticeView[]): OutMessage {
  const t = itPractices.list;
  const blocks: Block[] = [{ type: 'header', text: t.title(query) }];
  for (const p of practices.slice(0, SHOWN_PRACTICES)) {
    blocks.push({ type: 'text', text: t.item(p.title, p.network.name, p.network.code, formatDate(p.publishedAt), short(p.description)) });
    blocks.push({ type: 'context', text: t.themes(p.themes) });
  }
  if (practices.length > SHOWN_PRACTICES) blocks.push({ type: 'context', text: t.more(practices.length - SHOWN_PRACTICES) });
  return { text: t.title(query), blocks };
}

export const PRACTICE_FORM = 'buonapratica.proposta';

/** The native form proposing a good practice of `network`. */
export function practiceFormSpec(network: ActingNetwork): FormSpec {
  const t = itPractices.form;
  return {
    form: PRACTICE_FORM,
    title: t.modalTitle,
    submitLabel: t.modalSubmit,
    context: String(network.id),
    fields: [
      { key: 'titolo', label: t.fieldTitle, kind: 'text' },
      { key: 'descrizione', label: t.fieldDescription, kind: 'multiline' },
      { key: 'temi', label: t.fieldThemes, kind: 'text', placeholder: network.themes.join(', ') },
    ],
  };
}

/** The coordinators' notification once published: without its button, saying who published it. */
export function publishedNotification(original: OutMessage, by: string, at: Date): OutMessage {
  const blocks = [
    ...(original.blocks ?? []).filter((b) => b.type !== 'buttons'),
    { type: 'context' as const, text: itPractices.notify.published(by, formatDateTime(at)) },
  ];
  return { ...original, blocks };
}
