import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { onPostgres, testDatabase } from '../support/db.js';

describe('several replicas starting at once', () => {
  it('apply the migrations once between them and all end up up to date', async () => {
    const first = await testDatabase();
    try {
      // Fresh schema: drop what the template gave us, so the replicas really have work to do.
      await first.prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE');
      await first.prisma.$executeRawUnsafe('CREATE SCHEMA public');
      if (!onPostgres) {
        // One process owns an embedded database: replicas need PostgreSQL. Still, migrating twice is a no-op.
        expect((await first.migrate()).length).toBeGreaterThan(0);
        expect(await first.migrate()).toEqual([]);
        return;
      }
      const url = first.url!;
      const replicas = await Promise.all([1, 2, 3].map(() => openDatabase({ url, poolSize: 2 })));
      const applied = await Promise.all(replicas.map((r) => r.migrate()));
      expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
      expect(await replicas[0]!.prisma.network.count()).toBe(0);
      await Promise.all(replicas.map((r) => r.close()));
    } finally {
      await first.close();
    }
  }, 180_000);
});
