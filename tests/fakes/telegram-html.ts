// Telegram's parse_mode HTML, as the Bot API applies it: the visible text and its entities, or the
// error Telegram answers. Strict on purpose: a bare < > or & that the sender forgot to escape is
// refused ("can't parse entities"), so escaping bugs fail in tests as they would for real.

export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export type HtmlResult = { ok: true; text: string; entities: Entity[] } | { ok: false; description: string };

const TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  blockquote: 'blockquote',
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(html: string, at: number): { char: string; end: number } | undefined {
  const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(at, at + 12));
  if (!m) return undefined;
  const name = m[1]!;
  const char = name.startsWith('#x')
    ? String.fromCodePoint(parseInt(name.slice(2), 16))
    : name.startsWith('#')
      ? String.fromCodePoint(Number(name.slice(1)))
      : NAMED[name]!;
  return { char, end: at + m[0].length };
}

function decodeAttribute(value: string): string {
  let out = '';
  for (let i = 0; i < value.length;) {
    const e = value[i] === '&' ? decodeEntity(value, i) : undefined;
    if (e) {
      out += e.char;
      i = e.end;
    } else out += value[i++];
  }
  return out;
}

export function parseHtml(html: string): HtmlResult {
  const fail = (what: string, at: number): HtmlResult => ({
    ok: false,
    description: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, at))}`,
  });
  let text = '';
  const entities: Entity[] = [];
  const open: { name: string; type: string; offset: number; url?: string }[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '&') {
      const e = decodeEntity(html, i);
      if (!e) return fail(`Character '&' is reserved and must be escaped with "&amp;"`, i);
      text += e.char;
      i = e.end;
    } else if (c === '>') {
      return fail(`Character '>' is reserved and must be escaped with "&gt;"`, i);
    } else if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return fail(`Unclosed start tag`, i);
      const inner = html.slice(i + 1, end).trim();
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const top = open.pop();
        if (!top || top.name !== name) return fail(`Unmatched end tag "${name}"`, i);
        if (text.length > top.offset) {
          entities.push({ type: top.type, offset: top.offset, length: text.length - top.offset, ...(top.url ? { url: top.url } : {}) });
        }
      } else {
        const name = /^[a-zA-Z-]+/.exec(inner)?.[0]?.toLowerCase() ?? '';
        const type = TAGS[name];
        if (!type) return fail(`Unsupported start tag "${name || inner}"`, i);
        const attributes = inner.slice(name.length).trim();
        let url: string | undefined;
        if (name === 'a') {
          const href = /^href\s*=\s*(?:"([^"]*)"|'([^']*)')$/.exec(attributes);
          if (!href) return fail(`Tag "a" must have an href attribute`, i);
          url = decodeAttribute(href[1] ?? href[2] ?? '');
        } else if (name === 'span') {
          if (!/^class\s*=\s*"tg-spoiler"$/.test(attributes)) return fail(`Tag "span" must have class "tg-spoiler"`, i);
        } else if (attributes && name !== 'pre' && name !== 'code' && name !== 'blockquote') {
          return fail(`Unsupported attribute in tag "${name}"`, i);
        }
        open.push({ name, type, offset: text.length, ...(url !== undefined ? { url } : {}) });
      }
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  if (open.length) return fail(`Can't find end tag corresponding to start tag "${open.at(-1)!.name}"`, html.length);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text, entities };
}
