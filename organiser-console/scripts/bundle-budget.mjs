#!/usr/bin/env node
/**
 * The console's JavaScript budget (docs/PERFORMANCE.md): the gzip size of what the shell loads at start — the module
 * script of dist/app/index.html, its modulepreloads and everything they import statically — must stay at or under
 * 300 kB (300,000 bytes, gzip level 6 as the gateway serves it). Page chunks (React.lazy, loaded when a page opens)
 * are listed with their own size and with the lazily loaded chunks they pull in beyond the shell.
 *
 *   npm run build && node scripts/bundle-budget.mjs [--budget 300] [--dir dist/app] [--json]
 *
 * Exits 1 when the shell is over budget, 2 when there is no build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, option('dir', 'dist/app'));
const budget = Number(option('budget', '300')) * 1000;
const asJson = args.includes('--json');

const indexFile = join(dir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`No build at ${dir}: run npm run build first.`);
  process.exit(2);
}
const html = readFileSync(indexFile, 'utf8');

/** `/console/assets/x.js` or `./assets/x.js` → `assets/x.js`, relative to the build folder. */
function fromHtml(url) {
  return url.replace(/^(?:https?:\/\/[^/]+)?\/console\//, '').replace(/^\.?\//, '');
}
const entries = [
  ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => fromHtml(m[1])),
  ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => fromHtml(m[1])),
];

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(dir, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
  }
  return sizes.get(file);
}

/**
 * The static imports of a chunk: the `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`
 * statements the bundler writes at the top of each chunk (a dynamic `import("./x.js")` is not one).
 */
function staticImports(file) {
  const code = readFileSync(join(dir, file), 'utf8');
  const found = [];
  const statement = /^\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]\s*;?/;
  let rest = code;
  for (;;) {
    const match = statement.exec(rest);
    if (!match) break;
    if (match[1].startsWith('.')) found.push(posix.normalize(posix.join(posix.dirname(file), match[1])));
    rest = rest.slice(match[0].length);
  }
  return found;
}
function dynamicImports(file) {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(/import\(\s*["'`](\.[^"'`]+\.js)["'`]\s*\)/g)].map((m) =>
    posix.normalize(posix.join(posix.dirname(file), m[1])),
  );
}
function closure(starts, exclude = new Set()) {
  const seen = new Set();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file) || exclude.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const shell = closure(entries);
const shellGzip = [...shell].reduce((sum, f) => sum + size(f).gzip, 0);
const shellRaw = [...shell].reduce((sum, f) => sum + size(f).raw, 0);

// Lazily loaded chunks: every dynamic import reachable from the shell (and from those chunks), page chunks first.
const lazy = new Set();
const pending = [...shell];
while (pending.length) {
  for (const target of dynamicImports(pending.shift())) {
    if (!shell.has(target) && !lazy.has(target)) {
      lazy.add(target);
      pending.push(target);
    }
  }
}
const lazyRows = [...lazy]
  .map((file) => {
    const extra = closure([file], shell);
    return {
      file,
      gzip: size(file).gzip,
      raw: size(file).raw,
      withDeps: [...extra].reduce((sum, f) => sum + size(f).gzip, 0),
      deps: [...extra].filter((f) => f !== file),
    };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const name = (file) => file.replace(/^assets\//, '');
const over = shellGzip > budget;

if (asJson) {
  console.log(
    JSON.stringify(
      {
        budgetBytes: budget,
        shell: { gzip: shellGzip, raw: shellRaw, chunks: [...shell].map((f) => ({ file: f, ...size(f) })) },
        lazy: lazyRows,
        ok: !over,
      },
      null,
      2,
    ),
  );
} else {
  const rows = [];
  rows.push(['Shell (loaded at start)', 'raw', 'gzip']);
  for (const file of [...shell].sort((a, b) => size(b).gzip - size(a).gzip)) {
    rows.push([`  ${name(file)}`, kb(size(file).raw), kb(size(file).gzip)]);
  }
  rows.push(['  total', kb(shellRaw), kb(shellGzip)]);
  rows.push(['', '', '']);
  rows.push(['Lazy chunks (own gzip; + chunks they add beyond the shell)', 'gzip', 'with deps']);
  for (const row of lazyRows) rows.push([`  ${name(row.file)}`, kb(row.gzip), kb(row.withDeps)]);
  const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
  for (const [label, a, b] of rows) console.log(`${label.padEnd(width)}  ${a.padStart(10)}  ${b.padStart(10)}`);
  console.log('');
  console.log(
    `${over ? 'OVER BUDGET' : 'Within budget'}: the shell loads ${kb(shellGzip)} of JavaScript gzipped (budget ${kb(budget)}).`,
  );
}
process.exit(over ? 1 : 0);
