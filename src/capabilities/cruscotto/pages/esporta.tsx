// Esporta: the same exports as /esporta, downloaded from the page — a period, one network or all,
// xlsx (one sheet per data set) or csv (one file per data set, chosen in the form). Coordinators
// export any network or all of them; referents their own networks only; members nothing.
import { isoWeek, shiftWeek } from '../../../time.js';
import { baseName, CSV_MIME, dataSets, XLSX_MIME } from '../../exports/service.js';
import { parseWeekOrDate, periodOf } from '../../exports/period.js';
import { writeCsv, writeXlsx } from '../../exports/writers.js';
import type { ExportQuery } from '../../../reports/dataset.js';
import { mayExport } from '../access.js';
import { itCruscotto as t, itPages } from '../texts.js';
import { WebError } from '../web/errors.js';
import { param, type PageRequest } from '../web/request.js';
import { Select } from './components.js';
import { href } from './context.js';
import { html, Page } from './layout.js';

const e = itPages.exports;
const DATASETS = [
  { value: 'risposte', label: 'Check-in (risposte)' },
  { value: 'iscrizioni', label: 'Iscrizioni ai laboratori' },
  { value: 'gradimento', label: 'Gradimento dei laboratori' },
];

interface Choice {
  from: string;
  to: string;
  network: string;
  format: 'xlsx' | 'csv';
  dataset: string;
}

function readChoice(req: PageRequest): Choice {
  const current = isoWeek(req.ctx.now);
  const format = param(req.query, 'formato') === 'csv' ? 'csv' : 'xlsx';
  return {
    from: param(req.query, 'dal') ?? shiftWeek(current, -51),
    to: param(req.query, 'al') ?? current,
    network: (
      param(req.query, 'rete') ?? (req.ctx.user.coordinator ? '' : (req.ctx.user.networks.find((n) => n.role === 'referente')?.code ?? ''))
    ).toUpperCase(),
    format,
    dataset: param(req.query, 'dati') ?? 'risposte',
  };
}

export async function esportaPage(req: PageRequest): Promise<string> {
  if (!mayExport(req.ctx.user)) throw new WebError(403, t.errors.forbiddenTitle, e.forbidden);
  return form(req, readChoice(req), []);
}

/** Checks the choice; returns the query and names, or the errors to show in the form. */
async function validate(req: PageRequest, c: Choice): Promise<{ query: ExportQuery; code: string | null } | string[]> {
  const errors: string[] = [];
  const from = parseWeekOrDate(c.from);
  const to = parseWeekOrDate(c.to);
  if (!from) errors.push(e.badWeek(c.from));
  if (!to) errors.push(e.badWeek(c.to));
  if (from && to && to < from) errors.push(e.badRange);
  let networkId: number | null = null;
  if (c.network) {
    const network = await req.db.network.findUnique({ where: { code: c.network }, select: { id: true } });
    const own = req.ctx.user.networks.some((n) => n.id === network?.id && n.role === 'referente');
    if (!network || (!req.ctx.user.coordinator && !own)) errors.push(e.badNetwork(c.network));
    else networkId = network.id;
  } else if (!req.ctx.user.coordinator) errors.push(e.needNetwork);
  if (errors.length || !from || !to) return errors;
  return { query: { period: periodOf(from, to), networkId }, code: c.network || null };
}

export async function esportaFile(req: PageRequest): Promise<string | { file: true }> {
  if (!mayExport(req.ctx.user)) throw new WebError(403, t.errors.forbiddenTitle, e.forbidden);
  const choice = readChoice(req);
  const checked = await validate(req, choice);
  if (Array.isArray(checked)) {
    req.res.status(400);
    return form(req, choice, checked);
  }
  const sets = dataSets(req.db, req.exportDatasets, checked.query);
  const name = baseName(checked.query, checked.code);
  const { res } = req;
  res.set('Cache-Control', 'no-store');
  if (choice.format === 'xlsx') {
    res.attachment(`${name}.xlsx`).type(XLSX_MIME);
    await writeXlsx(res, sets);
    return { file: true };
  }
  const set = sets.find((s) => s.file === choice.dataset) ?? sets[0]!;
  res.attachment(`${name}-${set.file}.csv`).type(`${CSV_MIME}; charset=utf-8`);
  await writeCsv(res, set);
  return { file: true };
}

function form(req: PageRequest, c: Choice, errors: string[]): string {
  const { ctx } = req;
  return html(
    <Page title={e.title} ctx={ctx} section="esporta" lead={ctx.user.coordinator ? e.lead : e.leadOwn}>
      {errors.length > 0 && (
        <div class="alert alert-danger" role="alert">
          <ul class="mb-0">
            {errors.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="get" action={href('/esporta/file')} class="export-form">
        <div class="row">
          <div class="form-group col-md-6">
            <label for="e-dal" class="active">
              {e.from}
            </label>
            <input id="e-dal" name="dal" type="text" class="form-control" value={c.from} aria-describedby="e-week-hint" required />
          </div>
          <div class="form-group col-md-6">
            <label for="e-al" class="active">
              {e.to}
            </label>
            <input id="e-al" name="al" type="text" class="form-control" value={c.to} aria-describedby="e-week-hint" required />
          </div>
        </div>
        <p id="e-week-hint" class="form-text small">
          {e.weekHint}
        </p>
        {ctx.user.coordinator ? (
          <div class="form-group">
            <label for="e-rete" class="active">
              {e.networkCode}
            </label>
            <input id="e-rete" name="rete" type="text" class="form-control" value={c.network} autocomplete="off" />
          </div>
        ) : (
          <Select
            name="rete"
            label={e.network}
            value={c.network}
            options={ctx.user.networks.filter((n) => n.role === 'referente').map((n) => ({ value: n.code, label: `${n.code} — ${n.name}` }))}
          />
        )}
        <fieldset class="mt-3">
          <legend class="h6">{e.format}</legend>
          {(['xlsx', 'csv'] as const).map((f) => (
            <div class="form-check" key={f}>
              <input class="form-check-input" type="radio" name="formato" id={`e-${f}`} value={f} checked={c.format === f} />
              <label class="form-check-label" for={`e-${f}`}>
                {e[f]}
              </label>
            </div>
          ))}
        </fieldset>
        <Select name="dati" label={e.dataset} value={c.dataset} options={DATASETS} />
        <button type="submit" class="btn btn-primary mt-3">
          {e.download}
        </button>
      </form>
    </Page>,
  );
}
