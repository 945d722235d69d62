// Seeds a digest benchmark database: N networks with a Telegram group and a referent, a few
// coordinators, the default indicators, then W weeks of check-ins bulk-loaded in SQL
// (INSERT … SELECT over generate_series / unnest): rounds, submissions and one answer per indicator.
// Every 20th network falls silent for its last 1–3 weeks. Rows go in week by week, as a real
// database fills up (a week's answers sit together on disk). Laboratori, sign-ups, feedback,
// introductions and good practices are added in small numbers.
import type { Db } from '../src/db/client.js';
import { installDefaultIndicators } from '../src/capabilities/checkins/defaults.js';
import { closingTime } from '../src/capabilities/checkins/period.js';
import { shiftWeek, weekStart } from '../src/time.js';

const CHUNK = 2000;

export async function seed(db: Db, networks: number, weeks: string[], now: Date): Promise<void> {
  for (let i = 0; i < networks; i += CHUNK) {
    const count = Math.min(CHUNK, networks - i);
    const nets = await db.network.createManyAndReturn({
      data: Array.from({ length: count }, (_, k) => ({
        code: `D${String(i + k + 1).padStart(5, '0')}`,
        name: `Rete di prova ${i + k + 1}`,
        themes: ['lavoro', k % 2 ? 'scuola' : 'casa'],
      })),
      select: { id: true },
    });
    await db.channel.createMany({ data: nets.map((n, k) => ({ networkId: n.id, platform: 'telegram', chatId: `-200${String(i + k + 1).padStart(9, '0')}` })) });
    const persons = await db.person.createManyAndReturn({ data: nets.map((_, k) => ({ name: `Referente ${i + k + 1}` })), select: { id: true } });
    await db.account.createMany({ data: persons.map((p, k) => ({ personId: p.id, platform: 'telegram', externalId: String(700_000_000 + i + k) })) });
    await db.membership.createMany({ data: persons.map((p, k) => ({ personId: p.id, networkId: nets[k]!.id, role: 'referente' })) });
  }
  for (let c = 1; c <= 5; c++) {
    const person = await db.person.create({ data: { name: `Coordinatore ${c}`, coordinator: true } });
    await db.account.createMany({
      data: [
        { personId: person.id, platform: 'telegram', externalId: String(900_000_000 + c) },
        { personId: person.id, platform: 'slack', workspace: 'T0BENCH', externalId: `U0COORD${c}` },
      ],
    });
  }
  await installDefaultIndicators(db);
  await loadCheckins(db, weeks);
  await loadOthers(db, weeks, now);
  await db.$executeRawUnsafe('ANALYZE');
}

