// What a digest says, as data: built by SQL aggregations (queries/*), rendered into platform-neutral
// messages (render.ts). One shape for the coordinators' digest (all networks, or one network on
// demand) and the network digest posted into a network's own channels.

export interface NetworkRef {
  id: number;
  code: string;
  name: string;
}

export { TREND_WEEKS } from '../../reports/scope.js';

export interface Response {
  /** Networks asked this week (a check-in round was opened for them). */
  expected: number;
  answered: number;
  /** Answered before any reminder and within the week. */
  onTime: number;
  /** Answered after a reminder, or after the week ended (the round was still open). */
  late: number;
  /** Networks without an answer this week, by how many weeks in a row (1, 2, 3 meaning 3 or more). */
  silent: SilentNetwork[];
}

export interface SilentNetwork extends NetworkRef {
  /** Consecutive weeks without an answer, ending with the digest's week. */
  weeks: number;
}

export type Aggregate = 'sum' | 'avg';

export interface IndicatorTrend {
  code: string;
  type: 'integer' | 'decimal' | 'scale';
  /** Counts and decimal quantities are summed across networks; scales are averaged. */
  aggregate: Aggregate;
  /** Oldest first, TREND_WEEKS values, the last one is the digest's week; null: no answers that week. */
  series: (number | null)[];
  /** Networks that answered this indicator in the digest's week. */
  networks: number;
}

/** A network whose answer is far from its own usual values (see queries/outliers.ts). */
export interface Outlier {
  network: NetworkRef;
  indicator: string;
  value: number;
  /** The network's median over the previous weeks. */
  usual: number;
  /** Robust z-score: |value − median| / (IQR / 1.349), with a floor (see queries/outliers.ts). */
  score: number;
}

export interface Obstacle {
  network: NetworkRef;
  text: string;
}

export interface SupportCount {
  code: string;
  label: string;
  count: number;
  networks: string[];
}

export interface PracticeLine {
  network: NetworkRef;
  title: string;
  /** proposta / pubblicata (the library), checkin (an answer not yet in the library). */
  status: 'proposta' | 'pubblicata' | 'checkin';
  themes: string[];
}

export interface UpcomingLab {
  title: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  confirmed: number;
  waiting: number;
}

export interface LabFeedbackLine {
  title: string;
  startsAt: Date;
  responses: number;
  participants: number;
  average: number;
}

export interface LegamiSummary {
  introductions: number;
  /** Follow-up answers given during the week. */
  met: number;
  notYet: number;
  notInterested: number;
  /** Introductions of the last TREND_WEEKS weeks, and of those how many people said they met. */
  introductionsTrend: number;
  metTrend: number;
}

export interface Digest {
  /** ISO week summarised ("2026-W47"). */
  week: string;
  generatedAt: Date;
  /** Null: every network (coordinators); else one network. */
  network: (NetworkRef & { themes: string[] }) | null;
  response: Response | null;
  indicators: IndicatorTrend[];
  outliers: Outlier[];
  obstacles: Obstacle[];
  support: SupportCount[];
  practices: PracticeLine[];
  labs: UpcomingLab[];
  feedback: LabFeedbackLine[];
  /** Null when the legami capability is not installed. */
  legami: LegamiSummary | null;
}

/** True when there is nothing to say: no answers, no silence to report, no labs, practices or legami. */
export function isEmptyDigest(d: Digest): boolean {
  const noResponse = !d.response || (d.response.answered === 0 && d.response.silent.length === 0);
  const noTrend = d.indicators.every((i) => i.series.every((v) => v === null));
  const legami = d.legami;
  const noLegami = !legami || (legami.introductions === 0 && legami.met + legami.notYet + legami.notInterested === 0);
  return (
    noResponse &&
    noTrend &&
    d.obstacles.length === 0 &&
    d.support.length === 0 &&
    d.practices.length === 0 &&
    d.labs.length === 0 &&
    d.feedback.length === 0 &&
    noLegami
  );
}
