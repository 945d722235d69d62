// Roles follow the configuration: a re-import takes away what the file no longer says (and the
// report lists it); coordinators take a role away in chat with /rete rimuovi.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatStats } from '../../src/config-import/import.js';
import { importConfiguration } from '../../src/configuration.js';
import { fixture, people, testApp, type TestApp } from '../support/app.js';

describe('roles follow the configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => t.telegram.clear());

  const roles = async (name: string) => {
    const p = await t.db.prisma.person.findFirstOrThrow({ where: { name }, include: { memberships: { include: { network: true } } } });
    return { coordinator: p.coordinator, networks: p.memberships.map((m) => `${m.network.code}:${m.role}`).sort() };
  };

  it('lets a coordinator take a role away with /rete rimuovi: a referent becomes a member, a member leaves', async () => {
    const say = async (text: string) => {
      await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'rete', text);
      await t.deliver();
      return t.telegram.lastText(people.luca.id);
    };
    expect(await say('rimuovi BS02 Francesca Gatti')).toContain('Francesca Gatti non è più referente della rete BS02');
    expect(await roles('Francesca Gatti')).toEqual({ coordinator: false, networks: ['BS02:membro'] });
    expect(await say('rimuovi BS02 Francesca Gatti')).toBe('Francesca Gatti non fa più parte della rete BS02.');
    expect(await roles('Francesca Gatti')).toEqual({ coordinator: false, networks: [] });
    expect(await say('rimuovi BS02 Francesca Gatti')).toBe('Francesca Gatti non fa parte della rete BS02: nulla da cambiare.');
    expect(await say('rimuovi BS02 Nessuno Qui')).toContain('Non conosco «Nessuno Qui»');
    // Members cannot.
    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'rete', 'rimuovi BG01 Ahmed Benali');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    expect(await roles('Ahmed Benali')).toEqual({ coordinator: false, networks: ['BG01:referente'] });
  });

  it('demotes and removes on re-import what the file no longer says, and lists it in the report', async () => {
    const yaml = fixture('networks.yaml')
      // Luca is no longer in the file; Maria becomes a member of BG01; Fatou moves to BS02.
      .replace(
        '  - name: Luca Bianchi\n    accounts: { telegram: 100000001, slack: U0COORD1, slack_team: T0EXAMPLE }\n    roles: [{ role: coordinatore }]\n',
        '',
      )
      .replace(
        'accounts: { slack: U0MARIA, slack_team: T0EXAMPLE, telegram: 100000002 }\n    roles: [{ role: referente, network: BG01 }]',
        'accounts: { slack: U0MARIA, slack_team: T0EXAMPLE, telegram: 100000002 }\n    roles: [{ role: membro, network: BG01 }]',
      )
      .replace(
        'accounts: { telegram: 100000008 }\n    roles: [{ role: membro, network: BG01 }]',
        'accounts: { telegram: 100000008 }\n    roles: [{ role: membro, network: BS02 }]',
      );
    const report = formatStats(await importConfiguration(t.db.prisma, t.clock, yaml));
    expect(report).toContain('- Luca Bianchi: non è più coordinatore');
    expect(report).toContain('- Maria Rossi: non è più referente di BG01');
    expect(report).toContain('- Fatou Diop: non fa più parte di BG01');
    expect(await roles('Luca Bianchi')).toEqual({ coordinator: false, networks: [] });
    expect(await roles('Maria Rossi')).toEqual({ coordinator: false, networks: ['BG01:membro'] });
    expect(await roles('Fatou Diop')).toEqual({ coordinator: false, networks: ['BS02:membro'] });
    // Francesca, referent again in the file, is one again.
    expect(await roles('Francesca Gatti')).toEqual({ coordinator: false, networks: ['BS02:referente'] });

    await t.telegram.command(people.maria, t.telegram.privateChat(people.maria), 'checkin');
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toBe('Questo comando è riservato ai referenti della rete.');
    // Luca is in no network and no longer a coordinator: an outsider in a private chat.
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'esporta');
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toContain('Reti è il servizio di ANCI Lombardia');
    // A second import of the same file changes nothing more.
    expect(formatStats(await importConfiguration(t.db.prisma, t.clock, yaml))).not.toContain('\n- ');
  });
});
