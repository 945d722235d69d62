// The cruscotto in a real browser: Debian's Chromium driven by playwright-core. A coordinator and a
// referent log in by the link the bot sent them in the (memory) chat, visit every page, read the
// numbers of the known data set, run axe-core on each page (no serious or critical violation), check
// each page at 360 px (no sideways scrolling) and leave a screenshot of each in tests/artifacts/.
// The referent is refused another network's page. The coordinator leaves with «Esci» by keyboard.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { people } from '../support/app.js';
import { expected, obstacleBG01 } from './data.js';
import { loadCruscottoData } from './data.js';
import { askLink, cruscottoTest, onServer, type CruscottoTest } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let c: CruscottoTest;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  c = await cruscottoTest();
  await loadCruscottoData(c.t.db);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await c?.close();
});

/** A browser tab logged in by the link the bot sent to `user` (as a person does: open it, press «Entra»). */
async function loggedIn(user: { id: string; name: string }): Promise<{ page: Page; errors: string[] }> {
  const link = onServer(await askLink(c.t, user), c.base);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'it-IT' })).newPage();
  const errors: string[] = [];
  // Errors the page causes (a blocked font, a script error, a missing file); the page's own status is checked apart.
  page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('response', (r) => void (r.status() >= 400 && !r.request().isNavigationRequest() && errors.push(`${r.status()} ${r.url()}`)));
  await page.goto(link);
  await page.getByRole('button', { name: 'Entra' }).click();
  await page.waitForURL(`${c.base}/cruscotto`);
  return { page, errors };
}

