// The coordinators' digest carries one image: the charts the sections contribute (responses over
// the last weeks, the indicators that moved most), drawn as one PNG by the same chart code as the
// cruscotto. The text digest stays complete for those who do not open images.
import { renderPng } from '../../charts/png.js';
import type { Attachment, OutMessage } from '../../platform/port.js';
import { isEmptyDigest, type Digest } from './model.js';
import { renderDigest } from './render.js';
import { itDigest as t } from './texts.js';

export async function digestImage(d: Digest): Promise<Attachment | undefined> {
  if (d.network || isEmptyDigest(d)) return undefined;
  const charts = d.parts.flatMap((p) => p.section.charts?.(p.data, d.view) ?? []);
  if (!charts.length) return undefined;
  const png = await renderPng(charts, { title: t.imageTitle(d.week) });
  return { filename: `reti-digest-${d.week}.png`, mimeType: 'image/png', base64: png.toString('base64') };
}

/** The digest as a message, with its image when it has one (Telegram: a photo; Slack: a file in the same conversation). */
export async function renderDigestWithImage(d: Digest): Promise<OutMessage> {
  const message = renderDigest(d);
  const image = await digestImage(d);
  return image ? { ...message, attachment: image } : message;
}
