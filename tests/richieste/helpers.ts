// Shared helpers of the richieste tests: the fixture's people on each platform, what a person has
// been told privately (on whichever platform the bot picked), and pressing a button found there.
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import { openRequest } from '../../src/capabilities/richieste/requests.js';
import type { OpenInput } from '../../src/capabilities/richieste/model.js';
import type { TestApp } from '../support/app.js';

/** People of tests/fixtures/networks.yaml and their accounts. */
export const who = {
  luca: { name: 'Luca Bianchi', telegram: '100000001', slack: 'U0COORD1' }, // coordinatore
  giulia: { name: 'Giulia Ferri', slack: 'U0COORD2' }, // coordinatrice
  maria: { name: 'Maria Rossi', telegram: '100000002', slack: 'U0MARIA' }, // referente BG01
  ahmed: { name: 'Ahmed Benali', telegram: '100000003' }, // referente BG01
  francesca: { name: 'Francesca Gatti', telegram: '100000004' }, // referente BS02
  fatou: { name: 'Fatou Diop', telegram: '100000008' }, // membro BG01
} as const;

export type Who = { name: string; telegram?: string; slack?: string };

export function user(t: TestApp, p: Who, platform: 'telegram' | 'slack'): { adapter: MemoryAdapter; user: MemoryUser } {
  const id = p[platform];
  if (!id) throw new Error(`${p.name} has no ${platform} account`);
  return { adapter: platform === 'telegram' ? t.telegram : t.slack, user: { id, name: p.name } };
}

/** Everything a person was told privately, on both platforms, in order of each platform. */
export function told(t: TestApp, p: Who): string[] {
  return [...(p.telegram ? t.telegram.texts(p.telegram) : []), ...(p.slack ? t.slack.texts(p.slack) : [])];
}

export function toldText(t: TestApp, p: Who): string {
  return told(t, p).join('\n---\n');
}

/** Runs a command in the person's private chat on a platform, delivers, returns the last answer there. */
export async function command(t: TestApp, p: Who, platform: 'telegram' | 'slack', name: string, text = ''): Promise<string> {
  const { adapter, user: u } = user(t, p, platform);
  await adapter.command(u, adapter.privateChat(u), name, text);
  await t.deliver();
  return adapter.lastText(u.id);
}

export async function say(t: TestApp, p: Who, platform: 'telegram' | 'slack', text: string): Promise<string> {
  const { adapter, user: u } = user(t, p, platform);
  await adapter.message(u, adapter.privateChat(u), text);
  await t.deliver();
  return adapter.lastText(u.id);
}

/**
 * Presses the button with this label on the newest private message that has it (on the platform
 * given, or on the only one where the person has it); returns the last thing said in that chat.
 */
export async function press(t: TestApp, p: Who, label: string, platform?: 'telegram' | 'slack'): Promise<string> {
  const found: { adapter: MemoryAdapter; action: string; value: string; messageId: string; id: string }[] = [];
  for (const x of (['telegram', 'slack'] as const).filter((x) => p[x] && (!platform || platform === x))) {
    const adapter = x === 'telegram' ? t.telegram : t.slack;
    const id = p[x]!;
    const m = [...adapter.sent]
      .reverse()
      .find((s) => s.chatId === id && (s.message.blocks ?? []).some((b) => b.type === 'buttons' && b.buttons.some((bt) => bt.label === label)));
    const button = m?.message.blocks?.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((bt) => bt.label === label);
    if (m && button) found.push({ adapter, action: button.action, value: button.value ?? '', messageId: m.messageId, id });
  }
  if (found.length !== 1) throw new Error(`${found.length ? 'two' : 'no'} buttons «${label}» for ${p.name}:\n${toldText(t, p)}`);
  const b = found[0]!;
  const u = { id: b.id, name: p.name };
  await b.adapter.press(u, b.adapter.privateChat(u), b.action, b.value, b.messageId);
  await t.deliver();
  return b.adapter.lastText(b.id);
}

export async function networkId(t: TestApp, code: string): Promise<number> {
  return (await t.db.prisma.network.findUniqueOrThrow({ where: { code } })).id;
}

export async function personId(t: TestApp, name: string): Promise<number> {
  return (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id;
}

/** Opens a request as the domain does for a check-in or /richiesta (every platform within reach). */
export async function open(t: TestApp, input: Partial<OpenInput> & { code: string; kind: string; by?: string }) {
  const networkIdValue = await networkId(t, input.code);
  const opener = input.by ? await personId(t, input.by) : null;
  const res = await t.db.prisma.$transaction((tx) =>
    openRequest(
      tx,
      t.clock.now(),
      {
        networkId: networkIdValue,
        kind: input.kind,
        need: input.need ?? '',
        dueBy: input.dueBy ?? null,
        source: input.source ?? 'comando',
        period: input.period ?? null,
        personId: input.personId ?? opener,
      },
      null,
    ),
  );
  await t.deliver();
  return res.request;
}

/** What the database holds, to check that a refusal changed nothing. */
export async function snapshot(t: TestApp) {
  const p = t.db.prisma;
  return {
    requests: await p.supportRequest.findMany({ orderBy: { id: 'asc' } }),
    events: await p.supportRequestEvent.count(),
    meetings: await p.meeting.findMany({ orderBy: { id: 'asc' } }),
    invites: await p.meetingInvite.findMany({ orderBy: [{ meetingId: 'asc' }, { personId: 'asc' }] }),
  };
}
