// Check-ins: the weekly indicator questions to each network's referents, reminders, edits.
import checkin from '../../../commands/checkin.js';
import checkinDeferred from '../../../jobs/checkin-deferred.js';
import checkinOpen from '../../../jobs/checkin-open.js';
import checkinRemind from '../../../jobs/checkin-remind.js';
import { defineCapability } from '../../capability.js';
import { indicatorsSection } from './config-section.js';
import { installDefaultIndicators } from './defaults.js';
import { checkinsDigestSections } from './digest.js';
import { answersDataset } from './export.js';
import { checkinFlow } from './flow.js';
import { DEFERRED_CRON, OPEN_CRON, timeOfDay } from './period.js';
import { createCheckinService, type CheckinService } from './service.js';
import { promptUndeliverable } from './unreachable.js';

declare module '../../services.js' {
  interface Services {
    /** Weekly indicator check-ins. */
    checkins: CheckinService;
  }
}

export const checkinsCapability = defineCapability({
  name: 'checkins',
  commands: [checkin],
  jobs: [checkinOpen, checkinDeferred, checkinRemind],
  flows: [checkinFlow],
  configSections: [indicatorsSection],
  // A check-in prompt or reminder a referent cannot receive privately: ask in the network's group.
  failureListeners: { 'checkin.prompt': promptUndeliverable },
  digestSections: checkinsDigestSections,
  exportDatasets: [answersDataset],
  services: ({ db, platforms, schedules, logger, contributions }) => {
    const openCron = schedules['checkin-open'] ?? OPEN_CRON;
    const deferredCron = schedules['checkin-deferred'] ?? DEFERRED_CRON;
    // A prompt moved by a holiday goes out at the opening's time: the two schedules should agree.
    if (timeOfDay(openCron) !== timeOfDay(deferredCron)) {
      logger.warn(
        { openCron, deferredCron },
        'SCHEDULE_CHECKIN_DEFERRED non ha lo stesso orario di SCHEDULE_CHECKIN_OPEN: i check-in spostati da un festivo partiranno a un’altra ora',
      );
    }
    const questionSources = contributions.capabilities.flatMap((c) => c.checkinQuestions ?? []);
    return { checkins: createCheckinService({ db, platforms, openCron, questionSources }) };
  },
  async onStartup({ db, logger }) {
    // The default indicators, once, into an empty catalogue (before any YAML changes them).
    const installed = await installDefaultIndicators(db);
    if (installed) logger.info({ indicators: installed }, `installati ${installed} indicatori predefiniti del check-in`);
  },
});
