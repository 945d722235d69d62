import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoodPracticeFromCheckin } from '../../src/capabilities/checkins/hooks.js';
import { capabilities } from '../../src/app.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { answerAll, person, type Person } from './driver.js';

const rome = (local: string) => new Date(`${local}+01:00`);
const contains = (actual: string, expected: string) => expect(actual).toContain(expected);

describe('editing a confirmed check-in until the round closes', () => {
  let t: TestApp;
  let ahmed: Person;
  let maria: Person;
  const offered: GoodPracticeFromCheckin[] = [];
  const listener = async (_tx: unknown, practice: GoodPracticeFromCheckin) => void offered.push(practice);
  const submission = () => t.db.prisma.checkinSubmission.findFirstOrThrow({ include: { answers: true, edits: { orderBy: { version: 'asc' } } } });
  const answer = async (code: string) => (await submission()).answers.find((a) => a.indicatorCode === code)!;

  beforeAll(async () => {
    // Another capability listening to the check-ins' good practices, as Legami does.
    t = await testApp({ capabilities: [...capabilities, { name: 'listener', on: { 'checkins.goodPractice': listener } }] });
    ahmed = person(t, 'telegram', people.ahmed);
    maria = person(t, 'telegram', people.maria);
    await ahmed.command('checkin');
    await answerAll(ahmed, contains);
    await ahmed.press('Conferma');
  });
  afterAll(async () => {
    await t.close();
  });

  it('announces the good practice, verbatim, to the capabilities that listen', () => {
    expect(offered).toEqual([expect.objectContaining({ period: '2026-W48', text: 'Sportello condiviso tra Comune e associazioni, il sabato mattina' })]);
  });

  it('/checkin after confirming offers to edit; the change is stored with who and when, and kept in the history', async () => {
    t.clock.set(rome('2026-11-24T11:15'));
    expect(await ahmed.command('checkin')).toContain(
      'Hai già inviato il check-in di Rete Bergamo Ovest (BG01) per la settimana 23–29 novembre 2026 (lun 23 novembre, 09:00). Puoi modificarlo fino a lun 30 novembre, 09:00.',
    );
    const summary = await ahmed.press('Modifica le risposte');
    expect(summary).toContain('Stai modificando il check-in già inviato di Rete Bergamo Ovest (BG01)');
    expect(summary).toContain('1. Quanti incontri di rete o di cabina di regia si sono svolti questa settimana?\n    2');
    expect(await ahmed.say('modifica 1')).toContain('1/11 Quanti incontri');
    expect(await ahmed.say('5')).toContain('1. Quanti incontri di rete o di cabina di regia si sono svolti questa settimana?\n    5');
    expect(await ahmed.press('Conferma')).toBe('Modifiche salvate (1 risposta cambiata). Puoi ancora modificarlo fino a lun 30 novembre, 09:00.');

    const s = await submission();
    const ahmedId = (await t.db.prisma.person.findFirstOrThrow({ where: { name: 'Ahmed Benali' } })).id;
    expect(s).toMatchObject({ version: 2, updatedAt: rome('2026-11-24T11:15'), updatedBy: ahmedId, submittedAt: rome('2026-11-23T09:00') });
    expect(await answer('incontri')).toMatchObject({ numberValue: 5, answeredAt: rome('2026-11-24T11:15'), personId: ahmedId });
    expect(await answer('squadra')).toMatchObject({ numberValue: 4, answeredAt: rome('2026-11-23T09:00') });
    expect(s.edits.map((e) => ({ version: e.version, personId: e.personId, platform: e.platform, editedAt: e.editedAt, changes: e.changes }))).toEqual([
      {
        version: 2,
        personId: ahmedId,
        platform: 'telegram',
        editedAt: rome('2026-11-24T11:15'),
        changes: [{ code: 'incontri', before: { number: 2 }, after: { number: 5 } }],
      },
    ]);
  });

  it('confirming without changes keeps the check-in as it was', async () => {
    await ahmed.command('checkin');
    await ahmed.press('Modifica le risposte');
    expect(await ahmed.press('Conferma')).toBe('Nessuna risposta è cambiata: il check-in resta com’era.');
    expect((await submission()).version).toBe(2);
  });

  it('another referent may edit too; an edit made meanwhile is shown before anything is overwritten', async () => {
    await maria.command('checkin');
    await maria.press('Modifica le risposte');
    t.clock.set(rome('2026-11-25T09:00'));
    await ahmed.command('checkin');
    await ahmed.press('Modifica le risposte');
    await ahmed.say('modifica 11');
    await ahmed.say('Tavolo con le associazioni dei genitori');
    expect(await ahmed.press('Conferma')).toContain('Modifiche salvate (1 risposta cambiata)');
    expect(offered.at(-1)).toMatchObject({ text: 'Tavolo con le associazioni dei genitori' });

    const refreshed = await maria.press('Conferma');
    expect(refreshed).toContain('Nel frattempo Ahmed Benali ha modificato il check-in: ecco le risposte aggiornate.');
    expect(refreshed).toContain('Tavolo con le associazioni dei genitori');
    await maria.say('modifica 2');
    await maria.say('6');
    expect(await maria.press('Conferma')).toContain('Modifiche salvate (1 risposta cambiata)');
    const s = await submission();
    expect(s.version).toBe(4);
    expect(s.edits.map((e) => (e.changes as { code: string }[]).map((c) => c.code))).toEqual([['incontri'], ['buona_prassi'], ['partner_attivi']]);
    expect(await answer('buona_prassi')).toMatchObject({ textValue: 'Tavolo con le associazioni dei genitori' });
  });

  it('no edits once the round has closed', async () => {
    await ahmed.command('checkin');
    t.clock.set(rome('2026-11-30T09:00'));
    await t.app.jobs.run('checkin-open');
    expect(await ahmed.press('Modifica le risposte')).toBe('Il check-in di quella settimana è chiuso. Scrivi /checkin per quello in corso.');
    expect((await submission()).version).toBe(4);
  });
});
