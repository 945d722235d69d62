// Lenient theme matching: "Mediazioni" ~ "mediazione", "scuole" ~ "scuola", "lingue italiane" ~
// "lingua italiana", "sanità" ~ "Sanita". Themes are short Italian tags typed by busy people, so
// accents, case, punctuation, articles/prepositions and simple plurals do not matter.
import { normalize } from '../../conversation/parse.js';

const STOPWORDS = new Set(
  'a ad al all alla alle allo ai agli con da dal dall dalla dalle dai dagli di del dell della delle dello dei degli e ed i il in l la le lo gli nel nell nella nelle nei negli o per su sul sulla sui tra fra un una uno'.split(
    ' ',
  ),
);

/** One word reduced to a stem shared by its singular and plural forms. */
export function stemWord(word: string): string {
  let s = word;
  if (s.length <= 3) return s;
  if (/[aeiou]$/.test(s)) s = s.slice(0, -1); // scuola/scuole, lavoro/lavori, mediazione/mediazioni
  if (s.length > 3 && s.endsWith('i')) s = s.slice(0, -1); // servizio/servizi, provincia/province, famiglia/famiglie
  if (/[cg]h$/.test(s)) s = s.slice(0, -1); // banca/banche, dialogo/dialoghi
  return s;
}

/** The stems of the meaningful words of a theme, in order. */
export function themeTokens(text: string): string[] {
  return normalize(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stemWord);
}

/** Equal for themes that mean the same: the key to group and compare themes by. */
export function themeKey(text: string): string {
  return themeTokens(text).join(' ');
}

export function sameTheme(a: string, b: string): boolean {
  const k = themeKey(a);
  return k !== '' && k === themeKey(b);
}

/** A search: every word of the query is in the theme ("lingua" finds "lingua italiana"). */
export function themeMatches(query: string, theme: string): boolean {
  const q = themeTokens(query);
  if (!q.length) return false;
  const t = new Set(themeTokens(theme));
  return q.every((w) => t.has(w));
}

/** True when the words of `phrase` appear one after the other in `text` (keywords in a title). */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = themeTokens(phrase);
  const t = themeTokens(text);
  if (!p.length) return false;
  for (let i = 0; i + p.length <= t.length; i++) if (p.every((w, j) => t[i + j] === w)) return true;
  return false;
}

/** Themes typed as a list: "lavoro, scuola e lingua italiana" → three themes, lower case, no repeats. */
export function splitThemes(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/\s*(?:[,;/\n]|\se\s|\sed\s)\s*/i)) {
    const label = part
      .trim()
      .replace(/^[#•\-–]+\s*/, '')
      .replace(/\s+/g, ' ')
      .toLowerCase();
    if (label && themeKey(label) && !out.some((o) => sameTheme(o, label))) out.push(label);
  }
  return out;
}

/** The label already in use for the same theme ("Mediazioni" → "mediazione"), else the typed one. */
export function canonicalTheme(label: string, vocabulary: string[]): string {
  return vocabulary.find((v) => sameTheme(v, label)) ?? label.trim().toLowerCase();
}

/** Groups labels by theme: the most used label names each group, with how many times it occurs. */
export function countThemes(labels: string[]): { theme: string; count: number }[] {
  const groups = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const key = themeKey(label);
    if (!key) continue;
    const g = groups.get(key) ?? new Map<string, number>();
    g.set(label, (g.get(label) ?? 0) + 1);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => {
      const [theme] = [...g.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'it'))[0]!;
      return { theme, count: [...g.values()].reduce((s, n) => s + n, 0) };
    })
    .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme, 'it'));
}

/** Two lists of themes have one in common, leniently ("mediazione" and "mediazione culturale" do). */
export function themesOverlap(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => themeMatches(x, y) || themeMatches(y, x)));
}
