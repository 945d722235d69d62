// The house rules that keep Reti platform-neutral: only the adapters talk to Slack and Telegram,
// only src/db talks to the generated Prisma client, the kernel imports no capability, capabilities
// never name a platform, and only a capability's chat module takes the chat layer's Context.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  const abs = path.join(root, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = path.join(abs, name);
    if (name === 'generated' || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? files(path.join(dir, name)) : /\.(ts|mts)$/.test(name) ? [path.join(dir, name)] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
}

/** A relative import as a path from the repository root ("src/capabilities/labs/index.js"); other imports as written. */
function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), specifier)) : specifier;
}

const platformName = /^(slack|telegram)$/i;

/** String literals (any quote style) whose value is a platform's name, with their line and what holds them. */
function platformLiterals(file: string): { line: number; text: string; holder: ts.Node }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  if (!/slack|telegram/i.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string; holder: ts.Node }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && platformName.test(node.text)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText(), holder: node.parent });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The YAML configuration names platforms as data: `platform: slack` on a channel, `accounts.telegram`
 * on a person. Its schema (src/capabilities/networks/config-section.ts) may therefore hold a platform's
 * name as the discriminant of a channel entry (`z.literal('slack')`) and as the `platform` written
 * for the account read from the key of that name (`{ platform: 'telegram', … }`). Nothing else may:
 * a comparison or a switch on a name there would be branching, and fails like anywhere else.
 */
const CONFIG_SECTION = path.join('src', 'capabilities', 'networks', 'config-section.ts');
function isConfigData(file: string, holder: ts.Node): boolean {
  if (file !== CONFIG_SECTION) return false;
  const zodLiteral = ts.isCallExpression(holder) && holder.expression.getText() === 'z.literal';
  const platformField = ts.isPropertyAssignment(holder) && holder.name.getText() === 'platform';
  return zodLiteral || platformField;
}

const kernel = [
  'src/bus/',
  'src/conversation/',
  'src/inbox/',
  'src/outbox/',
  'src/jobs/',
  'src/db/',
  'src/platform/',
  'src/reports/',
  'src/config-import/',
  'src/i18n/',
  'src/http/',
  'src/capability.ts',
  'src/services.ts',
  'src/events.ts',
  'src/clock.ts',
  'src/time.ts',
  'src/errors.ts',
  'src/log.ts',
  'src/metrics.ts',
].map((p) => p.replaceAll('/', path.sep));
const capabilityCode = /^(src\/capabilities|commands|jobs)\//;

const sdk = /^(@slack\/|telegraf)/;
const generated = /db\/generated/;

describe('boundaries', () => {
  const all = [...files('src'), ...files('commands'), ...files('jobs')];

  it('finds the code it checks', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all).toContain(path.join('commands', 'rete.ts'));
  });

  it('only src/platform/slack and src/platform/telegram import a platform SDK', () => {
    const offenders = all.filter((f) => !/^src\/platform\/(slack|telegram)\//.test(f) && imports(f).some((i) => sdk.test(i)));
    expect(offenders).toEqual([]);
  });

  it('commands, jobs, capabilities, conversation and bus never import platform code or the generated client', () => {
    const neutral = all.filter((f) => /^(commands|jobs|src\/capabilities|src\/conversation|src\/bus)\//.test(f));
    expect(neutral).toContain(path.join('src', 'capabilities', 'checkins', 'prompts.ts'));
    const offenders = neutral.filter((f) => imports(f).some((i) => sdk.test(i) || generated.test(i) || /platform\/(slack|telegram|memory)\//.test(i)));
    expect(offenders).toEqual([]);
  });

  it('only src/db imports the generated Prisma client', () => {
    const offenders = all.filter((f) => !f.startsWith(path.join('src', 'db')) && imports(f).some((i) => generated.test(i)));
    expect(offenders).toEqual([]);
  });

  it('the kernel imports no capability, command or job', () => {
    const kernelFiles = all.filter((f) => kernel.some((k) => f === k || f.startsWith(k)));
    expect(kernelFiles).toContain(path.join('src', 'outbox', 'worker.ts'));
    expect(kernelFiles).toContain(path.join('src', 'services.ts'));
    const offenders = kernelFiles.flatMap((f) =>
      imports(f)
        .filter((i) => capabilityCode.test(resolved(f, i).split(path.sep).join('/')))
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('capabilities, commands and jobs never name a platform: they ask its declared capabilities', () => {
    const code = all.filter((f) => capabilityCode.test(f.split(path.sep).join('/')));
    expect(code).toContain(path.join('src', 'capabilities', 'checkins', 'prompts.ts'));
    const data = platformLiterals(CONFIG_SECTION);
    expect(data.length).toBeGreaterThan(0); // the exclusion below is not vacuous
    const offenders = code.flatMap((f) =>
      platformLiterals(f)
        .filter((l) => !isConfigData(f, l.holder))
        .map((l) => `${f}:${l.line} ${l.text}`),
    );
    expect(offenders).toEqual([]);
  });

  it("only a capability's chat modules (chat.ts, chat-*.ts) take the chat Context; its domain takes plain inputs", () => {
    const code = all.filter((f) => f.startsWith(path.join('src', 'capabilities') + path.sep));
    const takesContext = code.filter((f) =>
      [...readFileSync(path.join(root, f), 'utf8').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"]([^'"]+)['"]/g)].some(
        (m) => /bus\/types\.js$/.test(m[2]!) && /\bContext\b/.test(m[1]!),
      ),
    );
    expect(takesContext.length).toBeGreaterThan(0);
    expect(takesContext.filter((f) => !/^chat(-[a-z-]+)?\.ts$/.test(path.basename(f)))).toEqual([]);
  });
});
