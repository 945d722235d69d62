// The access policy (src/bus/policy.ts, README "Dati personali"): who Reti does not know sees
// nothing and leaves no row; partner contacts for referents and coordinators; every command and
// button checked; forged buttons about laboratori of other networks refused without a word about them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newLab } from '../labs/helpers.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';

const OUTSIDER = 'Reti è il servizio di ANCI Lombardia per le reti territoriali del programma';
const stranger = { id: '555000111', name: 'Sconosciuto Qualunque', username: 'sconosciuto' };

describe('access policy', () => {
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

  const rowsOfStranger = async () => ({
    accounts: await t.db.prisma.account.count({ where: { externalId: stranger.id } }),
    people: await t.db.prisma.person.count({ where: { name: stranger.name } }),
  });

  it('tells someone known only from a private chat how to be added, shows no partner contact and keeps no row', async () => {
    await t.telegram.command(stranger, t.telegram.privateChat(stranger), 'partner', 'lavoro');
    await t.deliver();
    const text = t.telegram.lastText(stranger.id);
    expect(text).toContain(OUTSIDER);
    expect(text).toContain('chiedi al referente della tua rete');
    expect(text).not.toContain('Marco Villa');
    expect(text).not.toContain('Cooperativa Alfa');
    expect(await rowsOfStranger()).toEqual({ accounts: 0, people: 0 });
  });

  it('answers every command, every button and free text of an outsider with the same notice only', async () => {
    const commands = t.app.commands.all().map((c) => c.name);
    expect(commands.length).toBeGreaterThan(10);
    for (const name of commands) {
      t.telegram.clear();
      await t.telegram.command(stranger, t.telegram.privateChat(stranger), name, '');
      await t.deliver();
      expect(t.telegram.texts(stranger.id), `/${name}`).toEqual([expect.stringContaining(OUTSIDER)]);
    }
    const actions = t.app.commands.all().flatMap((c) => Object.keys(c.actions ?? {}).map((a) => `${c.name}.${a}`));
    expect(actions).toEqual(expect.arrayContaining(['laboratori.ics', 'laboratori.join', 'buonapratica.publish', 'checkin.start']));
    for (const action of actions) {
      t.telegram.clear();
      await t.telegram.press(stranger, t.telegram.privateChat(stranger), action, '1');
      await t.deliver();
      expect(t.telegram.texts(stranger.id), action).toEqual([expect.stringContaining(OUTSIDER)]);
    }
    t.telegram.clear();
    await t.telegram.message(stranger, t.telegram.privateChat(stranger), 'ciao');
    await t.deliver();
    expect(t.telegram.texts(stranger.id)).toEqual([expect.stringContaining(OUTSIDER)]);
    expect(await rowsOfStranger()).toEqual({ accounts: 0, people: 0 });
  });

  it('keeps the laboratori open to all networks out of an outsider’s reach', async () => {
    const open = await newLab(t, { title: 'Aperto a tutti', networks: 'tutte' });
    await t.telegram.command(stranger, t.telegram.privateChat(stranger), 'laboratori', `iscrivimi ${open}`);
    await t.deliver();
    expect(t.telegram.lastText(stranger.id)).toContain(OUTSIDER);
    expect(await t.db.prisma.labSignup.count({ where: { labId: open } })).toBe(0);
  });

  it('admits whoever writes in a network’s channel, as a member of that network', async () => {
    const newcomer = { id: '555000222', name: 'Nuova Persona' };
    await t.telegram.command(newcomer, t.telegram.group(groups.BG01), 'laboratori', '');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).not.toContain(OUTSIDER);
    const person = await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Nuova Persona' }, include: { memberships: true } });
    expect(person.memberships.map((m) => m.role)).toEqual(['membro']);
    // From then on the private chat works too.
    await t.telegram.command(newcomer, t.telegram.privateChat(newcomer), 'partner', 'lavoro');
    await t.deliver();
    expect(t.telegram.lastText(newcomer.id)).toContain('Cooperativa Alfa');
  });

  it('shows partner contacts to referents and coordinators, not to members', async () => {
    const ask = async (user: { id: string; name: string }) => {
      await t.telegram.command(user, t.telegram.privateChat(user), 'partner', 'lavoro');
      await t.deliver();
      return t.telegram.lastText(user.id);
    };
    const member = await ask(people.fatou);
    expect(member).toContain('Cooperativa Alfa');
    expect(member).not.toContain('Marco Villa');
    expect(member).not.toContain('m.villa@example.org');
    expect(member).toContain('I contatti dei partner sono visibili ai referenti delle reti e ai coordinatori');
    expect(await ask(people.maria)).toContain('Contatto: Marco Villa, m.villa@example.org');
    expect(await ask(people.luca)).toContain('Contatto: Marco Villa, m.villa@example.org');
  });

  it('refuses a forged calendar button or withdrawal for a laboratorio of other networks, naming nothing', async () => {
    const secret = await newLab(t, { title: 'Riservato Valle Camonica', networks: 'BS02', where: 'Sala segreta, Breno' });
    t.telegram.clear();
    // Fatou is a member of BG01 only.
    await t.telegram.press(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori.ics', String(secret));
    await t.deliver();
    const sent = t.telegram.last(people.fatou.id)!;
    expect(sent.message.attachment).toBeUndefined();
    expect(t.telegram.lastText(people.fatou.id)).toBe(`Il laboratorio n. ${secret} è riservato ad altre reti.`);
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'laboratori', `ritirami ${secret}`);
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toBe(`Il laboratorio n. ${secret} è riservato ad altre reti.`);
    expect(t.telegram.texts(people.fatou.id).join('\n')).not.toMatch(/Riservato Valle|Sala segreta/);
    // Its own network's referent gets the file.
    await t.telegram.press(people.francesca, t.telegram.privateChat(people.francesca), 'laboratori.ics', String(secret));
    await t.deliver();
    expect(t.telegram.last(people.francesca.id)!.message.attachment?.filename).toMatch(/\.ics$/);
  });

  it('applies a command’s access to its buttons, and refuses ids beyond the database’s range', async () => {
    await t.telegram.press(people.fatou, t.telegram.privateChat(people.fatou), 'checkin.start', 'n1');
    await t.deliver();
    expect(t.telegram.lastText(people.fatou.id)).toBe(
      'Il check-in settimanale è per i referenti delle reti e non risulti referente di nessuna rete. Se è un errore, avvisa il coordinamento.',
    );
    for (const value of ['99999999999', '2147483648', '1:99999999999999999999']) {
      await t.telegram.press(people.luca, t.telegram.privateChat(people.luca), 'buonapratica.publish', value);
      await t.deliver();
      expect(t.telegram.lastText(people.luca.id), value).toBe('Questo pulsante non è più attivo.');
    }
    const failed = await t.db.prisma.inboundEvent.count({ where: { status: 'failed' } });
    expect(failed).toBe(0);
  });
});
