import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proposeFromCheckin } from '../../src/capabilities/legami/practices.js';
import { people, testApp, type TestApp } from '../support/app.js';

// The contract the check-in capability relies on for its "buona_prassi" answer.
describe('proposeFromCheckin', () => {
  let t: TestApp;
  let network: { id: number };
  let maria: { id: number };
  beforeAll(async () => {
    t = await testApp();
    network = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' } });
    maria = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Maria Rossi' } });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  const propose = (text: string, period = '2026-W48') =>
    t.db.prisma.$transaction((tx) => proposeFromCheckin(tx, { networkId: network.id, personId: maria.id, text, period }));

  it('ignores answers that say there is nothing to share', async () => {
    for (const text of ['', '  ', 'no', 'Nessuna.', 'niente', 'per ora no']) expect(await propose(text)).toBeNull();
    expect(await t.db.prisma.goodPractice.count()).toBe(0);
  });

  it('creates a proposal with a title from the first sentence and the themes the text names, and tells the coordinators', async () => {
    const text = 'Corso di lingua italiana per le mamme nelle scuole. Lo teniamo il giovedì mattina con la biblioteca, mentre i bambini sono in classe.';
    const result = await propose(text);
    expect(result).toMatchObject({ created: true, status: 'proposta' });
    const p = await t.db.prisma.goodPractice.findUniqueOrThrow({ where: { id: result!.id } });
    expect(p).toMatchObject({
      title: 'Corso di lingua italiana per le mamme nelle scuole',
      description: text,
      source: 'checkin',
      sourceKey: `checkin:${network.id}:2026-W48`,
      proposedById: maria.id,
      status: 'proposta',
    });
    expect([...p.themes].sort()).toEqual(['lingua italiana', 'scuola']);
    await t.deliver();
    const note = t.slack.lastText('U0COORD1');
    expect(note).toContain('Corso di lingua italiana per le mamme nelle scuole — Rete Bergamo Ovest (BG01)');
    expect(note).toContain('proposta da Maria Rossi (dal check-in)');
    expect(note).toContain('[Pubblica]');
  });

  it('is idempotent per network and period: an edited answer updates the proposal and notifies nobody again', async () => {
    const edited = 'Corso di italiano per le mamme, ora anche il sabato.';
    const again = await propose(edited);
    expect(again).toMatchObject({ created: false, status: 'proposta' });
    const p = await t.db.prisma.goodPractice.findUniqueOrThrow({ where: { id: again!.id } });
    expect(p.description).toBe(edited);
    expect(p.title).toBe('Corso di italiano per le mamme, ora anche il sabato');
    await t.deliver();
    expect(t.slack.sent).toEqual([]);
    expect(t.telegram.sent).toEqual([]);
    expect(await t.db.prisma.goodPractice.count()).toBe(1);
  });

  it('leaves a published proposal as it is', async () => {
    const p = await t.db.prisma.goodPractice.findFirstOrThrow();
    await t.slack.press(people.lucaSlack, t.slack.privateChat(people.lucaSlack), 'buonapratica.publish', String(p.id));
    await t.deliver();
    const result = await propose('Un testo diverso, dopo la pubblicazione.');
    expect(result).toEqual({ id: p.id, created: false, status: 'pubblicata' });
    expect((await t.db.prisma.goodPractice.findUniqueOrThrow({ where: { id: p.id } })).description).toBe(
      'Corso di italiano per le mamme, ora anche il sabato.',
    );
  });

  it('uses the network’s themes when the text names none, and keeps long titles short', async () => {
    const text =
      'Abbiamo organizzato un tavolo permanente con tutte le realtà del territorio che si incontra ogni mese per decidere insieme le priorità e dividere i compiti';
    const result = await propose(text, '2026-W49');
    const p = await t.db.prisma.goodPractice.findUniqueOrThrow({ where: { id: result!.id } });
    expect(p.themes).toEqual(['lavoro', 'scuola', 'lingua italiana']);
    expect(p.title.length).toBeLessThanOrEqual(80);
    expect(p.title.endsWith('…')).toBe(true);
    expect(text.startsWith(p.title.slice(0, -1))).toBe(true);
  });
});
