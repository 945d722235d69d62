// The known data set of the digest tests: six networks over eight weeks (2026-W40 … W47), a
// laboratorio coming, one past with feedback, introductions and good practices. The digest runs on
// Monday 23 November 2026 (the test clock), so it summarises W47 (16–22 November).
import type { Database } from '../../src/db/client.js';
import { weekStart } from '../../src/time.js';
import { CheckinData } from './data.js';

export const WEEKS = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'];
const HOUR = 3_600_000;

/** Per network: incontri, cittadini, squadra per week (null: no answer that week). */
const series: Record<string, ([number, number, number] | null)[]> = {
  // Answers every week; cittadini collapses in W47 (usual 21): the one network out of its usual values.
  BG01: [
    [2, 20, 4],
    [3, 22, 4],
    [2, 21, 4],
    [3, 20, 4],
    [2, 23, 4],
    [3, 22, 4],
    [2, 21, 4],
    [4, 5, 4],
  ],
  // Steady; answers W47 on Monday morning, after the week ended: late.
  BS02: [
    [1, 10, 3],
    [1, 10, 3],
    [1, 10, 3],
    [1, 10, 3],
    [1, 10, 3],
    [1, 10, 3],
    [1, 10, 3],
    [1, 10, 3],
  ],
  // Silent in W47 only.
  MI03: [[5, 30, 5], [5, 30, 5], [5, 30, 5], [5, 30, 5], [5, 30, 5], [5, 30, 5], [5, 30, 5], null],
  // Silent W46 and W47.
  CR04: [[0, 2, 2], [0, 2, 2], [0, 2, 2], [0, 2, 2], [0, 2, 2], [0, 2, 2], null, null],
  // Silent W45, W46, W47: three weeks in a row.
  VA05: [[1, 4, 3], [1, 4, 3], [1, 4, 3], [1, 4, 3], [1, 4, 3], null, null, null],
  // First answer in W47, after two reminders: late.
  LO06: [null, null, null, null, null, null, null, [2, 7, 5]],
};

export const obstacleBG01 = 'Trasporti **urgenti** _sempre_ in ritardo, vedi [orari](https://example.org/orari)';
export const obstacleLO06 = 'Poca partecipazione delle associazioni <di stranieri> & dei Comuni';

export async function loadKnownData(db: Database): Promise<CheckinData> {
  const data = await new CheckinData(db).init();
  for (const [network, weeks] of Object.entries(series)) {
    for (const [i, values] of weeks.entries()) {
      const week = WEEKS[i]!;
      if (!values) {
        await data.round(network, week);
        continue;
      }
      const extra: Record<string, string | string[] | null> = {};
      if (week === '2026-W47') {
        if (network === 'BG01')
          Object.assign(extra, {
            ostacoli: obstacleBG01,
            supporto: ['formazione', 'supporto_tecnico'],
            buona_prassi: 'Corso di italiano per mamme al mattino',
          });
        if (network === 'BS02') Object.assign(extra, { ostacoli: 'Nessuno.', supporto: ['formazione'], buona_prassi: 'Mediatori nei consultori' });
        if (network === 'LO06') Object.assign(extra, { ostacoli: obstacleLO06, supporto: ['cabina_di_regia', 'formazione'], buona_prassi: null });
      }
      await data.submit({
        network,
        week,
        values: { incontri: values[0], cittadini: values[1], squadra: values[2], ...extra },
        ...(week === '2026-W47' && network === 'BS02' ? { submittedAt: new Date('2026-11-23T06:00:00Z') } : {}),
        ...(week === '2026-W47' && network === 'LO06' ? { reminders: 2 } : {}),
      });
    }
  }
  await labsAndLegami(db, data);
  return data;
}

