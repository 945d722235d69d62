// The cruscotto's HTTP routes (Express 5), mounted by src/app.ts from this capability's `http`
// contribution: Bootstrap Italia's files straight from its npm package, the access by personal link,
// the session (a cookie whose token's hash is in the database), the CSRF check on every POST, the
// pages, and Italian error pages (401 without a session, 403 for another network, 404, 500).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { WebDeps } from '../../../capability.js';
import { publicUrl } from '../../../config.js';
import { loadUser } from '../access.js';
import { consumeLink, endSession, findSession, inspectLink, newToken, openSession } from '../links.js';
import { BASE, type PageContext } from '../pages/context.js';
import { accessPage, linkRefusedPage, messagePage } from '../pages/access.js';
import { esportaFile, esportaPage } from '../pages/esporta.js';
import { indicatoriPage } from '../pages/indicatori.js';
import { laboratoriPage } from '../pages/laboratori.js';
import { legamiPage } from '../pages/legami.js';
import { panoramicaPage } from '../pages/panoramica.js';
import { retePage, reteRedirect } from '../pages/rete.js';
import { itCruscotto as t } from '../texts.js';
import { WebError } from './errors.js';
import { type Installed, type PageRequest } from './request.js';
import { ACCESS_COOKIE, SESSION_COOKIE, clearCookie, pageHeaders, readCookies, sameToken, setCookie } from './security.js';

const biDist = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('bootstrap-italia'))), '..');
const appPublic = fileURLToPath(new URL('../public/', import.meta.url));

type Handler = (req: PageRequest) => Promise<string | { file: true }>;

export function cruscottoRouter(deps: WebDeps): Router {
  const router = express.Router();
  const secure = publicUrl(deps.env).startsWith('https:');
  const names = new Set(deps.contributions.capabilities.map((c) => c.name));
  const installed: Installed = { checkins: names.has('checkins'), labs: names.has('labs'), legami: names.has('legami'), exports: names.has('exports') };
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const now = () => deps.clock.now();

  const statics = { index: false, fallthrough: false, maxAge: '7d' } as const;
  router.use(`${BASE}/static/bi`, express.static(biDist, statics));
  router.use(`${BASE}/static/app`, express.static(appPublic, statics));
  router.get('/dashboard', (_req, res) => res.redirect(302, BASE));

  // The link from the chat: a page that asks to confirm, so that a link preview (Slack, Telegram, a
  // mail scanner) fetching the URL does not use up the single-use link.
  router.get(`${BASE}/accesso/:token`, async (req, res) => {
    pageHeaders(res);
    const state = await inspectLink(deps.db, req.params.token, now());
    if (!state.ok)
      return void res
        .status(state.reason === 'unknown' ? 404 : 410)
        .type('html')
        .send(linkRefusedPage(state.reason));
    const user = await loadUser(deps.db, state.personId);
    const guard = newToken();
    setCookie(res, ACCESS_COOKIE, guard, { secure });
    res.type('html').send(accessPage(user?.name ?? '', req.params.token, guard));
  });

  router.post(`${BASE}/accesso`, form, async (req, res) => {
    pageHeaders(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const guard = readCookies(req)[ACCESS_COOKIE];
    if (!guard || !sameToken(body._csrf, guard))
      return void res
        .status(403)
        .type('html')
        .send(messagePage(null, t.access.formExpiredTitle, t.access.formExpired));
    const token = typeof body.token === 'string' ? body.token : '';
    const at = now();
    const session = await deps.db.$transaction(async (tx) => {
      const link = await consumeLink(tx, token, at);
      return link.ok ? openSession(tx, link, at) : link;
    });
    if (!('token' in session))
      return void res
        .status(session.reason === 'unknown' ? 404 : 410)
        .type('html')
        .send(linkRefusedPage(session.reason));
    clearCookie(res, ACCESS_COOKIE, secure);
    setCookie(res, SESSION_COOKIE, session.token, { secure, maxAgeMs: session.expiresAt.getTime() - at.getTime() });
    res.redirect(303, BASE);
  });

  // Everything else needs a live session.
  router.use(BASE, async (req, res, next) => {
    pageHeaders(res);
    const at = now();
    const session = await findSession(deps.db, readCookies(req)[SESSION_COOKIE], at);
    const user = session && (await loadUser(deps.db, session.personId));
    if (!session || !user)
      return void res
        .status(401)
        .type('html')
        .send(messagePage(null, t.access.needLinkTitle, t.access.needLink));
    const ctx: PageContext = { user, csrf: session.csrfToken, path: `${BASE}${req.path === '/' ? '' : req.path}`, now: at };
    res.locals.ctx = ctx;
    res.locals.sessionId = session.id;
    next();
  });

  // Every POST carries the session's form token.
  router.post(`${BASE}/*path`, form, (req, res, next) => {
    const ctx = res.locals.ctx as PageContext;
    if (!sameToken((req.body as Record<string, unknown> | undefined)?._csrf, ctx.csrf))
      return void res
        .status(403)
        .type('html')
        .send(messagePage(ctx, t.access.formExpiredTitle, t.access.formExpired));
    next();
  });

  router.post(`${BASE}/esci`, async (_req, res) => {
    await endSession(deps.db, res.locals.sessionId as number, now());
    clearCookie(res, SESSION_COOKIE, secure);
    res.type('html').send(messagePage(null, t.access.loggedOutTitle, t.access.loggedOut));
  });

  const page =
    (handler: Handler, needs?: keyof Installed) =>
    async (req: Request, res: Response): Promise<void> => {
      if (needs && !installed[needs]) throw new WebError(404, t.errors.notFoundTitle, t.errors.notFound);
      const result = await handler({
        db: deps.db,
        ctx: res.locals.ctx as PageContext,
        query: req.query as Record<string, unknown>,
        params: req.params as Record<string, string>,
        installed,
        facets: deps.contributions.networkFacets,
        panels: deps.contributions.networkPanels,
        exportDatasets: deps.contributions.exportDatasets,
        res,
      });
      if (typeof result === 'string') res.type('html').send(result);
    };

  router.get(BASE, page(panoramicaPage, 'checkins'));
  router.get(`${BASE}/indicatori`, page(indicatoriPage, 'checkins'));
  router.get(`${BASE}/rete`, page(reteRedirect));
  router.get(`${BASE}/rete/:code`, page(retePage));
  router.get(`${BASE}/laboratori`, page(laboratoriPage, 'labs'));
  router.get(`${BASE}/legami`, page(legamiPage, 'legami'));
  router.get(`${BASE}/esporta`, page(esportaPage, 'exports'));
  router.get(`${BASE}/esporta/file`, page(esportaFile, 'exports'));

  router.use(BASE, () => {
    throw new WebError(404, t.errors.notFoundTitle, t.errors.notFound);
  });

  router.use(BASE, (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    pageHeaders(res);
    const ctx = (res.locals.ctx as PageContext | undefined) ?? null;
    if (err instanceof WebError)
      return void res
        .status(err.status)
        .type('html')
        .send(messagePage(ctx, err.title, err.message));
    const status = (err as { status?: number }).status;
    if (status === 404) return void res.status(404).type('text').send(t.errors.notFound);
    deps.logger.error({ err }, 'cruscotto: errore nella pagina');
    res
      .status(500)
      .type('html')
      .send(messagePage(ctx, t.errors.serverTitle, t.errors.server));
  });
  return router;
}
