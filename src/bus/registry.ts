// The command bus: commands are specs (name, aliases, description, access, zod-parsed args,
// subcommands, button actions, forms); /aiuto, Telegram's command list and the Slack manifest
// check are all generated from them.
import { closest, distance } from 'fastest-levenshtein';
import { allowed } from './policy.js';
import type { Actor, CommandSpec, Context, SubcommandSpec } from './types.js';

type FormHandler = NonNullable<CommandSpec['forms']>[string];

export class CommandRegistry {
  private readonly byName = new Map<string, CommandSpec<any>>();
  private readonly actionPrefixes = new Map<string, CommandSpec<any>>();

  constructor(specs: CommandSpec<any>[] = []) {
    for (const spec of specs) this.register(spec);
  }

  register(spec: CommandSpec<any>): void {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      const key = name.toLowerCase();
      if (this.byName.has(key)) throw new Error(`command /${key} registered twice`);
      this.byName.set(key, spec);
    }
    this.actionPrefixes.set(spec.name, spec);
  }

  find(name: string): CommandSpec<any> | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Every name a command answers to, aliases included. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  all(): CommandSpec<any>[] {
    return [...new Set(this.byName.values())];
  }

  /** The action handler for an action id "<command>.<action>". */
  action(actionId: string): ((ctx: Context, value: string) => Promise<void>) | undefined {
    return this.actionOf(actionId)?.handler;
  }

  /** The action handler and the command it belongs to (whose access applies to its buttons). */
  actionOf(actionId: string): { spec: CommandSpec<any>; handler: (ctx: Context, value: string) => Promise<void> } | undefined {
    const dot = actionId.indexOf('.');
    if (dot < 0) return undefined;
    const spec = this.actionPrefixes.get(actionId.slice(0, dot));
    const handler = spec?.actions?.[actionId.slice(dot + 1)];
    return spec && handler ? { spec, handler } : undefined;
  }

  form(formId: string): FormHandler | undefined {
    const dot = formId.indexOf('.');
    if (dot < 0) return undefined;
    return this.actionPrefixes.get(formId.slice(0, dot))?.forms?.[formId.slice(dot + 1)];
  }

  formCheck(formId: string): NonNullable<CommandSpec['formChecks']>[string] | undefined {
    const dot = formId.indexOf('.');
    if (dot < 0) return undefined;
    return this.actionPrefixes.get(formId.slice(0, dot))?.formChecks?.[formId.slice(dot + 1)];
  }

  /** Commands (and subcommands) this person may use, for /aiuto. */
  visibleTo(actor: Actor): { usage: string; description: string }[] {
    const lines: { usage: string; description: string }[] = [];
    for (const spec of this.all()) {
      if (spec.hidden) continue;
      if (spec.handler && allowed(spec.access, actor)) lines.push({ usage: spec.usage, description: spec.description });
      for (const sub of Object.values(spec.subcommands ?? {})) {
        if (allowed(sub.access ?? spec.access, actor)) lines.push({ usage: sub.usage, description: sub.description });
      }
    }
    return lines;
  }
}

/** Splits command text into tokens; "double quotes" keep spaces. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/g)) tokens.push(m[1] ?? m[2] ?? m[3]!);
  return tokens;
}

export function resolveSubcommand(spec: CommandSpec<any>, tokens: string[]): { sub?: SubcommandSpec<any>; subName?: string; rest: string[] } {
  const first = tokens[0]?.toLowerCase();
  if (!first || !spec.subcommands) return { rest: tokens };
  if (spec.subcommands[first]) return { sub: spec.subcommands[first], subName: first, rest: tokens.slice(1) };
  const aliased = Object.entries(spec.subcommands).find(([, s]) => s.aliases?.includes(first));
  if (aliased) return { sub: aliased[1], subName: aliased[0], rest: tokens.slice(1) };
  return { rest: tokens };
}

/** The closest of some names to a mistyped one ("checkn" → "checkin"), if it is near enough. */
export function nearest(typed: string, names: string[]): string | undefined {
  const word = typed.toLowerCase();
  if (word.length < 3) return undefined;
  const candidate = closest(word, names);
  const limit = word.length <= 5 ? 1 : 2;
  return candidate !== undefined && distance(word, candidate) <= limit ? candidate : undefined;
}
