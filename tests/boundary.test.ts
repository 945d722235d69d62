// The house rules that keep Reti platform-neutral: only the adapters talk to Slack and Telegram,
// only src/db talks to the generated Prisma client.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

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

  it('commands, jobs, domain, conversation and bus never import platform code or the generated client', () => {
    const neutral = all.filter((f) => /^(commands|jobs|src\/domain|src\/conversation|src\/bus)\//.test(f));
    const offenders = neutral.filter((f) => imports(f).some((i) => sdk.test(i) || generated.test(i) || /platform\/(slack|telegram|memory)\//.test(i)));
    expect(offenders).toEqual([]);
  });

  it('only src/db imports the generated Prisma client', () => {
    const offenders = all.filter((f) => !f.startsWith(path.join('src', 'db')) && imports(f).some((i) => generated.test(i)));
    expect(offenders).toEqual([]);
  });
});
