// Legami: the partner directory, introductions between people of different networks, follow-ups,
// and the library of good practices.
import buonapratica from '../../../commands/buonapratica.js';
import buonepratiche from '../../../commands/buonepratiche.js';
import legami from '../../../commands/legami.js';
import partner from '../../../commands/partner.js';
import legamiFollowup from '../../../jobs/legami-followup.js';
import legamiIntro from '../../../jobs/legami-intro.js';
import { defineCapability } from '../../capability.js';
import { legamiDigestSections } from './digest.js';
import { legamiFlows } from './flows.js';
import { introFailureListener } from './intro-messages.js';
import { partnersSection } from './partners-config-section.js';
import { proposeFromCheckin } from './practices.js';
import { createLegamiService, type LegamiService } from './settings.js';

declare module '../../services.js' {
  interface Services {
    /** Legami: introduction settings and where support requests come from. */
    legami: LegamiService;
  }
}

export const legamiCapability = defineCapability({
  name: 'legami',
  commands: [partner, legami, buonapratica, buonepratiche],
  jobs: [legamiIntro, legamiFollowup],
  flows: legamiFlows,
  configSections: [partnersSection],
  failureListeners: { 'legami.intro': introFailureListener },
  digestSections: legamiDigestSections,
  services: ({ env, logger }) => ({ legami: createLegamiService(env, logger) }),
  on: {
    // A good practice written in a check-in becomes a proposal for the coordinators.
    'checkins.goodPractice': async (tx, p) => {
      await proposeFromCheckin(tx, { networkId: p.networkId, personId: p.personId, text: p.text, period: p.period });
    },
  },
});
