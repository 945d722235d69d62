// Italian texts of the privacy capability: the notice (art. 13), /imieidati, the erasure CLI.
import { literal } from '../../platform/markup.js';

export interface NoticeSettings {
  titolare: string;
  contatto?: string | undefined;
  url?: string | undefined;
  /** Sent at a person's first private contact too. */
  atFirstContact?: boolean;
}

export const itPrivacy = {
  command: {
    description: 'Informativa sul trattamento dei dati personali',
    mydataDescription: 'Ricevi in privato un file con tutti i dati che Reti conserva su di te',
  },
  notice: (s: NoticeSettings) =>
    [
      '**Informativa sui dati personali (art. 13 GDPR)**',
      `Titolare del trattamento: ${literal(s.titolare)}${s.contatto ? ` — contatto: ${literal(s.contatto)}` : ''}.`,
      'Cosa conservo: il tuo nome e gli account Slack/Telegram con cui scrivi, le reti di cui fai parte e il tuo ruolo, le risposte ai check-in della tua rete, le iscrizioni ai laboratori, le presentazioni tra reti, le richieste ad ANCI e le buone prassi proposte.',
      'Perché: per il programma delle reti territoriali (monitoraggio, laboratori, scambio tra reti).',
      'Per quanto: il contenuto dei messaggi 30 giorni, le conversazioni concluse o abbandonate 90 giorni, i dati di chi non ha più un ruolo 24 mesi dall’ultimo contatto; le risposte dei check-in restano alla rete; con la cancellazione spariscono nome, account e testi liberi.',
      'Chi li vede: i coordinatori di ANCI Lombardia; i referenti e i partecipanti della tua rete vedono ciò che riguarda la rete; i contatti dei partner solo referenti e coordinatori.',
      'I tuoi diritti: accesso (scrivi /imieidati per ricevere i tuoi dati), rettifica, cancellazione, limitazione, opposizione; reclamo al Garante per la protezione dei dati personali. Per la cancellazione scrivi a un coordinatore o al contatto indicato.',
      ...(s.url ? [`Testo completo: ${s.url}`] : []),
    ].join('\n'),
  audit: {
    description: 'Registro delle operazioni: esportazioni, digest, ruoli, cancellazioni',
    badCount: 'Indica quante voci vuoi vedere, da 1 a 100.',
    title: (n: number) => `**Registro delle operazioni** (ultime ${n})`,
    empty: 'Il registro è vuoto.',
    actions: { export: 'esportazione', digest: 'digest', role: 'ruolo', erase: 'cancellazione' } as Record<string, string>,
    line: (when: string, actor: string | null, action: string, detail: string) =>
      `• ${when} · ${literal(actor ?? 'configurazione o riga di comando')} · ${itPrivacy.audit.actions[action] ?? action}: ${literal(detail)}`,
  },
  mydata: {
    sent: 'Ecco i dati che Reti conserva su di te: un file JSON completo e un CSV leggibile con un foglio di calcolo.',
    inGroup: 'Ti ho mandato i tuoi dati in chat privata.',
    caption: (file: string) => `📎 ${literal(file)}`,
  },
  cli: {
    eraseDescription: 'Cancella i dati di una persona (diritto alla cancellazione): ID oppure @handle',
    notFound: (who: string) => `Non trovo «${who}» (indica il numero della persona oppure @handle).`,
    erased: (name: string, r: Record<string, number>) =>
      `Cancellati i dati di ${name} (persona ${r.personId}): account ${r.accounts}, ruoli ${r.memberships}, conversazioni ${r.conversations}, testi svuotati ${r.textsBlanked}, contatti di partner ${r.partnerContacts}, altro ${r.other}.`,
  },
};
