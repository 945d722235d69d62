import { describe, expect, it } from 'vitest';
import { simulate } from '../../scripts/simulate.js';

describe('npm run simulate (minimal form)', () => {
  it('three weeks across the end of summer time: prompts, reminders and digests as the oracle says', { timeout: 300_000 }, async () => {
    // Summer time ends on Sunday 25 October 2026: the third week's prompts are at 09:00 CET, 08:00 UTC.
    const r = await simulate({ networks: 3, weeks: 3, seed: 11, start: '2026-10-12' });
    expect(r.violations).toEqual([]);
    expect(r.prompts).toBe(9);
    expect(r.digests).toBeGreaterThanOrEqual(3);
    expect(r.answers).toBeGreaterThan(0);
  });
});
