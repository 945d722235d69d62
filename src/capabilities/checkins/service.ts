// The check-in service commands, jobs and the outbox reach through `services.checkins`.
import type { Context } from '../../bus/types.js';
import type { Db, Tx } from '../../db/client.js';
import type { JobResult } from '../../jobs/types.js';
import type { Logger } from '../../log.js';
import { AppError } from '../../errors.js';
import { itCheckins as t } from './texts.js';
import type { OutMessage } from '../../platform/port.js';
import type { Platforms } from '../../services.js';
import { installDefaultIndicators } from './defaults.js';
import { goodPracticesFromCheckins, type GoodPracticeFromCheckin } from './hooks.js';
import { START_ACTION } from './notices.js';
import { OPEN_CRON } from './period.js';
import { openWeek, remind } from './schedule.js';
import { beginCheckin, beginEdit, privately, referentNetworks, requireReferent, roundFromButton } from './session.js';

export interface CheckinService {
  /** Installs the default indicator set into an empty catalogue (first start). */
  installDefaults(): Promise<number>;
  /** Job checkin-open: closes the previous rounds, opens this week's, prompts every referent. */
  openWeek(now: Date, logger?: Logger): Promise<JobResult>;
  /** Job checkin-remind. */
  remind(now: Date, logger?: Logger): Promise<JobResult>;
  /** /checkin [CODICE] */
  command(ctx: Context, code?: string): Promise<void>;
  /** The «Inizia» button of a prompt or reminder, or a network chosen from the list. */
  pressStart(ctx: Context, value: string): Promise<void>;
  /** The «Modifica le risposte» button. */
  pressEdit(ctx: Context, value: string): Promise<void>;
  /** Good practices written in check-ins (hook for the good-practice library). */
  goodPractices(tx: Tx, query: { period?: string; since?: Date; networkId?: number }): Promise<GoodPracticeFromCheckin[]>;
}

export interface CheckinDeps {
  db: Db;
  platforms: Platforms;
  /** Cron of the opening job (SCHEDULE_CHECKIN_OPEN): rounds close when the next one opens. */
  openCron?: string;
}

export function createCheckinService(deps: CheckinDeps): CheckinService {
  const openCron = deps.openCron ?? OPEN_CRON;
  const schedule = {
    db: deps.db,
    openCron,
    platforms: () => {
      const connected = deps.platforms.connected();
      return connected.length ? connected : undefined;
    },
    link: () => deps.platforms.privateChatLink('telegram', 'checkin'),
  };

  async function chooseNetwork(ctx: Context, say: (m: string | OutMessage) => Promise<void>): Promise<void> {
    const networks = referentNetworks(ctx);
    const done = await ctx.tx.checkinRound.findMany({
      where: { networkId: { in: networks.map((m) => m.networkId) }, status: 'open', closesAt: { gt: ctx.now }, completedAt: { not: null } },
      select: { networkId: true },
    });
    const completed = new Set(done.map((r) => r.networkId));
    await say({
      text: t.choose,
      blocks: [
        { type: 'text', text: t.choose },
        {
          type: 'buttons',
          buttons: networks.map((m) => ({ label: t.chooseLabel(m, completed.has(m.networkId)), action: START_ACTION, value: `n${m.networkId}` })),
        },
      ],
    });
  }

  return {
    installDefaults: () => installDefaultIndicators(deps.db),
    openWeek: (now, logger) => openWeek(schedule, now, logger),
    remind: (now, logger) => remind(schedule, now, logger),
    goodPractices: goodPracticesFromCheckins,

    async command(ctx, code) {
      let networks = referentNetworks(ctx);
      if (code) {
        networks = networks.filter((m) => m.code === code.toUpperCase());
        if (networks.length === 0) throw new AppError('forbidden', t.notReferentOf(code));
      } else if (ctx.chat.network && networks.some((m) => m.networkId === ctx.chat.network!.id)) {
        networks = networks.filter((m) => m.networkId === ctx.chat.network!.id);
      }
      if (networks.length === 0) throw new AppError('forbidden', t.notReferent);
      if (ctx.chat.kind === 'group') {
        // Telegram: a deep link opens the private chat on /start checkin (the bot may not be allowed
        // to write first). Slack: the bot writes in the direct messages right away.
        const link = ctx.chat.platform === 'telegram' ? ctx.privateChatLink('checkin') : undefined;
        if (link) return ctx.reply(t.group.openPrivately(link));
        await ctx.reply(t.group.wroteYou);
      }
      const where = privately(ctx);
      if (networks.length > 1) return chooseNetwork(ctx, where.say);
      await beginCheckin(ctx, networks[0]!.networkId, where, openCron);
    },

    async pressStart(ctx, value) {
      const where = privately(ctx);
      const network = /^n(\d+)$/.exec(value)?.[1];
      if (network) {
        requireReferent(ctx, Number(network));
        return beginCheckin(ctx, Number(network), where, openCron);
      }
      const round = await roundFromButton(ctx, value);
      if (!round) return where.say(t.buttonClosed);
      requireReferent(ctx, round.networkId);
      await beginCheckin(ctx, round.networkId, where, openCron);
    },

    async pressEdit(ctx, value) {
      const id = /^r(\d+)$/.exec(value)?.[1];
      if (!id) return ctx.reply(t.buttonClosed);
      await beginEdit(ctx, Number(id), privately(ctx), openCron);
    },
  };
}
