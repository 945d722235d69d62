// `npm start`: runs the compiled service (dist/, tsc output), building it first when it is missing or
// older than the sources. The service runs in this very process (no extra child), so the SIGTERM a
// process manager sends to `npm start` reaches it through npm and nothing is left behind.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const entry = path.join(dist, 'src/main.js');

/** The newest modification time under these folders (sources, assets, the generated Prisma client). */
function newest(dirs) {
  let max = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else max = Math.max(max, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  return max;
}

export function build() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  console.error('npm start: compilo TypeScript in dist/ (tsc -p tsconfig.build.json)…');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // Files that are not TypeScript (the cruscotto's static assets) travel next to the compiled code.
  const assets = path.join(root, 'src/capabilities/cruscotto/public');
  if (existsSync(assets)) cpSync(assets, path.join(dist, 'src/capabilities/cruscotto/public'), { recursive: true });
}

const sources = Math.max(newest(['src', 'commands', 'jobs']), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(root, f)).mtimeMs));
const stale = !existsSync(entry) || statSync(entry).mtimeMs < sources;
if (process.argv.includes('--build') || stale) build();
if (!process.argv.includes('--build')) await import(pathToFileURL(entry).href);
