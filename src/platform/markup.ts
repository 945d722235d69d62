// The neutral text markup of OutMessage (`**bold**`, `_italic_`, `[label](url)`), parsed once so
// each adapter renders it natively with its own escaping.

export type Span =
  { kind: 'text'; text: string } | { kind: 'bold'; text: string } | { kind: 'italic'; text: string } | { kind: 'link'; text: string; url: string };

// An underscore followed by a zero-width space is one `literal()` escaped: never the start of italics.
const TOKEN = /\*\*(.+?)\*\*|(?<![\p{L}\p{N}])_(?!\u200b)(.+?)_(?![\p{L}\p{N}])|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/gu;

export function parseMarkup(input: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of input.matchAll(TOKEN)) {
    if (m.index > last) spans.push({ kind: 'text', text: input.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ kind: 'bold', text: m[1] });
    else if (m[2] !== undefined) spans.push({ kind: 'italic', text: m[2] });
    else spans.push({ kind: 'link', text: m[3]!, url: m[4]! });
    last = m.index + m[0].length;
  }
  if (last < input.length) spans.push({ kind: 'text', text: input.slice(last) });
  return spans;
}

/** Plain text without markup (notifications, the memory adapter, fallbacks). */
export function toPlain(input: string): string {
  return parseMarkup(input)
    .map((s) => (s.kind === 'link' ? `${s.text} (${s.url})` : s.text))
    .join('');
}

/** Escapes a user-provided string so that it is shown literally inside neutral markup. */
export function literal(input: string): string {
  return input
    .replace(/\*\*/g, '*\u200b*')
    .replace(/(^|[^\p{L}\p{N}])_/gu, '$1_\u200b')
    .replace(/\]\(/g, ']\u200b(');
}
