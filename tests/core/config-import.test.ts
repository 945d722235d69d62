import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/client.js';
import { ConfigImportError } from '../../src/config-import/import.js';
import { importConfiguration } from '../../src/configuration.js';
import { testDatabase } from '../support/db.js';

const clock = new ManualClock('2026-11-23T08:00:00Z');
const example = readFileSync(new URL('../../config/example.yaml', import.meta.url), 'utf8');

async function snapshot(db: Database) {
  const p = db.prisma;
  return {
    networks: await p.network.findMany({ orderBy: { id: 'asc' } }),
    channels: await p.channel.findMany({ orderBy: { id: 'asc' } }),
    people: await p.person.findMany({ orderBy: { id: 'asc' } }),
    accounts: await p.account.findMany({ orderBy: { id: 'asc' } }),
    memberships: await p.membership.findMany({ orderBy: { id: 'asc' } }),
    partners: await p.partner.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('YAML configuration import', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads the example networks, people, roles and partners', async () => {
    const stats = await importConfiguration(db.prisma, clock, example);
    expect(stats.networks).toEqual({ created: 6, updated: 0, unchanged: 0 });
    const bg = await db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' }, include: { channels: true, partners: true } });
    expect(bg.name).toBe('Rete Bergamo Ovest');
    expect(bg.themes).toEqual(['lavoro', 'scuola', 'lingua italiana']);
    expect(bg.channels.map((c) => `${c.platform}:${c.workspace}:${c.chatId}`).sort()).toEqual(['slack:T0EXAMPLE:C0BG01', 'telegram::-1001000000001']);
    const maria = await db.prisma.person.findFirstOrThrow({ where: { name: 'Maria Rossi' }, include: { accounts: true, memberships: true } });
    expect(maria.accounts.map((a) => a.platform).sort()).toEqual(['slack', 'telegram']);
    expect(maria.memberships).toEqual([expect.objectContaining({ networkId: bg.id, role: 'referente' })]);
    const luca = await db.prisma.person.findFirstOrThrow({ where: { name: 'Luca Bianchi' } });
    expect(luca.coordinator).toBe(true);
  });

  it('changes nothing when run twice', async () => {
    const before = await snapshot(db);
    const stats = await importConfiguration(db.prisma, clock, example);
    expect(Object.values(stats).every((s) => s.created === 0 && s.updated === 0)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates what changed, and only that', async () => {
    const changed = example.replace('name: Rete Lodigiana', 'name: Rete del Lodigiano');
    const stats = await importConfiguration(db.prisma, clock, changed);
    expect(stats.networks).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect((await db.prisma.network.findUniqueOrThrow({ where: { code: 'LO06' } })).name).toBe('Rete del Lodigiano');
    await importConfiguration(db.prisma, clock, example);
  });

  const refused: [string, string, RegExp][] = [
    ['malformed YAML', 'networks:\n  - code: XX01\n    name: [unclosed\n', /YAML non valido alla riga \d/],
    [
      'an unknown network code in a role',
      'networks: []\npeople:\n  - name: Nuova Persona\n    roles:\n      - { role: referente, network: ZZ99 }\n',
      /people\[0\]\.roles\[0\]\.network \(riga 5\): rete sconosciuta ZZ99/,
    ],
    ['an unknown network code in a partner', 'partners:\n  - { name: X, network: QQ11, type: Comune }\n', /partners\[0\]\.network \(riga 2\).*QQ11/],
    ['a missing field', 'networks:\n  - code: AB12\n    area: Como\n', /networks\[0\]\.name \(riga 2\)/],
    ['an unknown section', 'reti:\n  - code: AB12\n', /Sezione sconosciuta «reti» alla riga 1/],
    [
      'a wrong platform',
      'networks:\n  - code: AB12\n    name: Rete\n    channels:\n      - { platform: whatsapp, chat: 1 }\n',
      /networks\[0\]\.channels\[0\]\.platform \(riga 5\)/,
    ],
    ['another time zone', 'timezone: UTC\n', /Europe\/Rome/],
  ];
  for (const [what, yaml, message] of refused) {
    it(`refuses ${what} with the line at fault, and changes nothing`, async () => {
      const before = await snapshot(db);
      const err = await importConfiguration(db.prisma, clock, `${yaml}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigImportError);
      expect((err as Error).message).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('writes nothing when a later entry is wrong (one transaction)', async () => {
    const before = await snapshot(db);
    const yaml = 'networks:\n  - { code: NEW1, name: Rete Nuova }\npeople:\n  - name: Tizio\n    roles: [{ role: referente, network: NOPE }]\n';
    await expect(importConfiguration(db.prisma, clock, yaml)).rejects.toThrow(/NOPE/);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.prisma.network.findUnique({ where: { code: 'NEW1' } })).toBeNull();
  });
});
