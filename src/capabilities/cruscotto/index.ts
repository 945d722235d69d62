// The cruscotto: a web dashboard for coordinators and networks, reached by a personal single-use
// link the bot sends (/cruscotto). Pages in Bootstrap Italia, charts drawn by ECharts on the
// server; the Rete page shows the panels other capabilities contribute (src/reports/network-page.ts).
import cruscotto from '../../../commands/cruscotto.js';
import cruscottoCleanup from '../../../jobs/cruscotto-cleanup.js';
import { defineCapability } from '../../capability.js';
import { publicUrl } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { createLink } from './links.js';
import { cruscottoRouter } from './web/router.js';

export interface CruscottoService {
  /** A new personal link for the person (its URL); only its hash is stored. */
  newLink(tx: Tx, personId: number, now: Date): Promise<string>;
}

declare module '../../services.js' {
  interface Services {
    /** The web dashboard's links. */
    cruscotto: CruscottoService;
  }
}

export const cruscottoCapability = defineCapability({
  name: 'cruscotto',
  commands: [cruscotto],
  jobs: [cruscottoCleanup],
  services: ({ env }) => ({
    cruscotto: {
      async newLink(tx, personId, now) {
        const { token } = await createLink(tx, personId, now);
        return `${publicUrl(env)}/cruscotto/accesso/${token}`;
      },
    },
  }),
  http: (deps) => cruscottoRouter(deps),
});
