// Digests: the coordinators' weekly digest and each network's own, built from the sections the
// listed capabilities contribute; /digest on demand.
import digest from '../../../commands/digest.js';
import digestCoordinators from '../../../jobs/digest-coordinators.js';
import digestNetworks from '../../../jobs/digest-networks.js';
import { defineCapability } from '../../capability.js';
import { createDigests, type Digests } from './service.js';

declare module '../../services.js' {
  interface Services {
    /** Digests built from the listed capabilities' sections. */
    digests: Digests;
  }
}

export const digestsCapability = defineCapability({
  name: 'digests',
  commands: [digest],
  jobs: [digestCoordinators, digestNetworks],
  services: ({ contributions }) => ({ digests: createDigests(contributions.digestSections) }),
});