/** Visits a page and checks what every page must satisfy; returns the HTTP status. */
async function visit(page: Page, errors: string[], path: string, shot: string): Promise<number> {
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto(`${c.base}/cruscotto${path}`);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
  });
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    `axe on ${path || '/'}`,
  ).toEqual([]);
  await page.screenshot({ path: new URL(`${shot}.png`, ARTIFACTS).pathname, fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `width at 360 px on ${path || '/'}`).toBeLessThanOrEqual(360);
  await page.screenshot({ path: new URL(`${shot}-360.png`, ARTIFACTS).pathname, fullPage: true });
  expect(errors, `console errors on ${path || '/'}`).toEqual([]);
  return response!.status();
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();

describe('the cruscotto in Chromium', () => {
  it('a coordinator sees every network, the numbers of the data set, accessible pages; «Esci» by keyboard ends the session', async () => {
    const { page, errors } = await loggedIn(people.luca);

    expect(await visit(page, errors, '', 'coordinatore-panoramica')).toBe(200);
    // The top of the page, as in the README (docs/cruscotto-panoramica.png is a copy of it).
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: new URL('readme-panoramica.png', ARTIFACTS).pathname, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    const tiles = (await page.locator('.tile').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
    expect(tiles[0]).toContain(`Reti interpellate ${expected.asked}`);
    expect(tiles[1]).toContain(`Risposte in tempo ${expected.onTime}`);
    expect(tiles[2]).toContain(`Risposte in ritardo ${expected.late}`);
    expect(tiles[3]).toContain(`Senza risposta ${expected.silent}`);
    const rows = page.locator('table.heatmap tbody tr');
    expect(await rows.count()).toBe(6);
    const mi03 = rows.filter({ hasText: 'MI03' });
    expect(await mi03.locator('td').last().innerText()).toBe(String(expected.silentMI03));
    expect(await mi03.locator('td').nth(11).innerText()).toContain('nessuna risposta');
    expect(await rows.filter({ hasText: 'BS02' }).locator('td').nth(11).innerText()).toContain('in ritardo');
    expect(await text(page, '#ind-incontri figcaption')).toContain(`totale ${expected.incontriW47} nella settimana 2026-W47`);
    // The chart's numbers are also in its table.
    await page.locator('#risposte summary').click();
    expect(await page.locator('#risposte table tbody tr').last().innerText()).toMatch(/W47\s+2\s+2\s+2/);

    // Sorted by silence, MI03 comes first.
    await page.getByLabel('Ordina per').selectOption('silence');
    await page.getByRole('button', { name: 'Applica' }).click();
    await page.waitForURL(/ordina=silence/);
    expect(await page.locator('table.heatmap tbody tr').first().innerText()).toContain('MI03');

    expect(await visit(page, errors, '/indicatori', 'coordinatore-indicatori')).toBe(200);
    expect(await text(page, '#ind-squadra figcaption')).toContain(`media ${expected.squadraW47} nella settimana 2026-W47`);
    expect(await visit(page, errors, '/indicatori?rete=BG01&periodo=26', 'coordinatore-indicatori-bg01')).toBe(200);
    expect(await text(page, '#ind-incontri figcaption')).toContain('BG01: 12 nella settimana 2026-W47, contro una mediana delle altre reti di 1');

    expect(await visit(page, errors, '/rete/BG01', 'coordinatore-rete-bg01')).toBe(200);
    expect(await text(page, '.obstacles')).toContain(obstacleBG01);
    expect(await visit(page, errors, '/rete/MI03', 'coordinatore-rete-mi03')).toBe(200);

    expect(await visit(page, errors, '/laboratori', 'coordinatore-laboratori')).toBe(200);
    const coming = page.locator('tr:visible', { hasText: 'Mediazione linguistica nei servizi' }).first();
    expect(await coming.innerText()).toMatch(/3 su 3\s+1/);
    expect(await page.locator('body').innerText()).toContain('Salute e territorio a Sesto');

    expect(await visit(page, errors, '/legami', 'coordinatore-legami')).toBe(200);
    expect((await page.locator('.tile').first().innerText()).replace(/\s+/g, ' ')).toContain('Presentazioni (12 settimane) 4');
    expect(await page.locator('body').innerText()).toContain('MI03');

    expect(await visit(page, errors, '/esporta', 'coordinatore-esporta')).toBe(200);
    const download = page.waitForEvent('download');
    await page.locator('label[for=e-csv]').click(); // Bootstrap Italia draws the radio on its label
    await page.getByRole('button', { name: 'Scarica' }).click();
    expect((await download).suggestedFilename()).toMatch(/^reti-2025-W49_2026-W48-risposte\.csv$/);

    // By keyboard: the skip link comes first, then «Esci» can be reached and pressed.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${c.base}/cruscotto`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vai al contenuto principale');
    let onLogout = false;
    for (let i = 0; i < 8 && !onLogout; i++) {
      await page.keyboard.press('Tab');
      onLogout = (await page.evaluate(() => document.activeElement?.textContent)) === 'Esci';
    }
    expect(onLogout).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${c.base}/cruscotto/esci`);
    expect(await page.locator('h1').innerText()).toBe('Sessione chiusa');
    const again = await page.goto(`${c.base}/cruscotto`);
    expect(again!.status()).toBe(401);
  }, 240_000);

  it('a referent sees their own network, is refused another network with a 403 page in Italian', async () => {
    const { page, errors } = await loggedIn(people.maria);

    expect(await visit(page, errors, '', 'referente-panoramica')).toBe(200);
    const rows = await page.locator('table.heatmap tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('BG01');

    expect(await visit(page, errors, '/indicatori', 'referente-indicatori')).toBe(200);
    expect(await visit(page, errors, '/rete/BG01', 'referente-rete-bg01')).toBe(200);
    expect(await text(page, '.obstacles')).toContain(obstacleBG01);

    expect(await visit(page, errors, '/rete/BS02', 'referente-rete-bs02-rifiutata')).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Accesso non consentito');
    const body = await page.locator('main').innerText();
    expect(body).toContain('solo le reti di cui fanno parte');
    expect(body).not.toContain('Poca partecipazione');

    expect(await visit(page, errors, '/laboratori', 'referente-laboratori')).toBe(200);
    const labs = await page.locator('main').innerText();
    expect(labs).toContain('Mediazione linguistica nei servizi');
    expect(labs).not.toContain('Salute e territorio a Sesto');

    expect(await visit(page, errors, '/legami', 'referente-legami')).toBe(200);
    expect(await page.locator('main').innerText()).not.toContain('MI03');
    expect(await visit(page, errors, '/esporta', 'referente-esporta')).toBe(200);
  }, 240_000);
});
