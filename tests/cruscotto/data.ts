// The cruscotto's known data set, on the fixture networks: twelve weeks of check-ins (2026-W36 …
// W47) with a known pattern of answers, obstacles (one with markup, to be shown literally) and
// support, laboratori (one open only to MI03), introductions and good practices. The test clock
// stands on Monday 23 November 2026, so the latest week with rounds is W47.
import type { Database } from '../../src/db/client.js';
import { weekStart } from '../../src/time.js';
import { CheckinData } from '../digest/data.js';

export const WEEKS = Array.from({ length: 12 }, (_, i) => `2026-W${36 + i}`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const obstacleBG01 = 'Orari <b>scuole</b> & trasporti "difficili"';
export const obstacleBS02 = 'Poca partecipazione dei Comuni';

/**
 * W47: six networks asked; BG01 and CR04 on time, BS02 (after the week) and VA05 (after a reminder)
 * late, MI03 (silent since W45: 3 weeks) and LO06 (1 week) without an answer.
 * incontri in W47: BG01 12 + BS02 2 + CR04 1 + VA05 0 = 15; squadra mean (4 + 3 + 2 + 3) / 4 = 3.
 */
export const expected = { asked: 6, onTime: 2, late: 2, silent: 2, incontriW47: 15, squadraW47: 3, silentMI03: 3, silentLO06: 1 };

const values: Record<string, { incontri: (w: number) => number; cittadini: number; squadra: number }> = {
  BG01: { incontri: (w) => w + 1, cittadini: 10, squadra: 4 },
  BS02: { incontri: () => 2, cittadini: 5, squadra: 3 },
  MI03: { incontri: () => 3, cittadini: 20, squadra: 5 },
  CR04: { incontri: () => 1, cittadini: 2, squadra: 2 },
  VA05: { incontri: () => 0, cittadini: 4, squadra: 3 },
  LO06: { incontri: () => 1, cittadini: 1, squadra: 1 },
};

const silent = (network: string, week: string) => (network === 'MI03' && week >= '2026-W45') || (network === 'LO06' && week === '2026-W47');

export async function loadCruscottoData(db: Database): Promise<CheckinData> {
  const data = await new CheckinData(db).init();
  for (const [network, v] of Object.entries(values)) {
    for (const [i, week] of WEEKS.entries()) {
      if (silent(network, week)) {
        await data.round(network, week);
        continue;
      }
      const extra: Record<string, string | string[]> = {};
      if (network === 'BG01' && week === '2026-W47') Object.assign(extra, { ostacoli: obstacleBG01, supporto: ['formazione', 'supporto_tecnico'] });
      if (network === 'BS02' && week === '2026-W46') Object.assign(extra, { ostacoli: obstacleBS02, supporto: ['formazione'] });
      await data.submit({
        network,
        week,
        values: { incontri: v.incontri(i), cittadini: v.cittadini, squadra: v.squadra, ...extra },
        ...(network === 'BS02' && week === '2026-W47' ? { submittedAt: new Date('2026-11-23T06:00:00Z') } : {}),
        ...(network === 'VA05' && week === '2026-W47' ? { reminders: 1 } : {}),
      });
    }
  }
  // The latest round closes only when W48's opens: W47's rounds are closed at this point.
  await db.prisma.checkinRound.updateMany({ data: { status: 'closed' } });
  await labsAndLegami(db, data);
  return data;
}

async function labsAndLegami(db: Database, data: CheckinData): Promise<void> {
  const p = db.prisma;
  const person = async (name: string) => (await p.person.findFirstOrThrow({ where: { name } })).id;
  const [maria, ahmed, francesca, fatou, chiara, paolo, davide] = (await Promise.all(
    ['Maria Rossi', 'Ahmed Benali', 'Francesca Gatti', 'Fatou Diop', 'Chiara Fontana', 'Paolo Colombo', 'Davide Ricci'].map(person),
  )) as [number, number, number, number, number, number, number];
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
    data: [maria, ahmed, francesca, fatou].map((personId, i) => ({
      labId: coming.id,
      personId,
      status: i < 3 ? 'confirmed' : 'waiting',
      position: i + 1,
      platform: 'telegram',
    })),
  });
  // Coming, open to MI03 only: referents of other networks do not see it.
  const closed = await p.lab.create({
    data: {
      title: 'Salute e territorio a Sesto',
      theme: 'salute',
      startsAt: new Date('2026-12-03T13:30:00Z'),
      endsAt: new Date('2026-12-03T16:00:00Z'),
      allNetworks: false,
    },
  });
  await p.labAudience.create({ data: { labId: closed.id, networkId: data.networkId('MI03') } });
  await p.labSignup.create({ data: { labId: closed.id, personId: paolo, status: 'confirmed', position: 1, platform: 'slack' } });
  // Past: Tuesday 17 November, 4 participants, 3 ratings (4, 5, 3: mean 4).
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
    data: [maria, ahmed, francesca, chiara].map((personId, i) => ({ labId: past.id, personId, status: 'confirmed', position: i + 1, platform: 'slack' })),
  });
  await p.labFeedback.createMany({
    data: [
      { labId: past.id, personId: maria, rating: 4, comment: 'Utile per la rete' },
      { labId: past.id, personId: ahmed, rating: 5 },
      { labId: past.id, personId: francesca, rating: 3, comment: 'Troppo breve' },
    ],
  });

  // Good practices of BG01: one published, one only proposed (not for members' eyes).
  const w47 = weekStart('2026-W47').getTime();
  await p.goodPractice.create({
    data: {
      networkId: data.networkId('BG01'),
      title: 'Corso di italiano per mamme',
      description: '…',
      themes: ['lingua italiana'],
      status: 'pubblicata',
      createdAt: new Date(w47 - 20 * DAY),
      publishedAt: new Date(w47 + 2 * DAY),
    },
  });
  await p.goodPractice.create({
    data: { networkId: data.networkId('BG01'), title: 'Bozza: doposcuola condiviso', description: '…', themes: ['scuola'], createdAt: new Date(w47 + DAY) },
  });

  // Introductions: BG01–CR04 in W45 (they met), BG01–BS02 twice in W47, MI03–VA05 in W46.
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
  const old = await intro(maria, chiara, 'BG01', 'CR04', w47 - 12 * DAY, '2026-W45');
  await intro(ahmed, francesca, 'BG01', 'BS02', w47 + 2 * DAY, '2026-W47');
  await intro(maria, francesca, 'BG01', 'BS02', w47 + 2 * DAY, '2026-W47');
  await intro(paolo, davide, 'MI03', 'VA05', w47 - 5 * DAY, '2026-W46');
  await p.introductionFollowUp.createMany({
    data: [
      { introductionId: old.id, personId: maria, answer: 'si', askedAt: new Date(w47), answeredAt: new Date(w47 + 30 * HOUR) },
      { introductionId: old.id, personId: chiara, answer: 'si', askedAt: new Date(w47), answeredAt: new Date(w47 + 40 * HOUR) },
    ],
  });
}
