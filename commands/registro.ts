import { z } from 'zod';
import { recentAudit } from '../src/audit.js';
import { defineCommand } from '../src/bus/types.js';
import { itPrivacy } from '../src/capabilities/privacy/texts.js';
import { formatDateTime } from '../src/time.js';

// /registro [N]: the newest entries of the audit trail (exports, /digest, roles, erasures). Coordinators only.
export default defineCommand({
  name: 'registro',
  description: itPrivacy.audit.description,
  usage: '/registro [N]',
  access: 'coordinatore',
  args: z
    .array(z.string())
    .max(1)
    .transform((t, ctx) => {
      const n = t[0] === undefined ? 20 : Number(t[0]);
      if (!Number.isInteger(n) || n < 1 || n > 100) {
        ctx.addIssue({ code: 'custom', message: itPrivacy.audit.badCount });
        return z.NEVER;
      }
      return n;
    }),
  async handler(ctx, limit) {
    const rows = await recentAudit(ctx.tx, limit);
    const lines = rows.map((r) => itPrivacy.audit.line(formatDateTime(r.at), r.actor, r.action, r.detail));
    await ctx.replyPrivately(rows.length ? [itPrivacy.audit.title(rows.length), ...lines].join('\n') : itPrivacy.audit.empty);
    if (ctx.chat.kind !== 'private') await ctx.reply(itPrivacy.mydata.inGroup);
  },
});
