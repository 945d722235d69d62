// The network page contract: the cruscotto's page of one network (Rete) shows what the cruscotto
// reads itself (answers, obstacles, support, laboratori, legami) and the panels other capabilities
// contribute (the network's scheda and maturity profile, its requests to ANCI…), in order. A
// capability that is not listed has no panel. Facets are attributes of every network that pages can
// filter and sort by (e.g. a maturity stage), read for all networks in one query.
import type { ChartSpec } from '../charts/spec.js';
import type { Tx } from '../db/client.js';

/** Who is looking at the page. Obstacles and other free text are for coordinators and the network's referents. */
export type Viewer = 'coordinator' | 'referent' | 'member';

export interface NetworkPageView {
  network: { id: number; code: string; name: string; area: string; themes: string[] };
  viewer: Viewer;
  now: Date;
  /** The ISO weeks the page covers, oldest first (e.g. the last 12). */
  weeks: string[];
}

/** What a panel shows: neutral blocks the cruscotto renders (escaped) in the design system. */
export type PanelBlock =
  | { type: 'text'; text: string }
  /** Label–value pairs (a scheda's fields). */
  | { type: 'facts'; items: { label: string; value: string }[] }
  | { type: 'list'; items: string[] }
  | { type: 'table'; caption: string; columns: string[]; rows: (string | number | null)[][] }
  /** A chart, drawn with its text alternative and its data table. */
  | { type: 'chart'; chart: ChartSpec };

export interface PanelContent {
  title: string;
  blocks: PanelBlock[];
}

export interface NetworkPanel {
  /** Unique across capabilities: "maturity.profile". */
  id: string;
  /** Position on the page, lower first. The cruscotto's own sections: scheda 10–19 is free for the
   *  network's project, answers 30, obstacles 40, support 50, laboratori 60, legami 70. */
  order: number;
  /** Who may see it, beyond being allowed to see the network (default: everyone who may). */
  audience?: 'everyone' | 'coordinators-and-referents' | 'coordinators';
  /** One or a few queries; null when there is nothing to show for this network. */
  build(tx: Tx, view: NetworkPageView): Promise<PanelContent | null>;
}

export interface NetworkFacet {
  /** Unique: "stage". Used in the pages' query strings. */
  id: string;
  /** Italian label of the filter and of the sort ("Fase di maturità"). */
  label: string;
  order: number;
  /** Every network's value, in one query. `rank` orders the values (stage 1 before stage 2). */
  values(tx: Tx): Promise<{ networkId: number; value: string; label: string; rank: number }[]>;
}

export function defineNetworkPanel(panel: NetworkPanel): NetworkPanel {
  return panel;
}

export function mayView(audience: NetworkPanel['audience'], viewer: Viewer): boolean {
  if (!audience || audience === 'everyone') return true;
  if (audience === 'coordinators') return viewer === 'coordinator';
  return viewer !== 'member';
}
