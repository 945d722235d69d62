// The pages around the session: confirming the access from a link, a link refused, and plain
// messages (no session, session closed, a form that expired, errors).
import { itCruscotto as t } from '../texts.js';
import { BASE, type PageContext } from './context.js';
import { html, MessagePage, Page } from './layout.js';

export function accessPage(name: string, token: string, guard: string): string {
  return html(
    <Page title={t.access.title} ctx={null} section="none">
      <p class="lead">{t.access.greeting(name)}</p>
      <p>{t.access.explain}</p>
      <form method="post" action={`${BASE}/accesso`}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="_csrf" value={guard} />
        <button type="submit" class="btn btn-primary btn-lg">
          {t.access.enter}
        </button>
      </form>
    </Page>,
  );
}

export function linkRefusedPage(reason: 'unknown' | 'expired' | 'used'): string {
  return html(<MessagePage title={t.access.invalidTitle} ctx={null} message={t.access[reason]} />);
}

export function messagePage(ctx: PageContext | null, title: string, message: string): string {
  return html(
    <MessagePage title={title} ctx={ctx} message={message}>
      {ctx && (
        <p>
          <a href={BASE}>{t.errors.back}</a>
        </p>
      )}
    </MessagePage>,
  );
}
