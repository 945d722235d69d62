// The digests as a service: built from the sections the listed capabilities contribute (given once,
// when the service is built), for /digest and the two Monday jobs.
import type { Db, Tx } from '../../db/client.js';
import type { DigestSection } from '../../reports/digest-section.js';
import { buildDigest, type DigestRequest } from './build.js';
import type { Digest } from './model.js';
import { sendCoordinatorDigests, sendNetworkDigests, type SendResult } from './send.js';

export interface Digests {
  build(tx: Tx, req: DigestRequest): Promise<Digest>;
  /** The coordinators' digest of `week`, privately to each coordinator on each platform. */
  sendToCoordinators(db: Db, now: Date, week: string, platforms: string[]): Promise<SendResult>;
  /** Each active network's own digest of `week`, into its channels on those platforms. */
  sendToNetworks(db: Db, now: Date, week: string, platforms: string[]): Promise<SendResult & { empty: number }>;
}

export function createDigests(sections: DigestSection<any>[]): Digests {
  return {
    build: (tx, req) => buildDigest(tx, sections, req),
    sendToCoordinators: (db, now, week, platforms) => sendCoordinatorDigests(db, sections, now, week, platforms),
    sendToNetworks: (db, now, week, platforms) => sendNetworkDigests(db, sections, now, week, platforms),
  };
}
