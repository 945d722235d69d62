import { z } from 'zod';
import { audit } from '../src/audit.js';
import { defineCommand } from '../src/bus/types.js';
import { AppError } from '../src/errors.js';
import { networkByCode } from '../src/capabilities/networks/directory.js';
import { defaultPeriod, parseWeekOrDate, periodOf } from '../src/capabilities/exports/period.js';
import { ExportTooLargeError, type ExportFormat } from '../src/capabilities/exports/service.js';
import { itExport } from '../src/capabilities/exports/texts.js';
import { isoWeek } from '../src/time.js';

const CODE = /^[A-Za-z0-9_-]{2,20}$/;
/** File formats people ask for that Reti does not make: said so, not taken for a network code. */
const OTHER_FORMATS = new Set(['pdf', 'xls', 'ods', 'odt', 'doc', 'docx', 'json', 'txt', 'html', 'zip', 'excel', 'word']);

// /esporta [xlsx|csv] [DAL] [AL] [CODICE]: the data for reporting, as a file sent privately to the
// coordinator (Slack file upload, Telegram document). Default: xlsx, the last 52 weeks, every network.
const args = z.array(z.string()).transform((tokens, ctx) => {
  let format: ExportFormat = 'xlsx';
  const weeks: string[] = [];
  let code: string | undefined;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const week = parseWeekOrDate(token);
    if (lower === 'xlsx' || lower === 'csv') format = lower;
    else if (OTHER_FORMATS.has(lower.replace(/^\./, ''))) {
      ctx.addIssue({ code: 'custom', message: itExport.command.otherFormat(lower.replace(/^\./, '')) });
      return z.NEVER;
    } else if (week && weeks.length < 2) weeks.push(week);
    else if (!code && CODE.test(token) && !/\d+[/.-]\d+/.test(token)) code = token;
    else {
      ctx.addIssue({ code: 'custom', message: itExport.command.badToken(token) });
      return z.NEVER;
    }
  }
  return { format, weeks, code };
});

export default defineCommand({
  name: 'esporta',
  aliases: ['export'],
  description: itExport.command.description,
  usage: itExport.command.usage,
  access: 'coordinatore',
  args,
  async handler(ctx, { format, weeks, code }) {
    const network = code ? await networkByCode(ctx.tx, code) : null;
    const [from, to] = weeks;
    const period = from ? periodOf(from, to ?? isoWeek(ctx.now)) : defaultPeriod(ctx.now);
    if (period.toWeek < period.fromWeek) throw new AppError('invalid_input', itExport.command.badRange);
    const query = { period, networkId: network?.id ?? null };
    let result;
    try {
      result = await ctx.services.exports.attachments(ctx.tx, query, format, network?.code ?? null);
    } catch (err) {
      if (err instanceof ExportTooLargeError) throw new AppError('invalid_input', itExport.command.tooLarge(Math.ceil(err.bytes / 1024 / 1024)));
      throw err;
    }
    await audit(ctx.tx, {
      at: ctx.now,
      actorPersonId: ctx.actor.personId,
      action: 'export',
      detail: `esportazione ${format} ${period.fromWeek}–${period.toWeek}, ${network ? `rete ${network.code}` : 'tutte le reti'}`,
    });
    const caption = itExport.command.caption(period.fromWeek, period.toWeek, result.rows.risposte ?? 0, network?.code ?? null);
    for (const [i, attachment] of result.attachments.entries()) {
      await ctx.replyPrivately({ text: i === 0 ? caption : attachment.filename, attachment });
    }
    if (ctx.chat.kind === 'group') await ctx.reply(itExport.command.sentPrivately);
  },
});
