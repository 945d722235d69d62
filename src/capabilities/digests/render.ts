// A Digest → one platform-neutral message: the title, then each section's header, lines and notes
// in order (each section renders itself, src/reports/digest-section.ts). Long digests are split per
// platform by the outbox (src/platform/split.ts) at block and line boundaries.
import type { Block, OutMessage } from '../../platform/port.js';
import { isEmptyDigest, type Digest } from './model.js';
import { itDigest as t } from './texts.js';

export function renderDigest(d: Digest): OutMessage {
  const title = d.network ? t.networkTitle(d.network.code, d.week) : t.title(d.week);
  if (isEmptyDigest(d)) return { text: d.network ? t.emptyNetwork(d.network.code, d.week) : t.empty(d.week) };
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t.generated(d.week, d.generatedAt) },
    ...d.parts.flatMap((p) => p.section.render(p.data, d.view)),
  ];
  return { text: title, blocks };
}
