// Privacy: the notice (art. 13) with /privacy and at a person's first private contact, /imieidati
// (art. 15), and the erasure from the command line (art. 17; in chat: /rete cancella). Access rules
// live in the kernel's policy (src/bus/policy.ts); the README's "Dati personali" has the table.
import imieidati from '../../../commands/imieidati.js';
import privacy from '../../../commands/privacy.js';
import registro from '../../../commands/registro.js';
import { defineCapability } from '../../capability.js';
import { enqueue } from '../../outbox/enqueue.js';
import { registerPrivacyCli } from './cli.js';
import { itPrivacy, type NoticeSettings } from './texts.js';

export interface PrivacyService {
  notice: NoticeSettings;
}

declare module '../../services.js' {
  interface Services {
    privacy: PrivacyService;
  }
}

export const privacyCapability = defineCapability({
  name: 'privacy',
  commands: [privacy, imieidati, registro],
  cli: registerPrivacyCli,
  services: ({ env }) => ({
    privacy: {
      notice: { titolare: env.PRIVACY_TITOLARE, contatto: env.PRIVACY_CONTATTO, url: env.PRIVACY_URL, atFirstContact: env.PRIVACY_NOTICE_AT_FIRST_CONTACT },
    },
  }),
  on: {
    async 'people.firstPrivateContact'(tx, { personId, address }, services) {
      if (!services.privacy.notice.atFirstContact) return;
      await enqueue(tx, {
        delivery: { op: 'send', to: address, message: { text: itPrivacy.notice(services.privacy.notice) } },
        dedupeKey: `privacy-notice:${address.platform}:${address.chatId}:${personId}`,
      });
    },
  },
});
