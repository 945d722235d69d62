import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';

// Proposal → notification to the coordinators → «Pubblica» → announcement in the channels of the
// networks sharing the themes, on both platforms.
describe('good practices: /buonapratica, publication, /buonepratiche', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  const channels = { telegram: ['-1001000000001', '-1001000000004', '-1001000000005'], slack: ['C0BG01', 'C0VA05'] };
  const announcements = () => [...channels.telegram.map((c) => t.telegram.texts(c)), ...channels.slack.map((c) => t.slack.texts(c))].flat();

  async function pressPublish(platform: MemoryAdapter, user: MemoryUser) {
    const button = platform.buttons(user.id).find((b) => b.label === 'Pubblica');
    if (!button) throw new Error(`no Pubblica button in: ${platform.lastText(user.id)}`);
    const messageId = platform.last(user.id)!.messageId;
    await platform.press(user, platform.privateChat(user), button.action, button.value, messageId);
    await t.deliver();
    return { button, messageId };
  }

  it('on Telegram: a referent proposes, a coordinator publishes once, the networks sharing the themes see it', async () => {
    // Luca used Telegram last: his notification goes there.
    t.clock.advance(60_000);
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'aiuto');
    await t.deliver();

    const maria = people.maria;
    await t.telegram.command(maria, t.telegram.privateChat(maria), 'buonapratica');
    await t.deliver();
    const start = t.telegram.texts(maria.id).join('\n');
    expect(start).toContain('Proponi una buona prassi di Rete Bergamo Ovest (BG01)');
    expect(start).toContain('1/3 Come si chiama la buona prassi?');
    for (const a of [
      'Sportello lavoro per donne straniere',
      'Ogni martedì un’operatrice e una mediatrice accompagnano le donne nella ricerca di lavoro.',
      'Lavori, lingue italiane',
    ]) {
      await t.telegram.message(maria, t.telegram.privateChat(maria), a);
    }
    await t.deliver();
    const summary = t.telegram.lastText(maria.id);
    expect(summary).toContain('Buona prassi di Rete Bergamo Ovest (BG01).');
    expect(summary).toContain('Lavori, lingue italiane');
    await t.telegram.message(maria, t.telegram.privateChat(maria), 'conferma');
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toBe(
      'Grazie! Ho inviato la buona prassi «Sportello lavoro per donne straniere» al coordinamento di ANCI Lombardia. Ti scrivo quando viene pubblicata.',
    );
    const practice = await t.db.prisma.goodPractice.findFirstOrThrow({ where: { title: 'Sportello lavoro per donne straniere' } });
    expect(practice).toMatchObject({ status: 'proposta', source: 'comando', themes: ['lavoro', 'lingua italiana'] });

    const note = t.telegram.lastText(people.luca.id);
    expect(note).toContain('Nuova proposta di buona prassi');
    expect(note).toContain('Sportello lavoro per donne straniere — Rete Bergamo Ovest (BG01)');
    expect(note).toContain('Temi: lavoro, lingua italiana · proposta da Maria Rossi');
    expect(note).toContain('[Pubblica]');
    expect(announcements()).toEqual([]);

    // A referent cannot publish, even pressing a copied button: nothing changes.
    const button = t.telegram.buttons(people.luca.id).find((b) => b.label === 'Pubblica')!;
    expect(button.action.length + button.value.length).toBeLessThanOrEqual(60);
    await t.telegram.press(maria, t.telegram.privateChat(maria), button.action, button.value);
    await t.deliver();
    expect(t.telegram.lastText(maria.id)).toBe('Solo i coordinatori di ANCI Lombardia possono pubblicare le buone prassi.');
    expect((await t.db.prisma.goodPractice.findUniqueOrThrow({ where: { id: practice.id } })).status).toBe('proposta');
    expect(announcements()).toEqual([]);

    const { messageId } = await pressPublish(t.telegram, people.luca);
    expect(t.telegram.lastText(people.luca.id)).toBe('Pubblicata: «Sportello lavoro per donne straniere» è stata condivisa nei canali di BG01, CR04, VA05.');
    // The notification itself now says who published it, without the button.
    const edited = t.telegram.sent.filter((m) => m.messageId === messageId).at(-1)!;
    expect(edited.delivery.op).toBe('update');
    expect(JSON.stringify(edited.message)).toContain('Pubblicata da Luca Bianchi');
    expect(JSON.stringify(edited.message)).not.toContain('Pubblica"');

    for (const chat of channels.telegram) {
      expect(t.telegram.lastText(chat)).toContain('Buona prassi da Rete Bergamo Ovest (BG01)\nSportello lavoro per donne straniere');
    }
    for (const chat of channels.slack) expect(t.slack.lastText(chat)).toContain('Sportello lavoro per donne straniere');
    expect(t.telegram.lastText('-1001000000002')).toBe(''); // BS02: casa, mediazione
    expect(t.slack.lastText('C0MI03')).toBe('');
    expect(t.telegram.lastText(maria.id)).toBe(
      'La tua buona prassi «Sportello lavoro per donne straniere» è stata pubblicata e condivisa con le reti BG01, CR04, VA05. Grazie!',
    );

    // Pressing again (or a second coordinator) publishes nothing more.
    const before = announcements().length;
    await t.telegram.press(people.luca, t.telegram.privateChat(people.luca), button.action, button.value, messageId);
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toMatch(
      /^«Sportello lavoro per donne straniere» è già stata pubblicata da Luca Bianchi \(lun 23 novembre, 09:01\): non la ripubblico\.$/,
    );
    expect(announcements().length).toBe(before);
    const stored = await t.db.prisma.goodPractice.findUniqueOrThrow({ where: { id: practice.id }, include: { publishedBy: true } });
    expect(stored.status).toBe('pubblicata');
    expect(stored.publishedBy?.name).toBe('Luca Bianchi');
  });

  it('on Slack: proposed from the channel in a modal, published by the first coordinator who presses', async () => {
    t.clock.advance(60 * 60_000);
    await t.slack.command(people.lucaSlack, t.slack.privateChat(people.lucaSlack), 'aiuto');
    const maria = people.mariaSlack;
    await t.slack.command(maria, t.slack.group(groups.slackBG01), 'buonapratica');
    await t.deliver();
    const opened = t.slack.forms.at(-1)!;
    expect(opened.form.form).toBe('buonapratica.proposta');
    expect(opened.form.fields.map((f) => f.key)).toEqual(['titolo', 'descrizione', 'temi']);
    await t.slack.submit(
      maria,
      t.slack.group(groups.slackBG01),
      opened.form.form,
      { titolo: 'Tutor per l’inserimento scolastico', descrizione: 'Studenti universitari affiancano i ragazzi appena arrivati.', temi: 'scuole' },
      opened.form.context,
    );
    await t.deliver();
    expect(t.slack.texts(groups.slackBG01, maria.id).concat(t.slack.texts(maria.id)).join('\n')).toContain(
      'Ho inviato la buona prassi «Tutor per l’inserimento scolastico»',
    );

    // Both coordinators are told; Luca on Slack (used last), Giulia on Slack (her only platform).
    expect(t.slack.lastText(people.lucaSlack.id)).toContain('Tutor per l’inserimento scolastico');
    expect(t.slack.lastText('U0COORD2')).toContain('Tutor per l’inserimento scolastico');
    await pressPublish(t.slack, people.lucaSlack);
    expect(t.slack.lastText(people.lucaSlack.id)).toBe('Pubblicata: «Tutor per l’inserimento scolastico» è stata condivisa nei canali di BG01, VA05.');
    expect(t.slack.lastText('C0BG01')).toContain('Buona prassi da Rete Bergamo Ovest (BG01)\nTutor per l’inserimento scolastico');
    expect(t.slack.lastText('C0VA05')).toContain('Tutor per l’inserimento scolastico');
    expect(t.telegram.lastText('-1001000000005')).toContain('Tutor per l’inserimento scolastico');
    expect(t.telegram.lastText('-1001000000004')).toBe(''); // CR04: lavoro, salute
    expect(t.slack.texts(maria.id).join('\n')).toContain('La tua buona prassi «Tutor per l’inserimento scolastico» è stata pubblicata');

    const giulia = { id: 'U0COORD2', name: 'Giulia Ferri' };
    const before = t.slack.texts('C0BG01').length;
    await pressPublish(t.slack, giulia);
    expect(t.slack.lastText(giulia.id)).toContain('è già stata pubblicata da Luca Bianchi');
    expect(t.slack.texts('C0BG01').length).toBe(before);
  });

  it('lists published practices newest first, filtered by theme leniently', async () => {
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'buonepratiche');
    await t.deliver();
    const all = t.telegram.lastText(people.fatou.id);
    expect(all).toContain('Buone prassi pubblicate');
    expect(all.indexOf('Tutor per l’inserimento scolastico')).toBeLessThan(all.indexOf('Sportello lavoro per donne straniere'));
    expect(all).toContain('Rete Bergamo Ovest (BG01) · lun 23 novembre');
    expect(all).toContain('Temi: lavoro, lingua italiana');

    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'buonepratiche', 'Lavori');
    await t.deliver();
    const lavoro = t.telegram.lastText(people.fatou.id);
    expect(lavoro).toContain('Buone prassi sul tema «Lavori»');
    expect(lavoro).toContain('Sportello lavoro per donne straniere');
    expect(lavoro).not.toContain('Tutor');

    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'buonepratiche', 'casa');
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toBe(
      'Nessuna buona prassi pubblicata sul tema «casa». Temi con buone prassi: lavoro, lingua italiana, scuola.',
    );
  });

  it('refuses /buonapratica to members, in Italian, and stores nothing', async () => {
    const before = await t.db.prisma.goodPractice.count();
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'buonapratica');
    await t.telegram.command(people.fatou, t.telegram.group(groups.BG01), 'buonapratica');
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toBe('Questo comando è riservato ai referenti della rete.');
    expect(t.telegram.lastText(groups.BG01)).toBe('Questo comando è riservato ai referenti della rete.');
    // A referent of another network cannot propose for BG01 either.
    await t.telegram.command(people.francesca, t.telegram.privateChat(people.francesca), 'buonapratica', 'BG01');
    await t.deliver();
    expect(t.telegram.lastText(people.francesca.id)).toBe('Non sei referente della rete BG01.');
    expect(await t.db.prisma.goodPractice.count()).toBe(before);
  });

  it('takes a proposal from a native form (Slack modal) too, for referents only', async () => {
    const network = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' } });
    const values = { titolo: 'Merenda interculturale', descrizione: 'Famiglie e scuola insieme una volta al mese.', temi: 'scuola, mediazioni' };
    const stranger = { id: 'U0STRANGER', name: 'Piero Neri' };
    await t.slack.submit(stranger, t.slack.privateChat(stranger), 'buonapratica.proposta', values, String(network.id));
    await t.deliver();
    // Someone in no network is told how to be added (the access policy), and nothing is proposed.
    expect(t.slack.lastText(stranger.id)).toContain('Reti è il servizio di ANCI Lombardia per le reti territoriali');
    expect(await t.db.prisma.goodPractice.count({ where: { title: 'Merenda interculturale' } })).toBe(0);
    // A member is not a referent.
    await t.telegram.submit(people.fatou, t.telegram.privateChat(people.fatou), 'buonapratica.proposta', values, String(network.id));
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toBe('Questo comando è riservato ai referenti della rete.');

    await t.slack.submit(people.mariaSlack, t.slack.privateChat(people.mariaSlack), 'buonapratica.proposta', values, String(network.id));
    await t.deliver();
    expect(t.slack.lastText(people.mariaSlack.id)).toContain('Ho inviato la buona prassi «Merenda interculturale»');
    const p = await t.db.prisma.goodPractice.findFirstOrThrow({ where: { title: 'Merenda interculturale' } });
    expect(p.themes).toEqual(['scuola', 'mediazione']);
  });
});
