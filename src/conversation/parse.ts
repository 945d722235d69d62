// Forgiving parsing of what busy people type: Italian numbers ("2,5", "tre", "ventuno"),
// sì/no, options by number or by (accent- and case-insensitive) name.

/** Lower case, no accents, single spaces. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'`]/g, ' ').replace(/\s+/g, ' ').trim();
}

const UNITS = [
  'zero',
  'uno',
  'due',
  'tre',
  'quattro',
  'cinque',
  'sei',
  'sette',
  'otto',
  'nove',
  'dieci',
  'undici',
  'dodici',
  'tredici',
  'quattordici',
  'quindici',
  'sedici',
  'diciassette',
  'diciotto',
  'diciannove',
];
const TENS: Record<string, number> = { venti: 20, trenta: 30, quaranta: 40, cinquanta: 50, sessanta: 60, settanta: 70, ottanta: 80, novanta: 90 };

/** "ventitre" → 23, "cento" → 100, "nessuno" → 0; up to 999. */
function parseWords(word: string): number | null {
  const w = word.replace(/\s+/g, '');
  if (w === 'nessuno' || w === 'nessuna' || w === 'zero') return 0;
  if (w === 'un' || w === 'una') return 1;
  const units = UNITS.indexOf(w);
  if (units >= 0) return units;
  const hundred = /^(\w*?)cento(\w*)$/.exec(w);
  if (hundred) {
    const h = hundred[1] ? parseWords(hundred[1]) : 1;
    const rest = hundred[2] ? parseWords(hundred[2]) : 0;
    return h !== null && rest !== null && h >= 1 && h <= 9 && rest < 100 ? h * 100 + rest : null;
  }
  for (const [tens, value] of Object.entries(TENS)) {
    const stem = tens.slice(0, -1); // "vent", "trent" (ventuno, trentotto)
    if (w === tens) return value;
    for (const base of [tens, stem]) {
      if (w.startsWith(base)) {
        const u = UNITS.indexOf(w.slice(base.length));
        if (u >= 1 && u <= 9) return value + u;
      }
    }
  }
  return null;
}

/** An Italian number: "3", "2,5", "1.234", "1.234,5", "tre". Null when it is not one. */
export function parseNumber(input: string): number | null {
  const text = normalize(input).replace(/\s/g, '');
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (/^[+-]?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  return parseWords(normalize(input));
}

/** "sì", "si", "s", "yes", "no", "n". */
export function parseYesNo(input: string): boolean | null {
  const t = normalize(input);
  if (['si', 's', 'yes', 'y', 'certo', 'ok'].includes(t)) return true;
  if (['no', 'n'].includes(t)) return false;
  return null;
}

export interface Option {
  code: string;
  label: string;
}

/** One option from its number ("2"), code, label, or a unique prefix of the label. */
export function matchOption(input: string, options: Option[]): Option | null {
  const t = normalize(input);
  if (!t) return null;
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (n >= 1 && n <= options.length) return options[n - 1]!;
  const exact = options.find((o) => normalize(o.code) === t || normalize(o.label) === t);
  if (exact) return exact;
  const prefixed = options.filter((o) => normalize(o.label).startsWith(t) || normalize(o.label).includes(` ${t}`));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

/** Several options separated by commas, "e" or semicolons: "1, 3", "formazione e confronto". */
export function matchOptions(input: string, options: Option[]): Option[] | null {
  const parts = normalize(input)
    .split(/\s*(?:,|;|\be\b|\+)\s*/)
    .filter(Boolean);
  if (!parts.length) return null;
  const found: Option[] = [];
  for (const part of parts) {
    const o = matchOption(part, options);
    if (!o) return null;
    if (!found.includes(o)) found.push(o);
  }
  return found;
}
