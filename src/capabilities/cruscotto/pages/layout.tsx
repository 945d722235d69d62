// The page frame in Bootstrap Italia (Designers Italia): skip link, slim header with the person and
// «Esci», the brand, the sections, the content, the footer. No JavaScript is needed: the sections
// wrap on narrow screens instead of hiding behind a menu button.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { mayExport } from '../access.js';
import { itCruscotto as t } from '../texts.js';
import { BASE, STATIC, type PageContext } from './context.js';

export type Section = 'panoramica' | 'indicatori' | 'rete' | 'laboratori' | 'legami' | 'esporta' | 'none';

export interface Crumb {
  label: string;
  href?: string;
}

export function html(page: preact.VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

function Head({ title }: { title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <link rel="icon" href="data:," />
      <title>{`${title} · ${t.site.name}`}</title>
      <link rel="stylesheet" href={`${STATIC}/bi/css/bootstrap-italia.min.css`} />
      <link rel="stylesheet" href={`${STATIC}/app/fonts.css`} />
      <link rel="stylesheet" href={`${STATIC}/app/cruscotto.css`} />
    </head>
  );
}

function roleOf(ctx: PageContext): string {
  if (ctx.user.coordinator) return t.site.roleCoordinator;
  return ctx.user.networks.some((n) => n.role === 'referente') ? t.site.roleReferent : t.site.roleMember;
}

function SlimHeader({ ctx }: { ctx: PageContext | null }) {
  return (
    <div class="it-header-slim-wrapper">
      <div class="container">
        <div class="it-header-slim-wrapper-content">
          <span class="navbar-brand">{t.site.owner}</span>
          {ctx && (
            <div class="it-header-slim-right-zone gap-2">
              <span class="slim-user">{t.site.loggedAs(ctx.user.name, roleOf(ctx))}</span>
              <form method="post" action={`${BASE}/esci`} class="d-inline">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <button type="submit" class="btn btn-primary btn-sm btn-esci">
                  {t.site.logout}
                </button>
              </form>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function Brand() {
  return (
    <div class="it-header-center-wrapper it-small-header">
      <div class="container">
        <div class="it-header-center-content-wrapper">
          <div class="it-brand-wrapper">
            <a href={BASE}>
              <div class="it-brand-text">
                <div class="it-brand-title">{t.site.name}</div>
                <div class="it-brand-tagline d-none d-md-block">{t.site.tagline}</div>
              </div>
            </a>
          </div>
        </div>
      </div>
    </div>
  );
}

function Nav({ ctx, current }: { ctx: PageContext; current: Section }) {
  const items: { id: Section; label: string; href: string }[] = [
    { id: 'panoramica', label: t.site.pages.panoramica, href: BASE },
    { id: 'indicatori', label: t.site.pages.indicatori, href: `${BASE}/indicatori` },
  ];
  if (!ctx.user.coordinator) {
    for (const n of ctx.user.networks.slice(0, 3))
      items.push({ id: 'rete', label: t.site.network(n.code), href: `${BASE}/rete/${encodeURIComponent(n.code)}` });
  }
  items.push(
    { id: 'laboratori', label: t.site.pages.laboratori, href: `${BASE}/laboratori` },
    { id: 'legami', label: t.site.pages.legami, href: `${BASE}/legami` },
  );
  if (mayExport(ctx.user)) items.push({ id: 'esporta', label: t.site.pages.esporta, href: `${BASE}/esporta` });
  return (
    <nav class="cruscotto-nav" aria-label={t.site.navLabel}>
      <div class="container">
        <ul>
          {items.map((item) => {
            const here = item.id === current && (item.id !== 'rete' || ctx.path === item.href);
            return (
              <li key={item.href}>
                <a href={item.href} aria-current={here ? 'page' : undefined} class={here ? 'active' : undefined}>
                  {item.label}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumb-container" aria-label={t.site.breadcrumb}>
      <ol class="breadcrumb">
        {crumbs.map((c, i) => (
          <li class={`breadcrumb-item${i === crumbs.length - 1 ? ' active' : ''}`} aria-current={i === crumbs.length - 1 ? 'page' : undefined} key={i}>
            {c.href && i < crumbs.length - 1 ? <a href={c.href}>{c.label}</a> : c.label}
            {i < crumbs.length - 1 && <span class="separator">/</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Page(props: { title: string; ctx: PageContext | null; section: Section; crumbs?: Crumb[]; lead?: string; children: ComponentChildren }) {
  return (
    <html lang="it">
      <Head title={props.title} />
      <body>
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#contenuto">
            {t.site.skip}
          </a>
        </div>
        <header class="it-header-wrapper">
          <SlimHeader ctx={props.ctx} />
          <div class="it-nav-wrapper">
            <Brand />
          </div>
          {props.ctx && <Nav ctx={props.ctx} current={props.section} />}
        </header>
        <main id="contenuto" class="container my-4" tabIndex={-1}>
          {props.crumbs && <Breadcrumbs crumbs={props.crumbs} />}
          <h1 class="mb-3">{props.title}</h1>
          {props.lead && <p class="lead">{props.lead}</p>}
          {props.children}
        </main>
        <footer class="it-footer">
          <div class="it-footer-small-prints">
            <div class="container">
              <p class="py-3 mb-0 text-white">{t.site.footer}</p>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page with only a message (access, errors). */
export function MessagePage(props: { title: string; ctx: PageContext | null; message: string; children?: ComponentChildren }) {
  return (
    <Page title={props.title} ctx={props.ctx} section="none">
      <div class="callout">
        <p>{props.message}</p>
      </div>
      {props.children}
    </Page>
  );
}
