import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groups, people, testApp, type TestApp } from '../support/app.js';
import { loadKnownData } from './fixture.js';

const visible = (s: string) => s.replace(/\u200b/g, '');
const refusal = 'Questo comando è riservato ai coordinatori di ANCI Lombardia.';

describe('/digest and /esporta on the known data set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await loadKnownData(t.db);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.telegram.clear();
    t.slack.clear();
  });

  const luca = () => t.telegram.privateChat(people.luca);
  const say = async (text: string) => {
    await t.telegram.command(people.luca, luca(), 'digest', text);
    await t.deliver();
    return visible(t.telegram.texts(people.luca.id).join('\n'));
  };

  it('refuses referents and members politely, and shows them nothing', async () => {
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'digest');
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'esporta');
    await t.slack.command(people.mariaSlack, t.slack.privateChat(people.mariaSlack), 'digest', 'BG01');
    await t.telegram.command(people.fatou, t.telegram.group(groups.BG01), 'digest');
    await t.deliver();
    expect(t.telegram.texts(people.maria.id)).toEqual([refusal, refusal]);
    expect(t.slack.texts(people.mariaSlack.id)).toEqual([refusal]);
    expect(t.telegram.texts(groups.BG01)).toEqual([refusal]);
    expect(t.telegram.texts(people.fatou.id)).toEqual([]);
  });

  it('shows a coordinator the digest of the week that just closed', async () => {
    const text = await say('');
    expect(text.split('\n')[0]).toBe('Digest settimanale · 16–22 novembre 2026');
    expect(text).toContain('Hanno risposto 3 reti su 6: 1 in tempo, 2 in ritardo.');
  });

  it('shows one network with /digest CODICE, and another week when asked', async () => {
    const one = await say('bg01');
    expect(one.split('\n')[0]).toBe('Digest di BG01 · 16–22 novembre 2026');
    expect(one).toContain('incontri 4 · +2 sulla settimana prima · ▁▅▁▅▁▅▁█');
    t.telegram.clear();
    const earlier = await say('2026-W46');
    expect(earlier.split('\n')[0]).toBe('Digest settimanale · 9–15 novembre 2026');
    // W46: BG01, BS02, MI03 answered; CR04 (first week), VA05 (second week) and LO06 silent.
    expect(earlier).toContain('Hanno risposto 3 reti su 6: 3 in tempo, 0 in ritardo.');
    expect(earlier).toContain('incontri totale 8 · −1 sulla settimana prima');
  });

  it('answers an unknown network or week clearly', async () => {
    expect(await say('ZZ99')).toBe('Non trovo nessuna rete con codice «ZZ99». Controlla il codice (es. BG01).');
    t.telegram.clear();
    expect(await say('2026-W60')).toContain('La settimana si scrive come 2026-W47.');
  });

  it('in a network channel, sends the digest privately and says so there', async () => {
    await t.telegram.command(people.luca, t.telegram.group(groups.BG01), 'digest');
    await t.deliver();
    expect(t.telegram.texts(groups.BG01)).toEqual(['Ti ho mandato il digest in chat privata.']);
    expect(visible(t.telegram.texts(people.luca.id).join('\n'))).toContain('Digest settimanale · 16–22 novembre 2026');
  });
});

describe('digests without data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const empty =
    'Digest della settimana 16–22 novembre 2026: nessun dato da riassumere. Nessuna rete ha inviato il check-in e non ci sono laboratori, buone prassi o legami da segnalare.';

  it('/digest says so in one short message', async () => {
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'digest');
    await t.deliver();
    expect(t.telegram.texts(people.luca.id)).toEqual([empty]);
    t.telegram.clear();
  });

  it('the weekly job sends coordinators the short message and leaves the network channels alone', async () => {
    expect(await t.app.jobs.run('digest-coordinators')).toMatchObject({ sent: 3 });
    expect(await t.app.jobs.run('digest-networks')).toMatchObject({ sent: 0, empty: 5 });
    await t.deliver();
    expect(t.telegram.texts(people.luca.id)).toEqual([empty]);
    expect(t.slack.texts(people.lucaSlack.id)).toEqual([empty]);
    expect(t.telegram.texts(groups.BG01)).toEqual([]);
    expect(t.slack.texts(groups.slackBG01)).toEqual([]);
  });
});
