// Requests of support through /richiesta on both platforms (a guided conversation on Telegram, a
// modal on Slack), one open request per network and kind, and the life of a request: taken in
// charge by a named coordinator, in corso, svolta (the network confirms or reopens it), chiusa
// with a reason — everyone concerned told privately, every change kept with who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { command, networkId, open, personId, press, say, snapshot, told, toldText, who } from './helpers.js';

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
    expect(badDate).toContain('Il 31/02/2027 non esiste: febbraio 2027 ha 28 giorni.');
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
    const formazione = await t.db.prisma.supportRequest.findMany({
      where: { networkId: bg01, kind: 'formazione' },
      include: { events: { orderBy: { id: 'asc' } } },
    });
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

  it('/richieste for coordinators: the open ones oldest first, filtered by kind, network, state or «mie»', async () => {
    t.clock.advance(2 * 86_400_000);
    await open(t, { code: 'BS02', kind: 'dialogo_tecnico_politico', by: 'Francesca Gatti', need: 'Incontro con gli assessori' }); // n. 3
    t.clock.advance(86_400_000);
    await open(t, { code: 'BS02', kind: 'formazione', by: 'Francesca Gatti' }); // n. 4
    const list = await command(t, who.luca, 'telegram', 'richieste');
    expect(list).toContain('Richieste di supporto aperte');
    const order = [...list.matchAll(/n\. (\d+) · (\w+) · ([^—]+) — ([^\n]+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]!.trim()} — ${m[4]}`);
    expect(order).toEqual([
      '1 BG01 formazione — nuova, aperta da 3 giorni',
      '2 BG01 cabina di regia — presa in carico, aperta da 3 giorni',
      '3 BS02 dialogo tecnico-politico — nuova, aperta da 1 giorno',
      '4 BS02 formazione — nuova, aperta oggi',
    ]);
    expect(list).toContain('seguita da Giulia Ferri · entro mar 15 dicembre');

    const ids = (text: string) => [...text.matchAll(/n\. (\d+) ·/g)].map((m) => Number(m[1]));
    expect(ids(await command(t, who.luca, 'telegram', 'richieste', 'formazione'))).toEqual([1, 4]);
    expect(ids(await command(t, who.luca, 'telegram', 'richieste', 'BS02'))).toEqual([3, 4]);
    expect(ids(await command(t, who.luca, 'telegram', 'richieste', 'bs02 formazione'))).toEqual([4]);
    expect(ids(await command(t, who.luca, 'telegram', 'richieste', 'cabina di regia'))).toEqual([2]);
    expect(ids(await command(t, who.luca, 'telegram', 'richieste', 'nuove'))).toEqual([1, 3, 4]);
    expect(ids(await command(t, who.luca, 'telegram', 'richieste', 'in carico'))).toEqual([2]);
    expect(ids(await command(t, who.giulia, 'slack', 'richieste', 'mie'))).toEqual([2]);
    expect(await command(t, who.luca, 'telegram', 'richieste', 'mie')).toContain('Nessuna richiesta per: mie.');
    expect(await command(t, who.luca, 'telegram', 'richieste', 'urgenti')).toBe(
      'Non riconosco «urgenti». Puoi filtrare per tipo (es. formazione, cabina), rete (es. BG01), stato (nuove, in carico, in corso, svolte, chiuse, tutte) o «mie».',
    );
  });

  it('/richieste for referents: their network’s requests and states, one in full with its history; not another network’s', async () => {
    const list = await command(t, who.ahmed, 'telegram', 'richieste');
    expect(list).toContain('Le richieste della tua rete');
    expect([...list.matchAll(/n\. (\d+) ·/g)].map((m) => Number(m[1])).sort()).toEqual([1, 2]);
    expect(list).toContain('n. 2 · BG01 · cabina di regia — presa in carico');

    const detail = await command(t, who.ahmed, 'telegram', 'richieste', '2');
    expect(detail).toContain('Richiesta n. 2 — Rete Bergamo Ovest (BG01)');
    expect(detail).toContain('Stato: presa in carico · seguita da Giulia Ferri');
    expect(detail).toContain('— Maria Rossi: richiesta aperta');
    expect(detail).toContain('— Giulia Ferri: nuova → presa in carico');
    expect(detail).not.toContain('[Prendo in carico]');

    expect(await command(t, who.ahmed, 'telegram', 'richieste', 'BS02')).toBe(
      'Non risulti referente della rete BS02: puoi agire solo per le reti di cui sei referente.',
    );
    expect(await command(t, who.ahmed, 'telegram', 'richieste', '3')).toBe(
      'La richiesta n. 3 è di un’altra rete: la possono seguire solo i suoi referenti e i coordinatori.',
    );
  });

  it('«Svolta» asks the network whether it is solved: «Non ancora» reopens it, «Sì, risolto» confirms it; a second answer changes nothing', async () => {
    expect(await press(t, who.giulia, 'In corso')).toContain('La richiesta n. 2 ora è in corso.');
    expect(await command(t, who.giulia, 'slack', 'richieste', 'concludi 2 Presenti alla cabina di regia del 10 dicembre')).toBe(
      'La richiesta n. 2 è segnata come svolta: ho chiesto ai referenti della rete se per loro è risolta.',
    );
    let r = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 2 } });
    expect(r).toMatchObject({ state: 'svolta', openKey: null });
    expect(r.doneAt).toEqual(t.clock.now());
    const doneNote = told(t, who.ahmed).at(-1)!;
    expect(doneNote).toContain('è stata segnata come svolta da Giulia Ferri di ANCI Lombardia.');
    expect(doneNote).toContain('Nota: Presenti alla cabina di regia del 10 dicembre');
    expect(doneNote).toContain('Per la rete è risolta?\n[Sì, risolto] [Non ancora]');
    expect(told(t, who.maria).at(-1)).toBe(doneNote);

    expect(await press(t, who.ahmed, 'Non ancora')).toBe('Ho riaperto la richiesta n. 2 e l’ho fatto sapere ad ANCI Lombardia.');
    r = await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 2 } });
    expect(r).toMatchObject({ state: 'in_corso', openKey: `${bg01}:cabina_di_regia`, doneAt: null });
    expect(toldText(t, who.giulia)).toContain(
      'Ahmed Benali dice che la richiesta n. 2 (presenza di ANCI alle cabine di regia locali) non è ancora risolta: è di nuovo in corso.',
    );
    const events = await t.db.prisma.supportRequestEvent.count();
    expect(await press(t, who.maria, 'Non ancora', 'slack')).toBe('Ahmed Benali ha già riaperto la richiesta n. 2: è di nuovo in corso.');
    expect(await t.db.prisma.supportRequestEvent.count()).toBe(events);

    await command(t, who.giulia, 'slack', 'richieste', 'concludi 2');
    expect(await press(t, who.maria, 'Sì, risolto', 'slack')).toBe('Grazie! Ho segnato che la richiesta n. 2 è risolta.');
    expect(toldText(t, who.giulia)).toContain('Maria Rossi conferma che la richiesta n. 2 (presenza di ANCI alle cabine di regia locali) è risolta.');
    expect(await press(t, who.ahmed, 'Sì, risolto')).toBe('Maria Rossi ha già confermato che la richiesta n. 2 è risolta: nulla da cambiare.');

    const history = await t.db.prisma.supportRequestEvent.findMany({ where: { requestId: 2 }, orderBy: { id: 'asc' } });
    const names = new Map((await t.db.prisma.person.findMany()).map((p) => [p.id, p.name]));
    expect(history.map((e) => [names.get(e.personId!), e.kind, e.fromState, e.toState])).toEqual([
      ['Maria Rossi', 'aperta', null, 'nuova'],
      ['Giulia Ferri', 'stato', 'nuova', 'presa_in_carico'],
      ['Giulia Ferri', 'stato', 'presa_in_carico', 'in_corso'],
      ['Giulia Ferri', 'stato', 'in_corso', 'svolta'],
      ['Ahmed Benali', 'stato', 'svolta', 'in_corso'],
      ['Giulia Ferri', 'stato', 'in_corso', 'svolta'],
      ['Maria Rossi', 'confermata', null, null],
    ]);
    // When: the opening, the taking in charge three days before the rest (the clock moved on).
    expect(history[0]!.at).toEqual(r.openedAt);
    expect(history.slice(2).every((e) => e.at.getTime() === t.clock.now().getTime())).toBe(true);
  });

  it('chiusa needs a reason, which the referents are told; the kind can then be asked again', async () => {
    expect(await command(t, who.luca, 'telegram', 'richieste', 'chiudi 1')).toBe(
      'Per chiudere una richiesta serve il motivo, per esempio: /richieste chiudi 1 la rete ha trovato un’altra soluzione',
    );
    expect((await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('nuova');
    expect(await command(t, who.luca, 'telegram', 'richieste', 'chiudi 1 Il corso è già previsto nel laboratorio di marzo')).toBe(
      'La richiesta n. 1 è chiusa. I referenti della rete sono stati avvisati con il motivo.',
    );
    expect(told(t, who.ahmed).at(-1)).toBe(
      'La richiesta n. 1 di Rete Bergamo Ovest (BG01) (formazione) è stata chiusa da Luca Bianchi di ANCI Lombardia. Motivo: Il corso è già previsto nel laboratorio di marzo',
    );
    expect(await t.db.prisma.supportRequest.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      state: 'chiusa',
      closeReason: 'Il corso è già previsto nel laboratorio di marzo',
      openKey: null,
    });
    expect(await command(t, who.luca, 'telegram', 'richieste', 'chiudi 1 ancora')).toBe(
      'La richiesta n. 1 è già chiusa (motivo: Il corso è già previsto nel laboratorio di marzo): non posso cambiarne lo stato.',
    );
    const again = await open(t, { code: 'BG01', kind: 'formazione', by: 'Ahmed Benali', need: 'Un altro corso' });
    expect(again.id).toBe(5);
    expect(ids2(await command(t, who.luca, 'telegram', 'richieste', 'BG01 tutte'))).toEqual([5, 2, 1]);
  });

  it('refuses what a person may not do, says why in Italian, and changes nothing', async () => {
    const before = await snapshot(t);
    const fatou = { id: who.fatou.telegram, name: who.fatou.name };
    const francesca = { id: who.francesca.telegram, name: who.francesca.name };
    const refusals: [string, { telegram: string }, () => Promise<unknown>, string][] = [
      ['a member opens a request', who.fatou, () => command(t, who.fatou, 'telegram', 'richiesta'), 'Questo comando è riservato ai referenti della rete.'],
      ['a member lists requests', who.fatou, () => command(t, who.fatou, 'telegram', 'richieste'), 'Questo comando è riservato ai referenti della rete.'],
      [
        'a member presses «Prendo in carico»',
        who.fatou,
        () => t.telegram.press(fatou, t.telegram.privateChat(fatou), 'richieste.prendo', '5'),
        // A button has its command's access (src/bus/policy.ts): members are refused before the handler.
        'Questo comando è riservato ai referenti della rete.',
      ],
      [
        'a referent takes a request in charge',
        who.ahmed,
        () => command(t, who.ahmed, 'telegram', 'richieste', 'prendi 5'),
        'Questo comando è riservato ai coordinatori di ANCI Lombardia.',
      ],
      [
        'a referent marks a request done',
        who.ahmed,
        () => command(t, who.ahmed, 'telegram', 'richieste', 'concludi 5'),
        'Questo comando è riservato ai coordinatori di ANCI Lombardia.',
      ],
      [
        'a referent of another network answers «Sì, risolto»',
        who.francesca,
        () => t.telegram.press(francesca, t.telegram.privateChat(francesca), 'richieste.risolto', '2'),
        'La richiesta n. 2 è di un’altra rete: la possono seguire solo i suoi referenti e i coordinatori.',
      ],
      [
        'a referent opens a request for another network',
        who.ahmed,
        () => command(t, who.ahmed, 'telegram', 'richiesta', 'BS02'),
        'Non risulti referente della rete BS02: puoi agire solo per le reti di cui sei referente.',
      ],
      [
        'a referent asks to see another network’s request',
        who.francesca,
        () => command(t, who.francesca, 'telegram', 'richieste', '5'),
        'La richiesta n. 5 è di un’altra rete: la possono seguire solo i suoi referenti e i coordinatori.',
      ],
      [
        'a coordinator takes a request that does not exist',
        who.luca,
        () => command(t, who.luca, 'telegram', 'richieste', 'prendi 99'),
        'Non trovo la richiesta n. 99.',
      ],
    ];
    for (const [what, person, act, why] of refusals) {
      const sent = t.telegram.sent.length + t.slack.sent.length;
      await act();
      await t.deliver();
      // One answer, to the person, saying why; nobody else told anything.
      expect(t.telegram.lastText(person.telegram), what).toContain(why);
      expect(t.telegram.sent.length + t.slack.sent.length, what).toBe(sent + 1);
    }
    expect(await snapshot(t)).toEqual(before);
  });
});

const ids2 = (text: string) => [...text.matchAll(/n\. (\d+) ·/g)].map((m) => Number(m[1]));
