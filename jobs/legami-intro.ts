import { runIntroductions } from '../src/capabilities/legami/introductions.js';
import { isIntroWeek } from '../src/capabilities/legami/settings.js';
import type { SupportSource } from '../src/capabilities/legami/support.js';
import { defineJob, type JobResult, type JobSpec } from '../src/jobs/types.js';

// Introductions between people of different networks, every two weeks: cron cannot say "every
// other week", so the job is scheduled every Monday at 10:00 and a scheduled run goes ahead only
// in the weeks chosen by LEGAMI_INTRO_EVERY_WEEKS / LEGAMI_INTRO_WEEK_OFFSET (weeks counted from
// 5 January 1970, so the rhythm holds across years). A manual run (CLI, POST /admin/jobs) always
// runs; the run key is the ISO week, so a manual and a scheduled run in one week are one run.
export function legamiIntroJob(options: { support?: SupportSource } = {}): JobSpec {
  return defineJob({
    id: 'legami-intro',
    description: 'Legami: presenta tra loro persone di reti diverse che condividono un tema (ogni due settimane)',
    cron: '0 10 * * 1',
    async run({ db, now, services, trigger, logger }): Promise<JobResult> {
      const { settings, support } = services.legami;
      if (trigger === 'schedule' && !isIntroWeek(now, settings)) return { skipped: true, reason: 'settimana senza presentazioni' };
      const result = await runIntroductions(db, { now, settings, support: options.support ?? support, platforms: services.platforms, logger });
      return { ...result };
    },
  });
}

export default legamiIntroJob();
