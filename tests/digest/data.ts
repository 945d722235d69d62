// Check-in data written straight into the tables the check-in capability fills (rounds, submissions,
// typed answers), so digest and export tests start from a known data set.
import type { Database } from '../../src/db/client.js';
import { installDefaultIndicators } from '../../src/capabilities/checkins/defaults.js';
import { closingTime } from '../../src/capabilities/checkins/period.js';
import { weekStart } from '../../src/time.js';

export type Value = number | string | string[] | boolean | null;

export interface Submission {
  network: string;
  week: string;
  values: Record<string, Value>;
  /** Default: Tuesday 10:00 of the week. */
  submittedAt?: Date;
  reminders?: number;
  /** Person who answered (default: the first referent of the network, or any person). */
  personId?: number;
  platform?: string;
}

const HOUR = 3_600_000;

export class CheckinData {
  private indicators = new Map<string, { id: number; type: string }>();
  private networks = new Map<string, number>();

  constructor(private readonly db: Database) {}

  async init(): Promise<this> {
    await installDefaultIndicators(this.db.prisma);
    for (const i of await this.db.prisma.indicator.findMany()) this.indicators.set(i.code, { id: i.id, type: i.type });
    for (const n of await this.db.prisma.network.findMany()) this.networks.set(n.code, n.id);
    return this;
  }

  networkId(code: string): number {
    const id = this.networks.get(code);
    if (id === undefined) throw new Error(`no network ${code}`);
    return id;
  }

  /** A round for the network and week (the network was asked), with its reminders. */
  async round(network: string, week: string, reminders = 0): Promise<number> {
    const networkId = this.networkId(network);
    const opened = new Date(weekStart(week).getTime() + 9 * HOUR);
    const row = await this.db.prisma.checkinRound.upsert({
      where: { networkId_period: { networkId, period: week } },
      create: { networkId, period: week, status: 'closed', openedAt: opened, closesAt: closingTime(week), reminders },
      update: { reminders },
    });
    return row.id;
  }

  async submit(s: Submission): Promise<number> {
    const networkId = this.networkId(s.network);
    const roundId = await this.round(s.network, s.week, s.reminders ?? 0);
    const at = s.submittedAt ?? new Date(weekStart(s.week).getTime() + 34 * HOUR);
    const personId = s.personId ?? (await this.referent(networkId));
    const platform = s.platform ?? 'telegram';
    const submission = await this.db.prisma.checkinSubmission.create({
      data: { roundId, networkId, period: s.week, personId, platform, fields: [], submittedAt: at, updatedAt: at, updatedBy: personId },
    });
    await this.db.prisma.checkinRound.update({ where: { id: roundId }, data: { completedAt: at } });
    await this.db.prisma.checkinAnswer.createMany({
      data: Object.entries(s.values).map(([code, value], i) => {
        const indicator = this.indicators.get(code);
        if (!indicator) throw new Error(`no indicator ${code}`);
        return {
          submissionId: submission.id,
          indicatorId: indicator.id,
          indicatorCode: code,
          type: indicator.type,
          networkId,
          period: s.week,
          numberValue: typeof value === 'number' ? value : null,
          choiceCodes: Array.isArray(value) ? value : [],
          textValue: typeof value === 'string' ? value : null,
          boolValue: typeof value === 'boolean' ? value : null,
          skipped: value === null,
          personId,
          platform,
          answeredAt: new Date(at.getTime() - (Object.keys(s.values).length - i) * 60_000),
        };
      }),
    });
    return submission.id;
  }

  private async referent(networkId: number): Promise<number> {
    const m = await this.db.prisma.membership.findFirst({ where: { networkId, role: 'referente' }, orderBy: { personId: 'asc' } });
    if (m) return m.personId;
    const p = await this.db.prisma.person.findFirstOrThrow({ orderBy: { id: 'asc' } });
    return p.id;
  }
}
