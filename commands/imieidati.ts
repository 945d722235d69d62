import { defineCommand } from '../src/bus/types.js';
import { personalData, personalDataCsv } from '../src/capabilities/privacy/mydata.js';
import { itPrivacy } from '../src/capabilities/privacy/texts.js';

// /imieidati (art. 15): the person's data, privately, as JSON and CSV.
export default defineCommand({
  name: 'imieidati',
  description: itPrivacy.command.mydataDescription,
  usage: '/imieidati',
  async handler(ctx) {
    const data = await personalData(ctx.tx, ctx.actor.personId);
    const day = ctx.now.toISOString().slice(0, 10);
    const json = Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64');
    const csv = Buffer.from(personalDataCsv(data), 'utf8').toString('base64');
    await ctx.replyPrivately({
      text: itPrivacy.mydata.sent,
      attachment: { filename: `reti-imieidati-${day}.json`, mimeType: 'application/json', base64: json },
    });
    await ctx.replyPrivately({
      text: itPrivacy.mydata.caption('CSV'),
      attachment: { filename: `reti-imieidati-${day}.csv`, mimeType: 'text/csv', base64: csv },
    });
    if (ctx.chat.kind !== 'private') await ctx.reply(itPrivacy.mydata.inGroup);
  },
});
