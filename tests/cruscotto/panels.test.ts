// Capabilities that do not exist yet (the network's scheda and maturity profile, requests to ANCI)
// plug into the Rete page through panels and into the filters through facets: a test capability
// contributes both, and the cruscotto shows them — to whom they are meant for, escaped, with charts
// that carry their table — and filters and sorts by the facet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilities } from '../../src/app.js';
import { defineCapability } from '../../src/capability.js';
import { defineNetworkPanel } from '../../src/reports/network-page.js';
import { people } from '../support/app.js';
import { loadCruscottoData } from './data.js';
import { askLink, Client, cruscottoTest, visibleText, type CruscottoTest } from './helpers.js';

const stages: Record<string, { value: string; label: string; rank: number }> = {
  BG01: { value: 'avvio', label: 'Avvio', rank: 1 },
  MI03: { value: 'consolidamento', label: 'Consolidamento', rank: 2 },
};

const maturity = defineCapability({
  name: 'maturita-di-prova',
  networkPanels: [
    defineNetworkPanel({
      id: 'maturita.profilo',
      order: 20,
      async build(tx, view) {
        const network = await tx.network.findUniqueOrThrow({ where: { id: view.network.id } });
        return {
          title: 'Profilo di maturità',
          blocks: [
            { type: 'text', text: `Scheda di ${network.code} <script>x</script>` },
            { type: 'facts', items: [{ label: 'Obiettivo di cambiamento', value: 'Più famiglie ai servizi' }] },
            {
              type: 'chart',
              chart: {
                kind: 'radar',
                title: 'Le sei dimensioni',
                summary: `${network.code}: valutazione 2, cultura di squadra 3.`,
                axes: ['Valutazione', 'Cultura di squadra', 'Ruolo attivo', 'Coinvolgimento', 'Progettazione', 'Governance'].map((name) => ({ name, max: 4 })),
                series: [{ name: network.code, values: [2, 3, 1, 2, 4, 3] }],
              },
            },
          ],
        };
      },
    }),
    defineNetworkPanel({
      id: 'richieste.stati',
      order: 55,
      audience: 'coordinators-and-referents',
      async build() {
        return {
          title: 'Richieste ad ANCI',
          blocks: [{ type: 'table', caption: 'Richieste', columns: ['Richiesta', 'Stato'], rows: [['Formazione', 'presa in carico']] }],
        };
      },
    }),
  ],
  networkFacets: [
    {
      id: 'fase',
      label: 'Fase di maturità',
      order: 10,
      async values(tx) {
        const networks = await tx.network.findMany({ where: { code: { in: Object.keys(stages) } } });
        return networks.map((n) => ({ networkId: n.id, ...stages[n.code]! }));
      },
    },
  ],
});

describe('panels and facets contributed by capabilities', () => {
  let c: CruscottoTest;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    c = await cruscottoTest({ capabilities: [...capabilities, maturity] });
    await loadCruscottoData(c.t.db);
    for (const [name, user] of Object.entries({ luca: people.luca, maria: people.maria, fatou: people.fatou })) {
      as[name] = new Client(c.base);
      await as[name].login(await askLink(c.t, user));
    }
  });
  afterAll(() => c.close());

  it('the Rete page shows the panels in order, escaped, with the chart, its text alternative and its table', async () => {
    const page = await as.maria!.get('/cruscotto/rete/BG01');
    const text = visibleText(page.text);
    expect(page.text).toContain('Scheda di BG01 &lt;script>x&lt;/script>');
    expect(page.text).not.toContain('<script>x');
    expect(text.indexOf('Profilo di maturità')).toBeLessThan(text.indexOf('Risposte settimana per settimana'));
    expect(text.indexOf('Richieste ad ANCI')).toBeGreaterThan(text.indexOf('Supporto richiesto ad ANCI'));
    expect(text.indexOf('Richieste ad ANCI')).toBeLessThan(text.indexOf('Laboratori a cui'));
    expect(text).toContain('BG01: valutazione 2, cultura di squadra 3.');
    expect(page.text).toMatch(/<svg[^>]*>[\s\S]*<\/svg>/);
    expect(text).toMatch(/Valutazione 2 .*Governance 3/);
  });

  it('a panel meant for coordinators and referents is not shown to a member', async () => {
    const text = visibleText((await as.fatou!.get('/cruscotto/rete/BG01')).text);
    expect(text).toContain('Profilo di maturità');
    expect(text).not.toContain('Richieste ad ANCI');
  });

  it('the facet filters and sorts the panoramica', async () => {
    const filtered = visibleText((await as.luca!.get('/cruscotto?f_fase=consolidamento')).text);
    expect(filtered).toMatch(/Reti interpellate 1 /);
    expect(filtered).toContain('MI03');
    expect(filtered).not.toContain('BG01 Rete Bergamo');
    const sorted = (await as.luca!.get('/cruscotto?ordina=facet:fase')).text;
    const order = ['BG01', 'MI03', 'BS02'].map((code) => sorted.indexOf(`/cruscotto/rete/${code}"`));
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);
    expect(visibleText((await as.luca!.get('/cruscotto?f_fase=nessuna')).text)).toContain('Alcuni filtri non erano validi');
  });
});
