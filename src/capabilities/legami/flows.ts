// The guided forms of Legami: proposing a good practice (/buonapratica) and adding a partner
// (/partner aggiungi). Short: three and six questions, then a summary with Conferma / Modifica.
import { AppError } from '../../errors.js';
import { formFlow, newForm, type FieldSpec, type FormState } from '../../conversation/form.js';
import { itPractices } from './practice-texts.js';
import { itLegami } from './texts.js';
import type { ActingNetwork } from './acting-network.js';
import { addPartner } from './partners.js';
import { proposePractice } from './practices.js';
import { splitThemes } from './themes.js';

export const PRACTICE_FLOW = 'buonapratica';
export const PARTNER_FLOW = 'partner-aggiungi';

const text = (answers: FormState['answers'], key: string): string => {
  const a = answers[key];
  return a && 'text' in a ? a.text : '';
};

interface Subject {
  networkId: number;
  code: string;
  name: string;
}

const subjectOf = (state: FormState) => state.subject as unknown as Subject;

function themes(state: FormState, key: string): string[] {
  const list = splitThemes(text(state.answers, key));
  if (!list.length) throw new AppError('invalid_input', itPractices.form.noThemes);
  return list;
}

export function practiceForm(network: ActingNetwork): FormState {
  const p = itPractices.form;
  const fields: FieldSpec[] = [
    { key: 'titolo', label: p.fieldTitle, type: 'text', required: true, maxLength: 120 },
    { key: 'descrizione', label: p.fieldDescription, type: 'text', required: true, maxLength: 2000 },
    { key: 'temi', label: p.fieldThemes, help: p.themesHelp(network.themes), type: 'text', required: true, maxLength: 300 },
  ];
  return newForm(p.title, fields, { networkId: network.id, code: network.code, name: network.name });
}

export const practiceFlow = formFlow({
  id: PRACTICE_FLOW,
  version: 1,
  resumeCommand: '/buonapratica',
  summaryIntro: (state) => itPractices.form.summaryIntro(subjectOf(state).name, subjectOf(state).code),
  async confirm(ctx, state) {
    const title = text(state.answers, 'titolo');
    await proposePractice(ctx.tx, {
      networkId: subjectOf(state).networkId,
      personId: ctx.actor.personId,
      title,
      description: text(state.answers, 'descrizione'),
      themes: themes(state, 'temi'),
      source: 'comando',
    });
    return [itPractices.form.sent(title)];
  },
});

export function partnerForm(network: ActingNetwork): FormState {
  const f = itLegami.partner.form;
  const fields: FieldSpec[] = [
    { key: 'nome', label: f.name, type: 'text', required: true, maxLength: 120 },
    { key: 'tipo', label: f.type, help: f.typeHelp, type: 'text', required: true, maxLength: 80 },
    { key: 'temi', label: f.themes, help: itPractices.form.themesHelp(network.themes), type: 'text', required: true, maxLength: 300 },
    { key: 'descrizione', label: f.description, type: 'text', required: false, maxLength: 500 },
    { key: 'referente', label: f.contactName, help: f.contactNameHelp, type: 'text', required: false, maxLength: 120 },
    { key: 'contatto', label: f.contact, type: 'text', required: false, maxLength: 200 },
  ];
  return newForm(f.title, fields, { networkId: network.id, code: network.code, name: network.name });
}

export const partnerFlow = formFlow({
  id: PARTNER_FLOW,
  version: 1,
  resumeCommand: '/partner aggiungi',
  summaryIntro: (state) => itLegami.partner.form.summaryIntro(subjectOf(state).name, subjectOf(state).code),
  async confirm(ctx, state) {
    const subject = subjectOf(state);
    const name = text(state.answers, 'nome');
    const { contactPerson } = await addPartner(ctx.tx, {
      networkId: subject.networkId,
      name,
      type: text(state.answers, 'tipo'),
      themes: themes(state, 'temi'),
      description: text(state.answers, 'descrizione'),
      contactName: text(state.answers, 'referente'),
      contact: text(state.answers, 'contatto'),
      platform: ctx.actor.account.platform,
    });
    return [itLegami.partner.form.added(name, subject.code, contactPerson)];
  },
});

export const legamiFlows = [practiceFlow, partnerFlow];