async function labsAndLegami(db: Database, data: CheckinData): Promise<void> {
  const p = db.prisma;
  const person = async (name: string) => (await p.person.findFirstOrThrow({ where: { name } })).id;
  const [maria, ahmed, francesca, fatou, chiara] = await Promise.all(
    ['Maria Rossi', 'Ahmed Benali', 'Francesca Gatti', 'Fatou Diop', 'Chiara Fontana'].map(person),
  );
  // Coming: Thursday 26 November 14:30–17:00 (Rome), 3 seats, full, one waiting.
  const coming = await p.lab.create({
    data: {
      title: 'Mediazione linguistica nei servizi',
      theme: 'mediazione',
      startsAt: new Date('2026-11-26T13:30:00Z'),
      endsAt: new Date('2026-11-26T16:00:00Z'),
      capacity: 3,
    },
  });
  await p.labSignup.createMany({
    data: [maria!, ahmed!, francesca!, fatou!].map((personId, i) => ({
      labId: coming.id,
      personId,
      status: i < 3 ? 'confirmed' : 'waiting',
      position: i + 1,
      platform: 'telegram',
    })),
  });
  // Too far (20 days) and cancelled: not in the digest.
  await p.lab.create({ data: { title: 'Lontano', theme: 'casa', startsAt: new Date('2026-12-13T13:30:00Z'), endsAt: new Date('2026-12-13T16:00:00Z') } });
  await p.lab.create({
    data: { title: 'Annullato', theme: 'casa', status: 'cancelled', startsAt: new Date('2026-11-27T13:30:00Z'), endsAt: new Date('2026-11-27T16:00:00Z') },
  });
  // Past: Tuesday 17 November, 4 participants, 3 ratings (4, 5, 3).
  const past = await p.lab.create({
    data: {
      title: 'Cittadinanza e scuola',
      theme: 'scuola',
      startsAt: new Date('2026-11-17T13:30:00Z'),
      endsAt: new Date('2026-11-17T16:00:00Z'),
      capacity: 20,
    },
  });
  await p.labSignup.createMany({
    data: [maria!, ahmed!, francesca!, chiara!].map((personId, i) => ({ labId: past.id, personId, status: 'confirmed', position: i + 1, platform: 'slack' })),
  });
  await p.labFeedback.createMany({
    data: [
      { labId: past.id, personId: maria!, rating: 4, comment: 'Utile' },
      { labId: past.id, personId: ahmed!, rating: 5 },
      { labId: past.id, personId: francesca!, rating: 3, comment: 'Troppo breve' },
    ],
  });

  // Good practices: MI03 published in W47 (theme lavoro), BS02 proposed from its check-in.
  const w47 = weekStart('2026-W47').getTime();
  await p.goodPractice.create({
    data: {
      networkId: data.networkId('MI03'),
      title: 'Sportello lavoro condiviso',
      description: '…',
      themes: ['lavoro'],
      status: 'pubblicata',
      createdAt: new Date(w47 - 30 * 24 * HOUR),
      publishedAt: new Date(w47 + 60 * HOUR),
    },
  });
  await p.goodPractice.create({
    data: {
      networkId: data.networkId('BS02'),
      title: 'Mediatori nei consultori',
      description: '…',
      themes: ['mediazione'],
      source: 'checkin',
      sourceKey: `checkin:${data.networkId('BS02')}:2026-W47`,
      createdAt: new Date(w47 + 80 * HOUR),
    },
  });
  // An old one, neither created nor published in W47.
  await p.goodPractice.create({
    data: { networkId: data.networkId('CR04'), title: 'Vecchia', description: '…', themes: ['lavoro'], createdAt: new Date(w47 - 60 * 24 * HOUR) },
  });

  // Legami: two introductions in W47, one in W45; follow-ups answered in W47: one met, one not yet.
  const intro = (a: number, b: number, na: string, nb: string, at: number, runKey: string) =>
    p.introduction.create({
      data: {
        personAId: Math.min(a, b),
        personBId: Math.max(a, b),
        networkAId: data.networkId(na),
        networkBId: data.networkId(nb),
        reason: 'tema',
        theme: 'lavoro',
        runKey,
        createdAt: new Date(at),
      },
    });
  const old = await intro(maria!, chiara!, 'BG01', 'CR04', w47 - 12 * 24 * HOUR, '2026-W45');
  await intro(ahmed!, francesca!, 'BG01', 'BS02', w47 + 2 * HOUR * 24, '2026-W47');
  await intro(maria!, francesca!, 'BG01', 'BS02', w47 + 2 * HOUR * 24, '2026-W47');
  await p.introductionFollowUp.createMany({
    data: [
      { introductionId: old.id, personId: maria!, answer: 'si', askedAt: new Date(w47), answeredAt: new Date(w47 + 30 * HOUR) },
      { introductionId: old.id, personId: chiara!, answer: 'non_ancora', askedAt: new Date(w47), answeredAt: new Date(w47 + 40 * HOUR) },
    ],
  });
}
