// Shared helpers of the laboratori tests: labs made through the CLI functions (the same
// validation and announcements as the chat), chats of the fixture, reading what was said.
import { createLabFromCli, type LabCliInput } from '../../src/capabilities/labs/cli-actions.js';
import type { MemoryAdapter, MemoryUser } from '../../src/platform/memory/adapter.js';
import type { TestApp } from '../support/app.js';

export const tgGroups = { BG01: '-1001000000001', BS02: '-1001000000002', CR04: '-1001000000004', VA05: '-1001000000005' };
export const slackChannels = { BG01: 'C0BG01', MI03: 'C0MI03', VA05: 'C0VA05' };

/** A laboratorio on Thursday 3 December 2026, 14:30–17:00 Rome (the test clock starts Mon 23 November). */
export async function newLab(t: TestApp, input: Partial<LabCliInput> = {}): Promise<number> {
  const { id } = await createLabFromCli(t.db.prisma, t.clock, {
    title: 'Mediazione interculturale nei servizi',
    theme: 'mediazione',
    start: '03/12/2026 14:30',
    end: '17:00',
    where: 'Sala civica, Bergamo',
    organiser: 'ANCI Lombardia',
    ...input,
  });
  await t.deliver();
  return id;
}

/** Presses the button with this label on the last message of a chat. */
export async function pressLabel(t: TestApp, platform: MemoryAdapter, user: MemoryUser, chatId: string, label: string): Promise<void> {
  const b = platform.buttons(chatId).find((x) => x.label === label);
  if (!b) throw new Error(`no button «${label}» in: ${platform.lastText(chatId)}`);
  const chat = chatId === user.id ? platform.privateChat(user) : platform.group(chatId);
  await platform.press(user, chat, b.action, b.value, platform.last(chatId)?.messageId);
  await t.deliver();
}

/** Everything a person can see in a chat since the adapter was cleared, joined. */
export function seen(platform: MemoryAdapter, chatId: string, viewer?: string): string {
  return platform.texts(chatId, viewer).join('\n---\n');
}

export async function personId(t: TestApp, name: string): Promise<number> {
  return (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id;
}

export async function signupsOf(t: TestApp, labId: number) {
  const rows = await t.db.prisma.labSignup.findMany({ where: { labId }, include: { person: true }, orderBy: { position: 'asc' } });
  return rows.map((r) => [r.person.name, r.status, r.platform] as const);
}
