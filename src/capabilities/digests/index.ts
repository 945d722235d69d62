// Digests: the coordinators' weekly digest and each network's own, built from the sections the
// listed capabilities contribute; /digest on demand.
import digest from '../../../commands/digest.js';
import digestCoordinators from '../../../jobs/digest-coordinators.js';
import digestNetworks from '../../../jobs/digest-networks.js';
import { defineCapability } from '../../capability.js';

export const digestsCapability = defineCapability({
  name: 'digests',
  commands: [digest],
  jobs: [digestCoordinators, digestNetworks],
});
