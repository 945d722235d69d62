import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/client.js';
import { ConfigImportError } from '../../src/config-import/import.js';
import { importConfiguration } from '../../src/configuration.js';
import { fixture } from '../support/app.js';
import { testDatabase } from '../support/db.js';

const clock = new ManualClock('2026-11-23T08:00:00Z');

// partners[].contact_person: a person of `people` who is the partner's contact, so introductions reach them.
describe('YAML: a partner’s contact person', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('links the partner to the person named, and changes nothing on a second import', async () => {
    await importConfiguration(db.prisma, clock, fixture('legami.yaml'));
    const partner = await db.prisma.partner.findFirstOrThrow({ where: { name: 'Cooperativa Sole' }, include: { contactPerson: true } });
    expect(partner.contactPerson?.name).toBe('Elena Sala');
    const stats = await importConfiguration(db.prisma, clock, fixture('legami.yaml'));
    expect(stats.partners).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const unlinked = fixture('legami.yaml').replace(', contact_person: Elena Sala', '');
    expect((await importConfiguration(db.prisma, clock, unlinked)).partners).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await db.prisma.partner.findFirstOrThrow({ where: { name: 'Cooperativa Sole' } })).contactPersonId).toBeNull();
  });

  it('refuses a contact person nobody is called, naming the line', async () => {
    const yaml = fixture('legami.yaml').replace('contact_person: Elena Sala', 'contact_person: Elena Salvi');
    const err = await importConfiguration(db.prisma, clock, yaml).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigImportError);
    expect((err as Error).message).toMatch(/partners\[0\]\.contact_person \(riga 43\): persona sconosciuta Elena Salvi: dichiarala in people/);
  });
});