async function loadCheckins(db: Db, weeks: string[]): Promise<void> {
  const opened = weeks.map((w) => new Date(weekStart(w).getTime() + 9 * 3_600_000));
  const closes = weeks.map((w) => closingTime(w));
  const last = weeks.length;
  // Rounds: every network, every week; one in ten needed reminders.
  await db.$executeRaw`
    INSERT INTO checkin_round (network_id, period, status, opened_at, closes_at, reminders)
    SELECT n.id, w.period, 'closed', w.opened, w.closes, CASE WHEN (n.id * 31 + w.ord) % 10 = 0 THEN 1 ELSE 0 END
    FROM network n
    CROSS JOIN unnest(${weeks}::text[], ${opened}::timestamptz[], ${closes}::timestamptz[]) WITH ORDINALITY AS w(period, opened, closes, ord)
    ORDER BY w.ord, n.id`;
  // Submissions: all but the last 1–3 weeks of every 20th network.
  await db.$executeRaw`
    INSERT INTO checkin_submission (round_id, network_id, period, person_id, platform, fields, version, submitted_at, updated_at, updated_by)
    SELECT r.id, r.network_id, r.period, m.person_id, 'telegram', '[]', 1,
           r.opened_at + make_interval(hours => 2 + (r.id % 70)), r.opened_at + make_interval(hours => 2 + (r.id % 70)), m.person_id
    FROM checkin_round r
    JOIN membership m ON m.network_id = r.network_id AND m.role = 'referente'
    JOIN unnest(${weeks}::text[]) WITH ORDINALITY AS w(period, ord) ON w.period = r.period
    WHERE NOT (r.network_id % 20 = 0 AND w.ord > ${last} - (r.network_id / 20) % 3 - 1)
    ORDER BY w.ord, r.network_id`;
  // One typed answer per indicator: counts, scales, obstacles for about a third, support choices, good practices rarely.
  await db.$executeRaw`
    INSERT INTO checkin_answer (submission_id, indicator_id, indicator_code, type, network_id, period, number_value, choice_codes, text_value, bool_value, skipped, person_id, platform, answered_at)
    SELECT s.id, i.id, i.code, i.type, s.network_id, s.period,
           CASE i.type WHEN 'integer' THEN ((s.network_id * 7 + i.id * 13 + s.id) % 12)::float8
                       WHEN 'scale' THEN (1 + (s.network_id + i.id + s.id) % 5)::float8 END,
           CASE WHEN i.code = 'supporto' AND s.id % 4 = 0 THEN ARRAY[(ARRAY['formazione','supporto_tecnico','confronto_partner','associazioni_stranieri','dialogo_tecnico_politico','approfondimento_temi','cabina_di_regia'])[1 + s.id % 7]] ELSE ARRAY[]::text[] END,
           CASE WHEN i.code = 'ostacoli' AND s.id % 3 = 0 THEN 'Difficoltà a coinvolgere i partner della rete ' || s.network_id || ' nella settimana ' || s.period
                WHEN i.code = 'buona_prassi' AND s.id % 20 = 0 THEN 'Sportello condiviso con le associazioni, settimana ' || s.period END,
           NULL,
           (i.type = 'text' AND NOT ((i.code = 'ostacoli' AND s.id % 3 = 0) OR (i.code = 'buona_prassi' AND s.id % 20 = 0))) OR (i.code = 'supporto' AND s.id % 4 <> 0),
           s.person_id, s.platform, s.submitted_at - make_interval(mins => 11 - i.position / 10)
    FROM checkin_submission s CROSS JOIN indicator i
    ORDER BY s.id, i.position`;
}

async function loadOthers(db: Db, weeks: string[], now: Date): Promise<void> {
  const day = 86_400_000;
  const labs = await db.lab.createManyAndReturn({
    data: Array.from({ length: 40 }, (_, k) => ({
      title: `Laboratorio ${k + 1}`,
      theme: ['mediazione', 'lavoro', 'scuola', 'casa'][k % 4]!,
      startsAt: new Date(now.getTime() + (k - 30) * 4 * day),
      endsAt: new Date(now.getTime() + (k - 30) * 4 * day + 3 * 3_600_000),
      capacity: 30,
    })),
    select: { id: true },
  });
  const people = await db.person.findMany({ where: { coordinator: false }, select: { id: true }, orderBy: { id: 'asc' }, take: 40 * 25 });
  await db.labSignup.createMany({
    data: labs.flatMap((l, k) =>
      people
        .slice(k * 25, k * 25 + 25)
        .map((p, i) => ({ labId: l.id, personId: p.id, status: i < 22 ? 'confirmed' : 'waiting', position: i + 1, platform: 'telegram' })),
    ),
  });
  await db.labFeedback.createMany({
    data: labs.slice(0, 30).flatMap((l, k) => people.slice(k * 25, k * 25 + 12).map((p, i) => ({ labId: l.id, personId: p.id, rating: 1 + ((k + i) % 5) }))),
  });
  const nets = await db.network.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 400 });
  const from = weekStart(weeks[0]!).getTime();
  await db.goodPractice.createMany({
    data: nets.map((n, k) => ({
      networkId: n.id,
      title: `Buona prassi ${k + 1}`,
      description: '…',
      themes: ['lavoro'],
      status: k % 2 ? 'pubblicata' : 'proposta',
      createdAt: new Date(from + k * day),
      publishedAt: k % 2 ? new Date(from + k * day + day) : null,
    })),
  });
  const last = weekStart(shiftWeek(weeks[weeks.length - 1]!, 0)).getTime();
  const pairs = Math.min(200, Math.floor(people.length / 2), Math.floor(nets.length / 2));
  await db.introduction.createMany({
    data: people.slice(0, pairs).map((p, k) => ({
      personAId: p.id,
      personBId: people[pairs + k]!.id,
      networkAId: nets[k]!.id,
      networkBId: nets[pairs + k]!.id,
      reason: 'tema',
      theme: 'lavoro',
      runKey: `bench-${k % 8}`,
      createdAt: new Date(last - (k % 8) * 7 * day + day),
    })),
  });
}
