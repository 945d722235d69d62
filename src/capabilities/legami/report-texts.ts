// Italian catalogue of what legami contributes to the digests: new good practices and the
// introductions with their follow-ups.
import { literal } from '../../platform/markup.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const itLegamiDigest = {
  practices: {
    header: 'Nuove buone prassi',
    networkHeader: 'Buone prassi di altre reti sui vostri temi',
    line: (code: string, title: string, status: string) => `**${literal(code)}** · ${literal(title)} _(${status})_`,
    status: { proposta: 'proposta', pubblicata: 'pubblicata', checkin: 'dal check-in' } as Record<string, string>,
    themes: (themes: string[]) => (themes.length ? ` — ${themes.map(literal).join(', ')}` : ''),
  },
  summary: {
    header: 'Legami',
    week: (intros: number, met: number, notYet: number, notInterested: number) =>
      `Presentazioni fatte: **${intros}** · risposte al follow-up: ${met} si sono incontrati, ${notYet} non ancora, ${notInterested} non interessati`,
    trend: (intros: number, met: number) =>
      `Nelle ultime 8 settimane: ${intros} ${plural(intros, 'presentazione', 'presentazioni')}, ${met} ${plural(met, 'incontro avvenuto', 'incontri avvenuti')}.`,
  },
} as const;
