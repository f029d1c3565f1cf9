#!/usr/bin/env node
// First build step: copies the JSON Schemas that shared-events generates from its records
// (shared-events/src/main/resources/schemas) into schemas/, which the package ships and the validator reads. The
// files are never edited or kept in git here, so the library always validates against the contract of the commit
// it is built from.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.env.ATLAS_SCHEMAS_DIR ?? join(root, '..', '..', 'shared-events', 'src', 'main', 'resources', 'schemas');
const target = join(root, 'schemas');

if (!existsSync(join(source, 'envelope.schema.json'))) {
  console.error(`[events-producer] no shared-events schemas in ${source} (set ATLAS_SCHEMAS_DIR to build elsewhere)`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const files = readdirSync(source).filter((name) => name.endsWith('.schema.json'));
for (const name of files) {
  copyFileSync(join(source, name), join(target, name));
}
console.log(`[events-producer] ${files.length} schemas copied from shared-events`);
