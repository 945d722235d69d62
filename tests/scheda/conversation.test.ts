// The scheda della rete filled in chat: /scheda shows what is missing and the question that fills
// each step; /scheda modifica asks each section one question at a time on Telegram (every answer
// checked at its step, «annulla» stops and /scheda modifica resumes), a modal on Slack (a refused
// value keeps what was typed); every change is in /scheda storia with who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { command, networkId, press, say, who } from '../richieste/helpers.js';

describe('la scheda della rete in chat', () => {
  let t: TestApp;
  let bg01: number;
  beforeAll(async () => {
    t = await testApp();
    bg01 = await networkId(t, 'BG01');
  });
  afterAll(async () => {
    await t.close();
  });

  it('an empty scheda names the four missing steps with the question that fills each', async () => {
    const shown = await command(t, who.fatou, 'telegram', 'scheda');
    expect(shown).toContain('📋 Scheda della rete Rete Bergamo Ovest (BG01)');
    expect(shown).toContain('🧩 Scheda completa a 0 passi su 4.');
    expect(shown).toContain('• Obiettivo di cambiamento e bisogni: Quale cambiamento vuole ottenere la rete sul territorio, e a quali bisogni risponde?');
    expect(shown).toContain('• Strategie e obiettivi specifici: Con quali strategie');
    expect(shown).toContain('• Ruoli: Chi porta avanti ciascuna strategia');
    expect(shown).toContain('• Interazioni e flussi di informazione: Come interagiscono i ruoli');
    // A member sees it but may not change it; another network's referent may not see it.
    expect(await command(t, who.fatou, 'telegram', 'scheda', 'modifica')).toBe('La scheda di BG01 la modificano i referenti della rete e i coordinatori.');
    expect(await command(t, who.francesca, 'telegram', 'scheda', 'BG01')).toBe('La scheda di BG01 la vedono le persone della rete e i coordinatori.');
  });

  it('on Telegram: the objective of change, then a strategy with its first objective, each answer checked at its step', async () => {
    const first = await command(t, who.ahmed, 'telegram', 'scheda', 'modifica obiettivo');
    expect(first).toContain('Scheda di Rete Bergamo Ovest (BG01), sezione «Obiettivo di cambiamento»: 2 domande.');
    expect(first).toContain('1/2 Qual è l’obiettivo di cambiamento della rete?');
    expect(await say(t, who.ahmed, 'telegram', 'x'.repeat(1001))).toContain('Scrivi un testo (al massimo 1000 caratteri).');
    expect(await say(t, who.ahmed, 'telegram', 'Più famiglie straniere usano i servizi del territorio')).toContain(
      '2/2 A quali bisogni del territorio risponde?',
    );
    expect(await say(t, who.ahmed, 'telegram', 'Servizi poco conosciuti, barriere linguistiche')).toContain('Riepilogo');
    const saved = await press(t, who.ahmed, 'Conferma', 'telegram');
    expect(saved).toBe('Fatto: obiettivo di cambiamento e bisogni aggiornati nella scheda di Rete Bergamo Ovest (BG01). Vedila con /scheda.');

    expect(await command(t, who.ahmed, 'telegram', 'scheda', 'modifica strategia')).toContain('1/6 Come si chiama la strategia?');
    expect(await say(t, who.ahmed, 'telegram', 'Sportello di orientamento')).toContain('2/6 Obiettivo specifico: che cosa volete ottenere?');
    expect(await say(t, who.ahmed, 'telegram', 'Famiglie orientate ai servizi')).toContain('3/6 Quanto, in numero?');
    expect(await say(t, who.ahmed, 'telegram', '0')).toContain('Mi serve un numero da 1 a 1000000');
    expect(await say(t, who.ahmed, 'telegram', '2000000')).toContain('3/6 Quanto, in numero?');
    expect(await say(t, who.ahmed, 'telegram', '40')).toContain('4/6 Che cosa conta il traguardo?');
    expect(await say(t, who.ahmed, 'telegram', 'famiglie')).toContain('5/6 Entro quando?');
    expect(await say(t, who.ahmed, 'telegram', '31/02/2027')).toContain('Il 31/02/2027 non esiste: febbraio 2027 ha 28 giorni.');
    const past = await say(t, who.ahmed, 'telegram', '20/11/2026');
    expect(past).toContain('La scadenza non può essere nel passato');
    expect(past).toContain('5/6 Entro quando?');
    expect(await t.db.prisma.schedaStrategy.count()).toBe(0);

    // «annulla» stops; /scheda modifica resumes at the same question.
    expect(await say(t, who.ahmed, 'telegram', 'annulla')).toContain('/scheda modifica');
    const resumed = await command(t, who.ahmed, 'telegram', 'scheda', 'modifica');
    expect(resumed).toContain('5/6 Entro quando?');
    expect(await say(t, who.ahmed, 'telegram', '30/06/2027')).toContain('6/6 Quale indicatore del check-in lo misura?');
    expect(await press(t, who.ahmed, 'cittadini', 'telegram')).toContain('Riepilogo');
    expect(await press(t, who.ahmed, 'Conferma', 'telegram')).toBe(
      'Fatto: strategia S1 «Sportello di orientamento» aggiunta, obiettivo specifico O1 «Famiglie orientate ai servizi» aggiunto nella scheda di Rete Bergamo Ovest (BG01). Vedila con /scheda.',
    );
    const o = await t.db.prisma.schedaObjective.findFirstOrThrow();
    expect(o).toMatchObject({ networkId: bg01, number: 1, what: 'Famiglie orientate ai servizi', target: 40, unit: 'famiglie', indicatorCode: 'cittadini' });
    expect(o.dueOn.toISOString()).toBe('2027-06-30T00:00:00.000Z');
  });

  it('roles and a flow: a flow must go between two different roles', async () => {
    await command(t, who.maria, 'telegram', 'scheda', 'modifica ruolo');
    await say(t, who.maria, 'telegram', 'Maria Rossi');
    await press(t, who.maria, 'S1 Sportello di orientamento', 'telegram');
    await say(t, who.maria, 'telegram', 'Coordina lo sportello');
    await press(t, who.maria, 'Conferma', 'telegram');
    await command(t, who.maria, 'telegram', 'scheda', 'modifica ruolo');
    await say(t, who.maria, 'telegram', 'Cooperativa Alfa');
    expect(await say(t, who.maria, 'telegram', 'salta')).toContain('3/3 Che cosa fa?');
    await say(t, who.maria, 'telegram', 'Accoglie le famiglie');
    expect(await press(t, who.maria, 'Conferma', 'telegram')).toContain('ruolo R2 (Cooperativa Alfa) aggiunto');

    expect(await command(t, who.maria, 'telegram', 'scheda', 'modifica flusso')).toContain('1/4 Da quale ruolo partono le informazioni?');
    await say(t, who.maria, 'telegram', 'R1');
    const same = await say(t, who.maria, 'telegram', 'R1');
    expect(same).toContain('Il flusso va da un ruolo a un altro');
    expect(same).toContain('2/4 A quale ruolo arrivano?');
    await press(t, who.maria, 'R2 Cooperativa Alfa', 'telegram');
    await press(t, who.maria, 'cabina di regia', 'telegram');
    await press(t, who.maria, 'ogni mese', 'telegram');
    expect(await press(t, who.maria, 'Conferma', 'telegram')).toContain('flusso F1 (R1 → R2) aggiunto');

    const shown = await command(t, who.maria, 'telegram', 'scheda');
    expect(shown).toContain('✅ Scheda completa: ogni passo ha almeno un elemento.');
    expect(shown).toContain('S1. Sportello di orientamento');
    expect(shown).toContain('O1. Famiglie orientate ai servizi — traguardo 40 famiglie, entro mer 30 giugno (indicatore cittadini)');
    expect(shown).toContain('R1. Maria Rossi: Coordina lo sportello (S1)');
    expect(shown).toContain('R2. Cooperativa Alfa: Accoglie le famiglie (tutto il progetto)');
    expect(shown).toContain('F1. R1 → R2: cabina di regia, ogni mese');
  });

  it('on Slack: a modal per section; a refused value keeps what was typed and changes nothing', async () => {
    const maria = { id: who.maria.slack, name: who.maria.name };
    const dm = t.slack.privateChat(maria);
    await t.slack.command(maria, dm, 'scheda', 'modifica specifico');
    const opened = t.slack.forms.at(-1)!.form;
    expect(opened).toMatchObject({ form: 'scheda.sezione', title: 'Scheda della rete', context: `${bg01}:specifico:` });
    expect(opened.fields.map((f) => [f.key, f.kind, Boolean(f.optional)])).toEqual([
      ['strategy', 'select', false],
      ['what', 'multiline', false],
      ['target', 'number', true],
      ['unit', 'text', true],
      ['due', 'date', false],
      ['indicator', 'select', true],
    ]);
    const typed = { strategy: 'S1', what: 'Corsi di italiano attivati', target: '3', unit: 'corsi', due: '2026-11-01', indicator: '' };
    await t.slack.submit(maria, dm, 'scheda.sezione', typed, opened.context);
    await t.deliver();
    expect(t.slack.lastText(maria.id)).toContain('«Entro quando?»: La scadenza non può essere nel passato');
    expect(await t.db.prisma.schedaObjective.count()).toBe(1);

    const retry = t.slack.buttons(maria.id).find((b) => b.label === 'Correggi')!;
    await t.slack.press(maria, dm, retry.action, retry.value);
    const again = t.slack.forms.at(-1)!.form;
    expect(again.fields.find((f) => f.key === 'what')!.initial).toBe('Corsi di italiano attivati');
    await t.slack.submit(maria, dm, 'scheda.sezione', { ...typed, target: 'tanti', due: '2027-03-31' }, again.context);
    await t.deliver();
    expect(t.slack.lastText(maria.id)).toContain('«Quanto, in numero? (il traguardo)»: Mi serve un numero');
    await t.slack.submit(maria, dm, 'scheda.sezione', { ...typed, due: '2027-03-31' }, again.context);
    await t.deliver();
    expect(t.slack.lastText(maria.id)).toBe(
      'Fatto: obiettivo specifico O2 «Corsi di italiano attivati» aggiunto nella scheda di Rete Bergamo Ovest (BG01). Vedila con /scheda.',
    );
    expect(await t.db.prisma.schedaObjective.findFirstOrThrow({ where: { number: 2 } })).toMatchObject({ target: 3, unit: 'corsi', indicatorCode: null });
  });

  it('/scheda storia lists every change with who and when; /scheda rimuovi takes an element away', async () => {
    t.clock.advance(60 * 60 * 1000);
    expect(await command(t, who.ahmed, 'telegram', 'scheda', 'rimuovi O2')).toBe(
      'Fatto: obiettivo specifico O2 «Corsi di italiano attivati» tolto dalla scheda di Rete Bergamo Ovest (BG01).',
    );
    expect(await command(t, who.ahmed, 'telegram', 'scheda', 'rimuovi O9')).toContain('Non trovo l’elemento «O9» nella scheda');
    const history = await command(t, who.luca, 'telegram', 'scheda', 'storia BG01');
    expect(history).toContain('🕓 Modifiche della scheda di Rete Bergamo Ovest (BG01)');
    const lines = history.split('\n').slice(1);
    expect(lines).toEqual([
      'lun 23 novembre, 10:00 · Ahmed Benali (chat): obiettivo specifico O2 «Corsi di italiano attivati» tolto',
      'lun 23 novembre, 09:00 · Maria Rossi (modulo): obiettivo specifico O2 «Corsi di italiano attivati» aggiunto',
      'lun 23 novembre, 09:00 · Maria Rossi (chat): flusso F1 (R1 → R2) aggiunto',
      'lun 23 novembre, 09:00 · Maria Rossi (chat): ruolo R2 (Cooperativa Alfa) aggiunto',
      'lun 23 novembre, 09:00 · Maria Rossi (chat): ruolo R1 (Maria Rossi) aggiunto',
      'lun 23 novembre, 09:00 · Ahmed Benali (chat): obiettivo specifico O1 «Famiglie orientate ai servizi» aggiunto',
      'lun 23 novembre, 09:00 · Ahmed Benali (chat): strategia S1 «Sportello di orientamento» aggiunta',
      'lun 23 novembre, 09:00 · Ahmed Benali (chat): obiettivo di cambiamento e bisogni aggiornati',
    ]);
    expect((await t.db.prisma.scheda.findUniqueOrThrow({ where: { networkId: bg01 } })).version).toBe(8);
  });
});
