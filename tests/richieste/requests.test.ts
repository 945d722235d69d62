// Requests of support through /richiesta on both platforms (a guided conversation on Telegram, a
// modal on Slack), one open request per network and kind, and the life of a request: taken in
// charge by a named coordinator, in corso, svolta (the network confirms or reopens it), chiusa
// with a reason — everyone concerned told privately, every change kept with who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { command, networkId, personId, press, say, told, toldText, who } from './helpers.js';

describe('requests of support', () => {
  let t: TestApp;
  let bg01: number;
  beforeAll(async () => {
    t = await testApp();
    bg01 = await networkId(t, 'BG01');
  });
  afterAll(async () => {
    await t.close();
  });

  it('on Telegram: /richiesta asks kind, need and date one at a time, and asks again with the reason when an answer does not fit', async () => {
    const first = await command(t, who.ahmed, 'telegram', 'richiesta');
    expect(first).toContain('Apriamo una richiesta di supporto ad ANCI Lombardia per Rete Bergamo Ovest (BG01): tre domande.');
    expect(first).toContain('1/3 Di quale supporto di ANCI ha bisogno la rete?');
    expect(t.telegram.buttons(who.ahmed.telegram).map((b) => b.label)).toEqual([
      'formazione',
      'supporto tecnico e supervisione',
      'confronto tra partner',
      'sostegno nelle attività con le associazioni di stranieri',
      'supportare e facilitare il dialogo tecnico-politico',
      'approfondimento di alcuni temi',
      'presenza di ANCI alle cabine di regia locali',
      'Annulla',
    ]);

    const wrongKind = await say(t, who.ahmed, 'telegram', 'un aiuto qualsiasi');
    expect(wrongKind).toContain('Scegli una delle opzioni: formazione, supporto tecnico e supervisione');
    expect(wrongKind).toContain('1/3 Di quale supporto di ANCI ha bisogno la rete?');

    expect(await press(t, who.ahmed, 'formazione')).toContain('2/3 Di che cosa avete bisogno, in concreto?');
    const tooLong = await say(t, who.ahmed, 'telegram', 'x'.repeat(1001));
    expect(tooLong).toContain('Scrivi un testo (al massimo 1000 caratteri).');
    expect(tooLong).toContain('2/3 Di che cosa avete bisogno, in concreto?');

    expect(await say(t, who.ahmed, 'telegram', 'Un corso sulla mediazione per gli operatori dello sportello')).toContain('3/3 Entro quando?');
    const badDate = await say(t, who.ahmed, 'telegram', '31/02/2027');
    expect(badDate).toContain('Scrivi una data come 12/03/2027.');
    expect(badDate).toContain('3/3 Entro quando?');
    const past = await say(t, who.ahmed, 'telegram', '01/11/2026');
    expect(past).toContain('La data dev’essere nel futuro.');
    expect(past).toContain('3/3 Entro quando?');
    expect(await t.db.prisma.supportRequest.count()).toBe(0);

    const summary = await say(t, who.ahmed, 'telegram', '15/01/2027');
    expect(summary).toContain('Richiesta per Rete Bergamo Ovest (BG01): controlla e conferma.');
    expect(summary).toContain('Un corso sulla mediazione per gli operatori dello sportello');
    expect(summary).toContain('ven 15 gennaio');

    const sent = await press(t, who.ahmed, 'Conferma');
    expect(sent).toBe(
      'Richiesta inviata ad ANCI Lombardia (n. 1): formazione per Rete Bergamo Ovest (BG01). Ti scrivo quando un coordinatore la prende in carico; puoi seguirla con /richieste.',
    );
    const request = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 1 }, include: { events: true } });
    expect(request).toMatchObject({
      networkId: bg01,
      kind: 'formazione',
      state: 'nuova',
      need: 'Un corso sulla mediazione per gli operatori dello sportello',
      source: 'comando',
      openedById: await personId(t, 'Ahmed Benali'),
      assigneeId: null,
    });
    // Midnight of 15 January in Rome (the tests run in Los Angeles time on purpose).
    expect(request.dueBy!.toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(request.events.map((e) => [e.kind, e.toState, e.personId])).toEqual([['aperta', 'nuova', request.openedById]]);

    // Each coordinator is told privately, with the buttons to act.
    for (const c of [who.luca, who.giulia]) {
      const note = toldText(t, c);
      expect(note).toContain('📥 Nuova richiesta di supporto');
      expect(note).toContain('Rete Bergamo Ovest (BG01) chiede: formazione (n. 1).');
      expect(note).toContain('Cosa serve: Un corso sulla mediazione per gli operatori dello sportello');
      expect(note).toContain('Entro: ven 15 gennaio');
      expect(note).toContain('Aperta da Ahmed Benali con /richiesta');
      expect(note).toContain('[Prendo in carico] [Vedi rete]');
    }
    // The referents hear nothing yet.
    expect(told(t, who.maria).join('\n')).not.toContain('n. 1');
  });

  it('on Slack: /richiesta opens a modal; a refused value keeps what was typed, and «Correggi» reopens it as it was', async () => {
    const maria = { id: who.maria.slack, name: who.maria.name };
    const channel = t.slack.group('C0BG01');
    await t.slack.command(maria, channel, 'richiesta');
    const opened = t.slack.forms.at(-1)!.form;
    expect(opened).toMatchObject({ form: 'richiesta.nuova', title: 'Richiesta ad ANCI', context: String(bg01) });
    expect(opened.fields.map((f) => [f.key, f.kind, Boolean(f.optional)])).toEqual([
      ['kind', 'select', false],
      ['need', 'multiline', false],
      ['due', 'date', true],
    ]);
    expect(opened.fields[0]!.options!.map((o) => o.value)).toEqual([
      'formazione',
      'supporto_tecnico',
      'confronto_partner',
      'associazioni_stranieri',
      'dialogo_tecnico_politico',
      'approfondimento_temi',
      'cabina_di_regia',
    ]);

    const typed = { kind: 'cabina_di_regia', need: 'Presenza alla prima cabina di regia del 2027 con i sindaci', due: '2026-11-20' };
    await t.slack.submit(maria, channel, 'richiesta.nuova', typed, opened.context);
    await t.deliver();
    const refused = t.slack.texts('C0BG01', maria.id).at(-1)!;
    expect(refused).toContain('La data dev’essere nel futuro (da domani in poi).');
    expect(refused).toContain('[Correggi]');
    expect(await t.db.prisma.supportRequest.count()).toBe(1);

    const retry = t.slack.buttons('C0BG01').find((b) => b.label === 'Correggi')!;
    await t.slack.press(maria, channel, retry.action, retry.value);
    const again = t.slack.forms.at(-1)!.form;
    expect(again.form).toBe('richiesta.nuova');
    expect(Object.fromEntries(again.fields.map((f) => [f.key, f.initial]))).toEqual(typed);

    await t.slack.submit(maria, channel, 'richiesta.nuova', { ...typed, due: '2026-12-15' }, again.context);
    await t.deliver();
    expect(t.slack.texts('C0BG01', maria.id).at(-1)).toBe(
      'Richiesta inviata ad ANCI Lombardia (n. 2): presenza di ANCI alle cabine di regia locali per Rete Bergamo Ovest (BG01). Ti scrivo quando un coordinatore la prende in carico; puoi seguirla con /richieste.',
    );
    const r = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 2 } });
    expect(r).toMatchObject({ kind: 'cabina_di_regia', state: 'nuova', source: 'comando', need: typed.need, openedById: await personId(t, 'Maria Rossi') });
    expect(r.dueBy!.toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(toldText(t, who.giulia)).toContain('Rete Bergamo Ovest (BG01) chiede: presenza di ANCI alle cabine di regia locali (n. 2).');
  });

  it('adds to the open request of the same kind instead of opening a second one', async () => {
    await command(t, who.maria, 'telegram', 'richiesta');
    await press(t, who.maria, 'formazione', 'telegram');
    await say(t, who.maria, 'telegram', 'Anche per le insegnanti della scuola primaria');
    await say(t, who.maria, 'telegram', 'salta');
    const answer = await press(t, who.maria, 'Conferma', 'telegram');
    expect(answer).toBe(
      'Rete Bergamo Ovest (BG01) ha già una richiesta aperta di questo tipo (n. 1, nuova): ho aggiunto quello che hai scritto lì, senza aprirne un’altra.',
    );
    const formazione = await t.db.prisma.supportRequest.findMany({ where: { networkId: bg01, kind: 'formazione' }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(formazione).toHaveLength(1);
    expect(formazione[0]!.need).toBe('Un corso sulla mediazione per gli operatori dello sportello\n\nAnche per le insegnanti della scuola primaria');
    expect(formazione[0]!.events.map((e) => [e.kind, e.personId, e.note])).toEqual([
      ['aperta', await personId(t, 'Ahmed Benali'), 'Un corso sulla mediazione per gli operatori dello sportello'],
      ['aggiornata', await personId(t, 'Maria Rossi'), 'Anche per le insegnanti della scuola primaria'],
    ]);
    // Nobody follows it yet: the coordinators hear of the addition, not of a new request.
    const giulia = told(t, who.giulia);
    expect(giulia.filter((x) => x.includes('📥 Nuova richiesta'))).toHaveLength(2);
    expect(giulia.at(-1)).toContain('Maria Rossi ha aggiunto qualcosa alla richiesta n. 1 (formazione): Anche per le insegnanti della scuola primaria');
  });

  it('«Prendo in carico»: the coordinator is named to the network’s referents; a second press changes nothing; another coordinator is told who has it', async () => {
    const taken = await press(t, who.giulia, 'Prendo in carico');
    expect(taken).toContain('Fatto: hai preso in carico la richiesta n. 2. I referenti della rete sono stati avvisati.');
    expect(taken).toContain('[In corso] [Svolta] [Fissa un incontro] [Vedi rete]');
    const takenNotes = (p: typeof who.maria | typeof who.ahmed) => told(t, p).filter((x) => x.includes('presa in carico'));
    for (const referent of [who.maria, who.ahmed]) {
      expect(takenNotes(referent)).toEqual([
        'La richiesta n. 2 di Rete Bergamo Ovest (BG01) (presenza di ANCI alle cabine di regia locali) è stata presa in carico da Giulia Ferri di ANCI Lombardia.\nPuoi seguirla con /richieste.',
      ]);
    }
    const events = await t.db.prisma.supportRequestEvent.count();
    expect(await press(t, who.giulia, 'Prendo in carico')).toContain('Hai già preso in carico la richiesta n. 2: nulla da cambiare.');
    expect(await command(t, who.luca, 'slack', 'richieste', 'prendi 2')).toBe('La richiesta n. 2 è già stata presa in carico da Giulia Ferri.');
    expect(await t.db.prisma.supportRequestEvent.count()).toBe(events);
    await t.deliver();
    expect(takenNotes(who.ahmed)).toHaveLength(1);
    const r = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 2 } });
    expect(r).toMatchObject({ state: 'presa_in_carico', assigneeId: await personId(t, 'Giulia Ferri') });
    expect(r.takenAt).toEqual(t.clock.now());
  });
});

