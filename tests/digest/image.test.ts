// The coordinators' digest carries one image beside its complete text: the responses of the last
// 8 weeks and the two indicators that moved most, drawn as a PNG by the cruscotto's chart code.
// Network digests carry none. (Telegram sends an image as a photo: tests/platform/telegram-delivery.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestImage } from '../../src/capabilities/digests/image.js';
import { people, testApp, type TestApp } from '../support/app.js';
import { loadKnownData } from './fixture.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the digest image', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await loadKnownData(t.db);
  });
  afterAll(() => t.close());

  it('shows the responses of 8 weeks and the two indicators that moved most, each with its words', async () => {
    const digest = await t.app.services.digests.build(t.db.prisma, { week: '2026-W47', now: t.clock.now() });
    const charts = digest.parts.flatMap((p) => p.section.charts?.(p.data, digest.view) ?? []);
    // cittadini 22 against a mean of 65.9 before (−67%), incontri 7 against 9.1 (−23%), squadra 4.0 against 3.5 (+14%).
    expect(charts.map((c) => c.title)).toEqual(['Risposte al check-in, ultime 8 settimane', 'Cittadini (totale)', 'Incontri (totale)']);
    expect(charts[0]!.summary).toBe('Nella settimana 2026-W47 hanno risposto 3 reti su 6; nella 2026-W40 5 su 6.');
    expect(charts[1]!.summary).toBe('cittadini: totale 22 questa settimana, contro una media di 65,9 nelle 7 settimane prima.');
    expect(charts[0]!.kind === 'bar' && charts[0]!.series.map((s) => s.values.at(-1))).toEqual([1, 2, 3]);
  });

  it('goes with the coordinators’ weekly digest and /digest, as one PNG; the text stays whole', async () => {
    await t.app.jobs.run('digest-coordinators');
    await t.deliver();
    const sent = t.telegram.sent.filter((m) => m.chatId === people.luca.id);
    const withImage = sent.filter((m) => m.message.attachment);
    expect(withImage).toHaveLength(1);
    const image = withImage[0]!.message.attachment!;
    expect(image).toMatchObject({ filename: 'reti-digest-2026-W47.png', mimeType: 'image/png' });
    const png = Buffer.from(image.base64, 'base64');
    expect(png.subarray(0, 8).equals(PNG)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(720); // IHDR width
    expect(sent.map((m) => m.message.text).join('\n')).toContain('Digest settimanale');
    expect(t.telegram.texts(people.luca.id).join('\n')).toContain('Hanno risposto 3 reti su 6: 1 in tempo, 2 in ritardo.');

    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'digest', '2026-W47');
    await t.deliver();
    expect(t.telegram.last(people.luca.id)!.message.attachment?.filename).toBe('reti-digest-2026-W47.png');
  });

  it('is not part of a network’s own digest', async () => {
    const network = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' } });
    const digest = await t.app.services.digests.build(t.db.prisma, { week: '2026-W47', now: t.clock.now(), network });
    expect(await digestImage(digest)).toBeUndefined();
  });
});
