// Colours that stay distinct for colour-blind readers: the Okabe–Ito palette (Okabe & Ito, "Color
// Universal Design", 2008), without its yellow (too pale on white); the first four stand at least 3:1 against white.
// Series are also told apart by marker shape and, for reference lines, by dashes: colour is never the
// only difference.
export const palette = ['#0072B2', '#D55E00', '#009E73', '#000000', '#CC79A7', '#E69F00', '#56B4E9'] as const;

/** Markers, in the same order as the palette. */
export const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'] as const;

/** The three states of a week's answer: each at least 3:1 against white (WCAG 1.4.11). */
export const responseColors = { onTime: '#0072B2', late: '#D55E00', silent: '#767676' } as const;

export const ink = '#1A1A1A';
export const muted = '#5C6F82';
export const gridLine = '#D9DADB';
