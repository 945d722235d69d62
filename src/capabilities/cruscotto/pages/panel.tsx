// A panel another capability contributes to a network's page (src/reports/network-page.ts), drawn
// in the design system: text, facts, lists, tables and charts, every value escaped.
import type { PanelBlock, PanelContent } from '../../../reports/network-page.js';
import { Chart, Table, type DrawnChart } from './components.js';

/** Panels' charts are drawn before the page is (drawing is asynchronous, rendering is not). */
export interface DrawnPanel {
  id: string;
  content: PanelContent;
  charts: DrawnChart[];
}

export function PanelView({ panel }: { panel: DrawnPanel }) {
  let chart = 0;
  const headingId = `panel-${panel.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <section aria-labelledby={headingId} class="mt-4 panel">
      <h2 id={headingId}>{panel.content.title}</h2>
      {panel.content.blocks.map((b, i) => (
        <Block key={i} block={b} chart={b.type === 'chart' ? panel.charts[chart++] : undefined} />
      ))}
    </section>
  );
}

function Block({ block, chart }: { block: PanelBlock; chart: DrawnChart | undefined }) {
  switch (block.type) {
    case 'text':
      return <p>{block.text}</p>;
    case 'facts':
      return <dl class="facts">{block.items.map((item, i) => [<dt key={`t${i}`}>{item.label}</dt>, <dd key={`d${i}`}>{item.value}</dd>])}</dl>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return <Table caption={block.caption} columns={block.columns} rows={block.rows} />;
    case 'chart':
      return chart ? <Chart chart={chart} /> : null;
  }
}
