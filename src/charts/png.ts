// Charts as PNG images for the chat (Telegram photo, Slack file): several charts drawn one under
// the other on a white page, turned into pixels by resvg (its binary ships inside the npm package).
// Labels use the system's fonts (Debian: fonts-dejavu-core).
import { renderSvg } from './render.js';
import type { ChartSpec } from './spec.js';

export const PNG_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Charts stacked vertically, each with its title above it, as one PNG. */
export async function renderPng(charts: ChartSpec[], options: { width?: number; chartHeight?: number; title?: string } = {}): Promise<Buffer> {
  const width = options.width ?? 720;
  const height = options.chartHeight ?? 240;
  const titleHeight = 30;
  const headerHeight = options.title ? 44 : 0;
  const parts: string[] = [];
  let y = headerHeight;
  for (const chart of charts) {
    const svg = await renderSvg(chart, { width: width - 24, height, font: PNG_FONT });
    parts.push(`<text x="12" y="${y + 20}" font-family="${PNG_FONT}" font-size="16" font-weight="bold" fill="#1A1A1A">${escapeXml(chart.title)}</text>`);
    // The chart's own <svg> nested at its place (its attributes say width, height and viewBox).
    parts.push(svg.replace(/^<svg /, `<svg x="12" y="${y + titleHeight}" `));
    y += titleHeight + height + 12;
  }
  const header = options.title
    ? `<text x="12" y="28" font-family="${PNG_FONT}" font-size="20" font-weight="bold" fill="#1A1A1A">${escapeXml(options.title)}</text>`
    : '';
  const page = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}"><rect width="100%" height="100%" fill="#FFFFFF"/>${header}${parts.join('')}</svg>`;
  const { Resvg } = await import('@resvg/resvg-js');
  return Buffer.from(new Resvg(page, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#FFFFFF' }).render().asPng());
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
