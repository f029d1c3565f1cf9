import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMAS_DIR, InvalidEventError, SchemaValidator } from '../src';
import { GOLDEN_DIR, SHARED_SCHEMAS_DIR } from './paths';

const goldenFiles = readdirSync(GOLDEN_DIR).filter((name) => name.endsWith('.json'));
const sharedSchemas = readdirSync(SHARED_SCHEMAS_DIR).filter((name) => name.endsWith('.schema.json'));

describe('the shared-events contract', () => {
  it('ships exactly the schemas shared-events generates, byte for byte', () => {
    const shipped = readdirSync(DEFAULT_SCHEMAS_DIR).sort();
    expect(shipped).toEqual([...sharedSchemas].sort());
    for (const name of sharedSchemas) {
      expect(readFileSync(join(DEFAULT_SCHEMAS_DIR, name), 'utf8'), name).toBe(readFileSync(join(SHARED_SCHEMAS_DIR, name), 'utf8'));
    }
  });

  it('has a golden sample for every payload schema', () => {
    const payloadSchemas = sharedSchemas.filter((name) => name !== 'envelope.schema.json').map((name) => name.replace('.schema.json', ''));
    expect(goldenFiles.map((name) => name.replace('.json', '')).sort()).toEqual(payloadSchemas.sort());
  });

  const validator = new SchemaValidator();
  it.each(goldenFiles)('validates the Java golden sample %s', (name) => {
    const sample = JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8'));
    expect(() => validator.validateEnvelope(sample)).not.toThrow();
  });

  it.each(goldenFiles)('rejects %s without its first required payload field, naming it', (name) => {
    const sample = JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8'));
    const schema = JSON.parse(readFileSync(join(SHARED_SCHEMAS_DIR, `${sample.type}.v${sample.dataversion}.schema.json`), 'utf8'));
    const required: string = schema.required[0];
    delete sample.data[required];
    expect(() => validator.validateEnvelope(sample)).toThrow(InvalidEventError);
    expect(() => validator.validateEnvelope(sample)).toThrow(`${required} is required`);
  });
});
