import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelLabFromCli, listLabsForCli, updateLabFromCli } from '../../src/capabilities/labs/cli-actions.js';
import { importConfiguration } from '../../src/configuration.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { newLab, tgGroups, slackChannels } from './helpers.js';

const yaml = (extra = '', capacity = 20) => `
laboratori:
  - key: lab-2026-12-mediazione
    title: Mediazione interculturale
    theme: mediazione
    start: 2026-12-03 14:30
    end: "17:00"
    place: Sala civica, Bergamo
    capacity: ${capacity}
    networks: [BG01, bs02]
    organiser: ANCI Lombardia
  - key: lab-2026-12-lavoro
    title: Lavoro e tirocini
    theme: lavoro
    start: 10/12/2026 10:00
    end: 10/12/2026 12:30
    link: https://meet.example.org/lavoro
${extra}`;

describe('laboratori from the YAML configuration and the CLI', () => {
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

  it('creates and announces the laboratori of the file, then changes nothing when loaded again', async () => {
    expect(await importConfiguration(t.db.prisma, t.clock, yaml())).toEqual({ laboratori: { created: 2, updated: 0, unchanged: 0 } });
    await t.deliver();
    expect(t.telegram.texts(tgGroups.BS02)[0]).toContain('Mediazione interculturale (n. 1)');
    expect(t.telegram.texts(tgGroups.BS02)[0]).toContain('Per le reti: BG01, BS02');
    expect(t.telegram.texts(tgGroups.CR04).map((x) => x.split('\n')[1])).toEqual(['Lavoro e tirocini (n. 2)']);
    expect(t.slack.lastText(slackChannels.MI03)).toContain('gio 10 dicembre, 10:00–12:30 · Tema: lavoro');
    const sent = t.telegram.sent.length + t.slack.sent.length;

    expect(await importConfiguration(t.db.prisma, t.clock, yaml())).toEqual({ laboratori: { created: 0, updated: 0, unchanged: 2 } });
    await t.deliver();
    expect(t.telegram.sent.length + t.slack.sent.length).toBe(sent);
  });

  it('applies a change with its notices, and cancels with `cancelled: true`', async () => {
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'laboratori', 'iscrivimi 1');
    expect(await importConfiguration(t.db.prisma, t.clock, yaml('', 30))).toEqual({ laboratori: { created: 0, updated: 1, unchanged: 1 } });
    await t.deliver();
    expect(t.telegram.lastText(tgGroups.BG01)).toContain('• Posti: 30');
    expect(t.telegram.texts(people.maria.id).join('\n')).toContain('✏️ Laboratorio modificato');

    const cancelled = yaml('', 30).replace('link: https://meet.example.org/lavoro', 'link: https://meet.example.org/lavoro\n    cancelled: true');
    expect(await importConfiguration(t.db.prisma, t.clock, cancelled)).toEqual({ laboratori: { created: 0, updated: 1, unchanged: 1 } });
    expect(await importConfiguration(t.db.prisma, t.clock, cancelled)).toEqual({ laboratori: { created: 0, updated: 0, unchanged: 2 } });
    expect((await t.db.prisma.lab.findUniqueOrThrow({ where: { key: 'lab-2026-12-lavoro' } })).status).toBe('cancelled');
  });

  it('refuses an invalid laboratorio naming its line, and stores nothing of the file', async () => {
    const before = await t.db.prisma.lab.count();
    const past = yaml(`  - key: lab-passato
    title: Passato
    theme: storia
    start: 2026-11-01 10:00
    end: "12:00"
    place: Lodi
`);
    await expect(importConfiguration(t.db.prisma, t.clock, past)).rejects.toThrow(
      'laboratori[2].start (riga 21): La data di inizio è già passata: scegli una data nel futuro.',
    );
    const backwards = yaml(`  - key: lab-rovescio
    title: Rovescio
    theme: tempo
    start: 2026-12-20 10:00
    end: "09:00"
    place: Lodi
`);
    await expect(importConfiguration(t.db.prisma, t.clock, backwards)).rejects.toThrow(
      /laboratori\[2\]\.end \(riga 22\): La fine \(dom 20 dicembre, 09:00\) viene prima dell’inizio/,
    );
    await expect(importConfiguration(t.db.prisma, t.clock, yaml('', 30).replace('networks: [BG01, bs02]', 'networks: [BG01, ZZ09]'))).rejects.toThrow(
      'laboratori[0].networks (riga 10): Non conosco la rete «ZZ09».',
    );
    await expect(importConfiguration(t.db.prisma, t.clock, yaml('', 0))).rejects.toThrow('laboratori[0].capacity (riga 9): i posti devono essere almeno 1');
    expect(await t.db.prisma.lab.count()).toBe(before);
  });

  it('offers the CLI the same operations: create, change a field, cancel, list', async () => {
    const id = await newLab(t, { title: 'Da riga di comando', theme: 'cittadinanza', capacity: 5, key: 'cli-1' });
    expect(await updateLabFromCli(t.db.prisma, t.clock, id, 'posti', '8')).toEqual({ changed: ['posti'], notified: 7 });
    const lines = await listLabsForCli(t.db.prisma, t.clock);
    expect(lines).toEqual([
      '   1  gio 3 dicembre, 14:30–17:00  Mediazione interculturale [mediazione]  1 iscrizione, 0 in attesa · ✅ 29 posti liberi su 30',
      `   ${id}  gio 3 dicembre, 14:30–17:00  Da riga di comando [cittadinanza]  0 iscrizioni, 0 in attesa · ✅ 8 posti liberi su 8`,
    ]);
    expect(await cancelLabFromCli(t.db.prisma, t.clock, id, 'rinviato')).toEqual({ notified: 7 });
    expect((await listLabsForCli(t.db.prisma, t.clock, { all: true })).filter((l) => l.includes('ANNULLATO')).length).toBe(2);
  });
});
