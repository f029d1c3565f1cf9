#!/usr/bin/env node
// Maven's first step for the events producer (pom.xml): `npm ci` only when node_modules does not match the lockfile, so a
// rebuild does not spend minutes reinstalling. npm writes node_modules/.package-lock.json on every install; when it
// is missing or older than package-lock.json (or package.json), the tree is stale.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const inputs = ['package-lock.json', 'package.json'].map((f) => join(root, f));

const [major] = process.versions.node.split('.').map(Number);
if (major < 18) {
  console.error(`Node.js ${process.versions.node} is too old for the events producer: it needs 18 or newer.`);
  process.exit(1);
}

const stale =
  !existsSync(installed) || inputs.some((input) => statSync(input).mtimeMs > statSync(installed).mtimeMs + 1);
if (!stale) {
  console.log('[events-producer] node_modules matches package-lock.json: npm ci skipped');
  process.exit(0);
}
console.log('[events-producer] npm ci');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
