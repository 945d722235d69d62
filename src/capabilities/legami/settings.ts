// Legami's settings (from the environment) and where support requests come from.
import { isoWeek, weekStart } from '../../time.js';
import { sqlSupportSource, type SupportSource } from './support.js';

export interface LegamiSettings {
  /** No pair is introduced again within this many days. */
  windowDays: number;
  /** Scheduled runs happen every N weeks… */
  everyWeeks: number;
  /** …in the weeks whose index modulo everyWeeks is this. */
  weekOffset: number;
  followUpAfterDays: number;
  supportDays: number;
}

export interface LegamiService {
  settings: LegamiSettings;
  support: SupportSource;
}

/** The LEGAMI_* settings (validated with the rest of the environment). */
export interface LegamiEnv {
  LEGAMI_INTRO_WINDOW_DAYS: number;
  LEGAMI_INTRO_EVERY_WEEKS: number;
  LEGAMI_INTRO_WEEK_OFFSET: number;
  LEGAMI_FOLLOWUP_AFTER_DAYS: number;
  LEGAMI_SUPPORT_DAYS: number;
}

export function createLegamiService(env: LegamiEnv): LegamiService {
  return {
    settings: {
      windowDays: env.LEGAMI_INTRO_WINDOW_DAYS,
      everyWeeks: env.LEGAMI_INTRO_EVERY_WEEKS,
      weekOffset: env.LEGAMI_INTRO_WEEK_OFFSET,
      followUpAfterDays: env.LEGAMI_FOLLOWUP_AFTER_DAYS,
      supportDays: env.LEGAMI_SUPPORT_DAYS,
    },
    support: sqlSupportSource(),
  };
}

const WEEK = 7 * 24 * 60 * 60 * 1000;
const FIRST_MONDAY = weekStart('1970-W02'); // Monday 5 January 1970

/**
 * Weeks counted from 5 January 1970 (Europe/Rome), so "every two weeks" stays every two weeks
 * across years with 53 ISO weeks (ISO week parity would run twice in a row at W53 → W01).
 */
export function weekIndex(now: Date): number {
  return Math.round((weekStart(isoWeek(now)).getTime() - FIRST_MONDAY.getTime()) / WEEK);
}

/** True in the weeks when the scheduled introductions run. */
export function isIntroWeek(now: Date, s: Pick<LegamiSettings, 'everyWeeks' | 'weekOffset'>): boolean {
  return weekIndex(now) % s.everyWeeks === s.weekOffset % s.everyWeeks;
}
