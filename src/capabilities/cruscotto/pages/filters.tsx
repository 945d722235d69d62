// The filters pages share: area, theme, and the facets capabilities contribute (e.g. maturity stage).
// Values come from the query string and are checked against the known ones: an unknown value is
// ignored (and the page says so), never passed on.
import { visibleNetworkIds } from '../access.js';
import { areasAndThemes, type NetworkScope } from '../queries/scope.js';
import type { FacetValues } from '../queries/responses.js';
import { itCruscotto as t } from '../texts.js';
import { param, type PageRequest } from '../web/request.js';
import { Select } from './components.js';

export interface FacetChoice {
  id: string;
  label: string;
  param: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  /** Every network's value, for sorting. */
  values: FacetValues;
}

export interface Filters {
  scope: NetworkScope;
  area: string | undefined;
  theme: string | undefined;
  areas: string[];
  themes: string[];
  facets: FacetChoice[];
  invalid: boolean;
  /** The filters as query-string values (to keep them in links). */
  query: Record<string, string | undefined>;
}

export const facetParam = (id: string) => `f_${id}`;

export async function readFilters(req: PageRequest): Promise<Filters> {
  const visible = visibleNetworkIds(req.ctx.user);
  const { areas, themes } = await areasAndThemes(req.db, visible);
  let invalid = false;
  const pick = (name: string, known: string[]) => {
    const value = param(req.query, name);
    if (value === undefined) return undefined;
    if (known.includes(value)) return value;
    invalid = true;
    return undefined;
  };
  const area = pick('area', areas);
  const theme = pick('tema', themes);
  const scope: NetworkScope = { visible, area, theme };
  const query: Record<string, string | undefined> = { area, tema: theme };
  const facets: FacetChoice[] = [];
  for (const facet of req.facets) {
    const rows = await facet.values(req.db);
    const options = [...new Map(rows.sort((a, b) => a.rank - b.rank).map((r) => [r.value, { value: r.value, label: r.label }])).values()];
    const name = facetParam(facet.id);
    const value = pick(
      name,
      options.map((o) => o.value),
    );
    if (value !== undefined) {
      const ids = rows.filter((r) => r.value === value).map((r) => r.networkId);
      scope.facetIds = scope.facetIds ? scope.facetIds.filter((id) => ids.includes(id)) : ids;
    }
    query[name] = value;
    facets.push({
      id: facet.id,
      label: facet.label,
      param: name,
      options,
      value,
      values: { ids: rows.map((r) => r.networkId), labels: rows.map((r) => r.label), ranks: rows.map((r) => r.rank) },
    });
  }
  return { scope, area, theme, areas, themes, facets, invalid, query };
}

export function FilterFields({ filters }: { filters: Filters }) {
  return (
    <>
      <Select
        name="area"
        label={t.filters.area}
        value={filters.area}
        options={[{ value: '', label: t.filters.any }, ...filters.areas.map((a) => ({ value: a, label: a }))]}
      />
      <Select
        name="tema"
        label={t.filters.theme}
        value={filters.theme}
        options={[{ value: '', label: t.filters.anyTheme }, ...filters.themes.map((a) => ({ value: a, label: a }))]}
      />
      {filters.facets.map((f) => (
        <Select key={f.id} name={f.param} label={f.label} value={f.value} options={[{ value: '', label: t.filters.any }, ...f.options]} />
      ))}
    </>
  );
}
