// The person's rights: the notice at the first private contact and with /privacy (art. 13), their
// data with /imieidati (art. 15), erasure by a coordinator or the CLI (art. 17), leaving no row
// that points at a person who is gone.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerAll, person } from '../checkins/driver.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04
const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('privacy: notice, personal data, erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({
      env: {
        PRIVACY_NOTICE_AT_FIRST_CONTACT: 'true',
        PRIVACY_TITOLARE: 'ANCI Lombardia',
        PRIVACY_CONTATTO: 'dpo@example.org',
        PRIVACY_URL: 'https://reti.example.org/privacy',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => t.telegram.clear());

  it('sends the notice once, at the first private contact, and with /privacy', async () => {
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'aiuto');
    await t.deliver();
    const first = t.telegram.texts(people.fatou.id);
    expect(first[0]).toContain('Informativa sui dati personali (art. 13 GDPR)');
    expect(first[0]).toContain('Titolare del trattamento: ANCI Lombardia — contatto: dpo@example.org.');
    expect(first[0]).toContain('Testo completo: https://reti.example.org/privacy');
    expect(first[1]).toContain('Comandi di Reti');
    t.telegram.clear();
    await t.telegram.command(people.fatou, t.telegram.privateChat(people.fatou), 'aiuto');
    await t.deliver();
    expect(t.telegram.texts(people.fatou.id).join('\n')).not.toContain('Titolare del trattamento');
    // Writing in a group is not a private contact.
    await t.telegram.command(people.ahmed, t.telegram.group(groups.BG01), 'rete');
    await t.deliver();
    expect(t.telegram.texts(people.ahmed.id)).toEqual([]);
    await t.telegram.command(people.ahmed, t.telegram.group(groups.BG01), 'privacy');
    await t.deliver();
    expect(t.telegram.lastText(groups.BG01)).toContain('I tuoi diritti: accesso (scrivi /imieidati');
  });

  it('/imieidati sends privately a JSON and a CSV with accounts, roles and answers', async () => {
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    const c = person(t, 'telegram', chiara);
    await c.press('Inizia');
    await answerAll(c, (a, e) => expect(a).toContain(e));
    await c.press('Conferma');
    t.telegram.clear();
    await t.telegram.command(chiara, t.telegram.group('-1001000000004'), 'imieidati');
    await t.deliver();
    expect(t.telegram.lastText('-1001000000004')).toBe('Ti ho mandato i tuoi dati in chat privata.');
    const files = t.telegram.sent.filter((m) => m.chatId === chiara.id && m.message.attachment).map((m) => m.message.attachment!);
    expect(files.map((f) => f.filename)).toEqual(['reti-imieidati-2026-11-23.json', 'reti-imieidati-2026-11-23.csv']);
    const json = JSON.parse(decode(files[0]!.base64));
    expect(json.persona.name).toBe('Chiara Fontana');
    expect(json.account).toEqual([expect.objectContaining({ platform: 'telegram', externalId: chiara.id })]);
    expect(json.ruoli).toEqual([expect.objectContaining({ rete: 'CR04', ruolo: 'referente' })]);
    expect(json.risposte_checkin.map((a: { domanda: string }) => a.domanda)).toContain('ostacoli');
    expect(json.risposte_checkin.find((a: { domanda: string }) => a.domanda === 'ostacoli').valore).toBe('Poca disponibilità delle scuole a giugno');
    const csv: string[][] = parse(decode(files[1]!.base64), { bom: true });
    expect(csv[0]).toEqual(['sezione', 'n', 'campo', 'valore']);
    expect(csv).toContainEqual(['ruoli', '1', 'rete', 'CR04']);
    expect(csv).toContainEqual(['persona', '1', 'name', 'Chiara Fontana']);
  });

  it('erases a person after a coordinator confirms: accounts and name gone, answers kept as «persona rimossa», texts blanked', async () => {
    const id = (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Chiara Fontana' } })).id;
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'rete', 'cancella Chiara Fontana');
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toContain('Vuoi cancellare i dati di Chiara Fontana?');
    expect(await t.db.prisma.account.count({ where: { personId: id } })).toBe(1);
    // A referent pressing a forwarded confirmation cannot.
    await t.telegram.press(people.maria, t.telegram.privateChat(people.maria), 'rete.cancella', String(id));
    await t.deliver();
    expect(t.telegram.lastText(people.maria.id)).toBe('Questo comando è riservato ai coordinatori di ANCI Lombardia.');
    const b = t.telegram.buttons(people.luca.id).find((x) => x.label === 'Cancella i dati')!;
    await t.telegram.press(people.luca, t.telegram.privateChat(people.luca), b.action, b.value);
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toMatch(
      /^Fatto: i dati di Chiara Fontana sono cancellati\. Account 1, ruoli 1, conversazioni \d+, testi svuotati \d+/,
    );

    const p = t.db.prisma;
    expect(await p.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'persona rimossa', coordinator: false });
    expect(await p.account.count({ where: { personId: id } })).toBe(0);
    expect(await p.membership.count({ where: { personId: id } })).toBe(0);
    expect(await p.conversation.count({ where: { personId: id } })).toBe(0);
    expect(await p.person.count({ where: { name: 'Chiara Fontana' } })).toBe(0);
    const answers = await p.checkinAnswer.findMany({ where: { personId: id } });
    expect(answers.length).toBe(11);
    expect(answers.find((a) => a.indicatorCode === 'incontri')?.numberValue).toBe(2);
    expect(answers.filter((a) => a.textValue).map((a) => a.textValue)).toEqual([]);
    // No row anywhere points at a person who does not exist.
    const dangling = await p.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT person_id FROM checkin_answer UNION ALL SELECT person_id FROM checkin_submission UNION ALL SELECT person_id FROM conversation
      ) x WHERE NOT EXISTS (SELECT 1 FROM person WHERE person.id = x.person_id)`;
    expect(dangling[0]!.n).toBe(0);
    // The database refuses to delete a person whose answers the networks keep.
    await expect(p.person.delete({ where: { id } })).rejects.toThrow();
    // Pressing again erases nothing more; the person can no longer be found.
    await t.telegram.press(people.luca, t.telegram.privateChat(people.luca), b.action, b.value);
    await t.deliver();
    expect(t.telegram.lastText(people.luca.id)).toBe('I dati di questa persona sono già stati cancellati.');
    await t.telegram.command(chiara, t.telegram.privateChat(chiara), 'checkin');
    await t.deliver();
    expect(t.telegram.lastText(chiara.id)).toContain('Reti è il servizio di ANCI Lombardia');
  });
});
