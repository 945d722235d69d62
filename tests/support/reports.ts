// The digest and the export data sets of Reti's default capabilities (what createApp builds without
// a `capabilities` option), for tests that build them outside a command or a job.
import { defaultContributions } from '../../src/app.js';
import type { Tx } from '../../src/db/client.js';
import { buildDigest as build, type DigestRequest } from '../../src/capabilities/digests/build.js';
import { dataSets as sets } from '../../src/capabilities/exports/service.js';
import type { ExportQuery } from '../../src/reports/dataset.js';

export { renderDigest } from '../../src/capabilities/digests/render.js';

export const buildDigest = (tx: Tx, req: DigestRequest) => build(tx, defaultContributions.digestSections, req);

export const dataSets = (tx: Tx, q: ExportQuery) => sets(tx, defaultContributions.exportDatasets, q);
