// Richieste: the requests of support a network makes to ANCI Lombardia (from the check-in's
// «supporto» answer or /richiesta), followed from nuova to svolta or chiusa, and the meetings
// between ANCI and a network (invitations, reminders, the note afterwards).
import incontri from '../../../commands/incontri.js';
import incontro from '../../../commands/incontro.js';
import richiesta from '../../../commands/richiesta.js';
import richieste from '../../../commands/richieste.js';
import incontriNota from '../../../jobs/incontri-nota.js';
import incontriRemind from '../../../jobs/incontri-remind.js';
import { defineCapability } from '../../capability.js';
import { richiesteDigestSections } from './digest.js';
import { richiesteExportDatasets } from './export.js';
import { privateNoticeUndeliverable } from './failures.js';
import { requestsFromCheckin } from './from-checkin.js';
import { meetingFlow, noteFlow } from './chat-meetings.js';
import { PRIVATE_TAG } from './notices.js';
import { requestFlow } from './chat-requests.js';

export const richiesteCapability = defineCapability({
  name: 'richieste',
  commands: [richiesta, richieste, incontro, incontri],
  jobs: [incontriRemind, incontriNota],
  flows: [requestFlow, meetingFlow, noteFlow],
  failureListeners: { [PRIVATE_TAG]: privateNoticeUndeliverable },
  digestSections: richiesteDigestSections,
  exportDatasets: richiesteExportDatasets,
  on: {
    // Each kind of support chosen in a confirmed check-in opens a request (or updates the open one).
    'checkins.submitted': async (tx, submitted, services) => {
      await requestsFromCheckin(tx, submitted, services.platforms.connected());
    },
  },
});
