// Formatting helpers shared by the capabilities' digest sections: sparklines, Italian numbers and
// changes.

export const BARS = '▁▂▃▄▅▆▇█';
/** A week without data in a sparkline. */
export const GAP = '·';

/**
 * One bar per value, scaled between the smallest and the largest value shown (like `spark`):
 * the lowest is ▁, the highest █. A flat series is all ▄ (all ▁ when it is all zero); null is ·.
 */
export function sparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => GAP).join('');
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    .map((v) => {
      if (v === null) return GAP;
      if (max === min) return max === 0 ? BARS[0] : BARS[3];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}

const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOne = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** "1.234", "3,6": Italian separators; averages always with one decimal. */
export function formatNumber(value: number, kind: 'count' | 'average' | 'any' = 'any'): string {
  if (kind === 'count') return integer.format(value);
  if (kind === 'average') return oneDecimal.format(value);
  return upToOne.format(value);
}

/** "+5", "−0,3", "=" — the change against the week before, with a real minus sign. */
export function formatChange(current: number, previous: number, kind: 'count' | 'average' | 'any'): string {
  const digits = kind === 'count' ? 0 : 1;
  const delta = Number((current - previous).toFixed(digits));
  if (delta === 0) return '=';
  const text = formatNumber(Math.abs(delta), kind);
  return delta > 0 ? `+${text}` : `−${text}`;
}
