// The network digest, read by everyone in the network's channels, leaves out the written answers
// (obstacles) unless the referent chose in the check-in's summary to share them; coordinators
// always read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAll, person } from '../checkins/driver.js';
import { loadKnownData, obstacleBG01 } from '../digest/fixture.js';
import { groups, testApp, type TestApp } from '../support/app.js';

const chiara = { id: '100000005', name: 'Chiara Fontana' }; // referente CR04
const plain = (s: string) => s.replace(/\u200b/g, '').replace(/[*_]/g, '');
const OBSTACLE_WORDS = 'Trasporti urgenti sempre in ritardo';

describe('written answers and the network digest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await loadKnownData(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks in the summary whether to share the written answers, no by default, and stores the choice', async () => {
    await t.app.jobs.run('checkin-open');
    await t.deliver();
    const c = person(t, 'telegram', chiara);
    await c.press('Inizia');
    const summary = await answerAll(c, (a, e) => expect(a).toContain(e));
    expect(summary).toContain('🔒 Le risposte scritte (per esempio gli ostacoli) restano riservate ai coordinatori');
    expect(c.buttons()).toContain('Condividi le risposte scritte con la rete');
    const shared = await c.press('Condividi le risposte scritte con la rete');
    expect(shared).toContain('👥 Le risposte scritte compariranno anche nel riepilogo settimanale della rete');
    expect(c.buttons()).toContain('Non condividere le risposte scritte');
    await c.press('Conferma');
    const cr04 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'CR04' } });
    const submission = await t.db.prisma.checkinSubmission.findFirstOrThrow({ where: { networkId: cr04.id, period: '2026-W48' } });
    expect(submission.shareText).toBe(true);
  });

  it('keeps the obstacles out of the network’s channels unless shared, and in the coordinators’ digest', async () => {
    await t.app.jobs.run('digest-networks');
    await t.app.jobs.run('digest-coordinators');
    await t.deliver();
    const channel = plain(t.telegram.texts(groups.BG01).join('\n'));
    expect(channel).toContain('Digest di BG01');
    expect(channel).not.toContain(OBSTACLE_WORDS);
    expect(plain(t.slack.texts(groups.slackBG01).join('\n'))).not.toContain(OBSTACLE_WORDS);
    const coordinators = plain(t.telegram.texts('100000001').join('\n'));
    expect(coordinators).toContain(OBSTACLE_WORDS);
    expect(obstacleBG01).toContain('Trasporti');

    // BG01's referent had chosen to share: the network's digest shows them.
    const bg01 = await t.db.prisma.network.findUniqueOrThrow({ where: { code: 'BG01' } });
    await t.db.prisma.checkinSubmission.updateMany({ where: { networkId: bg01.id, period: '2026-W47' }, data: { shareText: true } });
    await t.db.prisma.outboxMessage.deleteMany({ where: { chatId: { in: [groups.BG01, groups.slackBG01] } } });
    t.telegram.clear();
    await t.app.jobs.run('digest-networks');
    await t.deliver();
    expect(plain(t.telegram.texts(groups.BG01).join('\n'))).toContain(OBSTACLE_WORDS);
  });
});
