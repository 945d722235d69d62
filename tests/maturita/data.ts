// Data sets for the map of maturity: a network with given weekly check-in answers over the weeks
// ending with a week, and a scheda with a given number of steps, measured objectives, reached
// objectives, roles, flows and objectives' answers. Written as the service writes them (rounds,
// submissions, typed answers, scheda rows), in bulk.
import type { Database } from '../../src/db/client.js';
import { shiftWeek, weekStart } from '../../src/time.js';
import { installDefaultIndicators } from '../../src/capabilities/checkins/defaults.js';

export type WeekAnswers = Partial<
  Record<'incontri' | 'partner_attivi' | 'nuovi_partner' | 'cittadini' | 'associazioni' | 'squadra' | 'corresponsabilita' | 'ruolo_attivo', number>
>;

export interface NetworkData {
  code: string;
  /** Oldest first, the last one in `week`; `by`: index of the referent answering (0, 1…). */
  weeks?: (WeekAnswers & { by?: number })[];
  scheda?: { steps?: number; measured?: number; plain?: number; reached?: number; roles?: number; flows?: number; progress?: number };
}

/** Integers whose mean is exactly `mean` over `n` values (mean × n must be an integer). */
export function series(mean: number, n: number): number[] {
  const total = Math.round(mean * n);
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

export async function seedNetworks(db: Database, week: string, list: NetworkData[]): Promise<Map<string, number>> {
  const p = db.prisma;
  const ids = new Map<string, number>();
  await installDefaultIndicators(p);
  const indicators = new Map((await p.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  const people = [];
  for (let i = 0; i < 2; i++) people.push((await p.person.create({ data: { name: `Referente di prova ${i + 1}` } })).id);
  for (const n of list) {
    const network = (await p.network.findUnique({ where: { code: n.code } })) ?? (await p.network.create({ data: { code: n.code, name: `Rete ${n.code}` } }));
    ids.set(n.code, network.id);
    const weeks = n.weeks ?? [];
    for (const [i, w] of weeks.entries()) {
      const period = shiftWeek(week, i - weeks.length + 1);
      const at = weekStart(period);
      const round = await p.checkinRound.create({
        data: { networkId: network.id, period, openedAt: at, closesAt: weekStart(shiftWeek(period, 1)), completedAt: at },
      });
      const personId = people[w.by ?? 0]!;
      const sub = await p.checkinSubmission.create({
        data: {
          roundId: round.id,
          networkId: network.id,
          period,
          personId,
          platform: 'telegram',
          fields: [],
          submittedAt: at,
          updatedAt: at,
          updatedBy: personId,
        },
      });
      const answers = Object.entries(w).filter(([k]) => k !== 'by');
      await p.checkinAnswer.createMany({
        data: answers.map(([code, value]) => ({
          submissionId: sub.id,
          indicatorId: indicators.get(code)!,
          indicatorCode: code,
          type: 'integer',
          networkId: network.id,
          period,
          numberValue: value as number,
          personId,
          platform: 'telegram',
          answeredAt: at,
        })),
      });
    }
    const s = n.scheda;
    if (!s) continue;
    const steps = s.steps ?? 0;
    const now = weekStart(week);
    await p.scheda.create({ data: { networkId: network.id, objective: steps >= 1 ? 'Obiettivo' : '', needs: steps >= 1 ? 'Bisogni' : '' } });
    const objectives = (s.measured ?? 0) + (s.plain ?? 0);
    if (steps >= 2 || objectives > 0) {
      const strategy = await p.schedaStrategy.create({ data: { networkId: network.id, number: 1, title: 'Strategia', createdAt: now } });
      for (let i = 0; i < Math.max(objectives, steps >= 2 ? 1 : 0); i++) {
        const o = await p.schedaObjective.create({
          data: {
            networkId: network.id,
            strategyId: strategy.id,
            number: i + 1,
            what: `Obiettivo ${i + 1}`,
            target: i < (s.measured ?? 0) ? 10 : null,
            dueOn: new Date('2027-12-31T00:00:00Z'),
            reachedAt: i < (s.reached ?? 0) ? now : null,
            createdAt: now,
          },
        });
        if (i === 0) {
          for (let k = 0; k < (s.progress ?? 0); k++) {
            await p.objectiveProgress.create({
              data: { objectiveId: o.id, networkId: network.id, period: shiftWeek(week, -k), status: 'avviato', personId: people[0]!, at: now },
            });
          }
        }
      }
    }
    const roles = Math.max(s.roles ?? 0, steps >= 3 ? 1 : 0, steps >= 4 ? 2 : 0, (s.flows ?? 0) > 0 ? 2 : 0);
    const roleIds: number[] = [];
    for (let i = 0; i < roles; i++)
      roleIds.push((await p.schedaRole.create({ data: { networkId: network.id, number: i + 1, who: `Ruolo ${i + 1}`, doing: 'fa', createdAt: now } })).id);
    const flows = Math.max(s.flows ?? 0, steps >= 4 ? 1 : 0);
    for (let i = 0; i < flows; i++) {
      await p.schedaFlow.create({
        data: { networkId: network.id, number: i + 1, fromRoleId: roleIds[0]!, toRoleId: roleIds[1]!, how: 'riunione', often: 'mensile', createdAt: now },
      });
    }
  }
  return ids;
}
