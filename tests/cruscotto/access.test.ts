// Reaching the cruscotto: the personal link the bot sends (single use, 15 minutes, forged links
// refused), the session it opens (12 hours, ended by «Esci»), the CSRF token every POST carries,
// and who may see what (403 for another network, obstacles for coordinators and referents only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../support/app.js';
import { loadCruscottoData, obstacleBG01, obstacleBS02 } from './data.js';
import { askLink, Client, cruscottoTest, hidden, onServer, visibleText, type CruscottoTest } from './helpers.js';

const MINUTE = 60_000;

describe('the personal link', () => {
  let c: CruscottoTest;
  beforeAll(async () => {
    c = await cruscottoTest();
    await loadCruscottoData(c.t.db);
  });
  afterAll(() => c.close());

  it('is sent privately, even when asked in a group, and says how long it lasts', async () => {
    const group = c.t.telegram.group('-1001000000001');
    await c.t.telegram.command(people.maria, group, 'dashboard');
    await c.t.deliver();
    expect(c.t.telegram.lastText(group)).toBe('Ti ho mandato il link al cruscotto in privato.');
    const text = c.t.telegram.lastText(people.maria.id);
    expect(text).toMatch(/^Ecco il tuo link personale al cruscotto: apri il cruscotto \(http:\/\/localhost:3000\/cruscotto\/accesso\/[A-Za-z0-9_-]{43}\)/);
    expect(text).toContain('Vale 15 minuti e una sola volta');
    // Only the token's hash is stored: the table cannot be turned back into links.
    const token = /accesso\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
    const rows = await c.t.db.prisma.cruscottoLink.findMany();
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
    expect(rows.at(-1)!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens a session once: the link is not used up by opening it (link previews), but by «Entra»; a second use is refused', async () => {
    const link = await askLink(c.t, people.luca);
    const preview = new Client(c.base);
    expect((await preview.get(onServer(link, c.base))).status).toBe(200);
    const browser = new Client(c.base);
    const entered = await browser.login(link);
    expect(entered.status).toBe(303);
    expect(entered.headers.get('location')).toBe('/cruscotto');
    const cookie = entered.headers.getSetCookie().find((l) => l.startsWith('reti_cruscotto='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await browser.get('/cruscotto')).status).toBe(200);

    const again = await new Client(c.base).login(link);
    expect(again.status).toBe(410);
    expect(visibleText(again.text)).toContain('Questo link è già stato usato: vale una sola volta.');
    // Pressing «Entra» on a page opened before the link was used does not open a second session either.
    const stale = await preview.post('/cruscotto/accesso', {
      token: /accesso\/([^"?]+)/.exec(link)![1]!,
      _csrf: preview.cookies.get('reti_cruscotto_accesso')!,
    });
    expect(stale.status).toBe(410);
    expect(await c.t.db.prisma.cruscottoSession.count({ where: { person: { name: 'Luca Bianchi' } } })).toBe(1);
  });

  it('expires after 15 minutes', async () => {
    const link = await askLink(c.t, people.francesca);
    c.t.clock.advance(15 * MINUTE + 1000);
    try {
      const page = await new Client(c.base).get(onServer(link, c.base));
      expect(page.status).toBe(410);
      expect(visibleText(page.text)).toContain('Questo link è scaduto: vale 15 minuti.');
      const post = await new Client(c.base).login(link);
      expect(post.status).toBe(410);
    } finally {
      c.t.clock.advance(-(15 * MINUTE + 1000));
    }
  });

  it('refuses a forged or altered link, and a session cookie that was never issued', async () => {
    const link = onServer(await askLink(c.t, people.ahmed), c.base);
    const last = link.at(-1) === 'A' ? 'B' : 'A';
    for (const forged of [`${link.slice(0, -1)}${last}`, `${c.base}/cruscotto/accesso/abc`, `${c.base}/cruscotto/accesso/${'A'.repeat(43)}`]) {
      const page = await new Client(c.base).get(forged);
      expect(page.status).toBe(404);
      expect(visibleText(page.text)).toContain('Questo link non è valido.');
    }
    const intruder = new Client(c.base);
    intruder.cookies.set('reti_cruscotto', 'A'.repeat(43));
    const page = await intruder.get('/cruscotto');
    expect(page.status).toBe(401);
    expect(visibleText(page.text)).toContain('serve il tuo link personale: scrivi /cruscotto al bot');
    // The genuine link still works: nothing above used it up.
    expect((await new Client(c.base).login(link)).status).toBe(303);
  });

  it('refuses «Entra» from a page the browser did not open (login CSRF)', async () => {
    const link = onServer(await askLink(c.t, people.maria), c.base);
    const victim = new Client(c.base);
    const res = await victim.post('/cruscotto/accesso', { token: /accesso\/([^"?]+)/.exec(link)![1]!, _csrf: 'x'.repeat(43) });
    expect(res.status).toBe(403);
    expect(visibleText(res.text)).toContain('Il modulo non è più valido');
    expect((await new Client(c.base).login(link)).status).toBe(303);
  });

  it('answers someone in no network only how to be added, without a link', async () => {
    const stranger = { id: '100000099', name: 'Nuova Persona' };
    await c.t.telegram.command(stranger, c.t.telegram.privateChat(stranger), 'cruscotto');
    await c.t.deliver();
    expect(c.t.telegram.lastText(stranger.id)).toContain('Reti è il servizio di ANCI Lombardia per le reti territoriali');
    expect(c.t.telegram.lastText(stranger.id)).not.toContain('/cruscotto/accesso/');
  });
});

describe('the session', () => {
  let c: CruscottoTest;
  beforeAll(async () => {
    c = await cruscottoTest();
    await loadCruscottoData(c.t.db);
  });
  afterAll(() => c.close());

  it('ends with «Esci»: the cookie no longer opens anything, even if kept', async () => {
    const browser = new Client(c.base);
    await browser.login(await askLink(c.t, people.luca));
    const kept = browser.cookies.get('reti_cruscotto')!;
    const page = await browser.get('/cruscotto');
    const out = await browser.post('/cruscotto/esci', { _csrf: hidden(page.text, '_csrf') });
    expect(out.status).toBe(200);
    expect(visibleText(out.text)).toContain('La sessione del cruscotto è chiusa.');
    expect(browser.cookies.has('reti_cruscotto')).toBe(false);
    const replay = new Client(c.base);
    replay.cookies.set('reti_cruscotto', kept);
    expect((await replay.get('/cruscotto')).status).toBe(401);
  });

  it('lasts 12 hours', async () => {
    const browser = new Client(c.base);
    await browser.login(await askLink(c.t, people.luca));
    c.t.clock.advance(11 * 60 * MINUTE);
    expect((await browser.get('/cruscotto/laboratori')).status).toBe(200);
    c.t.clock.advance(60 * MINUTE + 1000);
    try {
      expect((await browser.get('/cruscotto/laboratori')).status).toBe(401);
    } finally {
      c.t.clock.advance(-(12 * 60 * MINUTE + 1000));
    }
  });

  it('refuses a POST without the form token (CSRF), and the session goes on', async () => {
    const browser = new Client(c.base);
    await browser.login(await askLink(c.t, people.luca));
    for (const form of [{}, { _csrf: 'A'.repeat(43) }] as Record<string, string>[]) {
      const res = await browser.post('/cruscotto/esci', form);
      expect(res.status).toBe(403);
      expect(visibleText(res.text)).toContain('Il modulo non è più valido');
    }
    expect((await browser.get('/cruscotto')).status).toBe(200);
  });

  it('marks the cookie Secure when PUBLIC_URL is https, and links use PUBLIC_URL', async () => {
    const s = await cruscottoTest({ env: { PUBLIC_URL: 'https://reti.example.org/' } });
    try {
      const link = await askLink(s.t, people.luca);
      expect(link).toMatch(/^https:\/\/reti\.example\.org\/cruscotto\/accesso\/[A-Za-z0-9_-]{43}$/);
      const res = await new Client(s.base).login(link);
      expect(res.headers.getSetCookie().find((l) => l.startsWith('reti_cruscotto='))).toMatch(/; Secure/);
    } finally {
      await s.close();
    }
  });
});

describe('who sees what', () => {
  let c: CruscottoTest;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    c = await cruscottoTest();
    await loadCruscottoData(c.t.db);
    for (const [name, user] of Object.entries({ luca: people.luca, maria: people.maria, fatou: people.fatou })) {
      as[name] = new Client(c.base);
      await as[name].login(await askLink(c.t, user));
    }
  });
  afterAll(() => c.close());

  it('a referent gets 403 with an Italian page, and no data, for another network — existing or not', async () => {
    for (const code of ['BS02', 'NOPE']) {
      const res = await as.maria!.get(`/cruscotto/rete/${code}`);
      expect(res.status).toBe(403);
      const text = visibleText(res.text);
      expect(text).toContain('Accesso non consentito');
      expect(text).not.toContain(obstacleBS02);
      expect(text).not.toContain('Valle Camonica');
    }
    expect((await as.luca!.get('/cruscotto/rete/NOPE')).status).toBe(404);
  });

  it('obstacles are for coordinators and the network’s referents, not its members; shown literally', async () => {
    const referent = await as.maria!.get('/cruscotto/rete/BG01');
    expect(referent.text).toContain('Orari &lt;b>scuole&lt;/b> &amp; trasporti');
    expect(referent.text).not.toContain('<b>scuole</b>');
    expect(visibleText(referent.text)).toContain(obstacleBG01);
    expect(visibleText((await as.luca!.get('/cruscotto/rete/BS02')).text)).toContain(obstacleBS02);
    const member = visibleText((await as.fatou!.get('/cruscotto/rete/BG01')).text);
    expect(member).not.toContain(obstacleBG01);
    expect(member).toContain('Gli ostacoli scritti dalla rete sono visibili al coordinamento e ai referenti della rete.');
    expect(member).toContain('Corso di italiano per mamme');
    expect(member).not.toContain('Bozza: doposcuola condiviso');
  });

  it('a member may not export; a referent exports only their own network', async () => {
    expect((await as.fatou!.get('/cruscotto/esporta')).status).toBe(403);
    const other = await as.maria!.get('/cruscotto/esporta/file?dal=2026-W36&al=2026-W47&rete=BS02&formato=csv&dati=risposte');
    expect(other.status).toBe(400);
    expect(visibleText(other.text)).toContain('Nessuna delle reti che puoi esportare ha codice «BS02».');
    const own = await as.maria!.get('/cruscotto/esporta/file?dal=2026-W36&al=2026-W47&rete=BG01&formato=csv&dati=risposte');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain('reti-2026-W36_2026-W47-BG01-risposte.csv');
    const lines = own.text.trim().split('\n');
    expect(lines.slice(1).every((l) => l.startsWith('BG01,'))).toBe(true);
    expect(own.text).toContain('Orari <b>scuole</b> & trasporti');
  });

  it('the panoramica of a referent counts only their networks', async () => {
    const text = visibleText((await as.maria!.get('/cruscotto')).text);
    expect(text).toMatch(/Reti interpellate 1 /);
    expect(text).not.toContain('MI03');
  });
});
