// Networks: the territorial networks, their channels, the people and their roles. Every other
// capability builds on it. Brings /rete, /aiuto, /start, the networks: and people: sections of the
// configuration and the nightly housekeeping.
import aiuto from '../../../commands/aiuto.js';
import rete from '../../../commands/rete.js';
import start from '../../../commands/start.js';
import housekeeping from '../../../jobs/housekeeping.js';
import { defineCapability } from '../../capability.js';
import { networksSection, peopleSection } from './config-section.js';
import type { RetentionSettings } from './retention.js';

declare module '../../services.js' {
  interface Services {
    /** How long personal data is kept (RETENTION_*), applied by the housekeeping job. */
    retention: RetentionSettings;
  }
}

export const networksCapability = defineCapability({
  name: 'networks',
  commands: [aiuto, rete, start],
  jobs: [housekeeping],
  configSections: [networksSection, peopleSection],
  services: ({ env }) => ({
    retention: {
      payloadDays: env.RETENTION_PAYLOAD_DAYS,
      conversationDays: env.RETENTION_CONVERSATION_DAYS,
      inactiveMonths: env.RETENTION_INACTIVE_MONTHS,
      auditYears: env.AUDIT_RETENTION_YEARS,
    },
  }),
});
