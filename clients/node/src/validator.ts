import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { InvalidEventError, type FieldError } from './errors';

/** Where the build copied shared-events' schemas (scripts/copy-schemas.mjs): `<package>/schemas`. */
export const DEFAULT_SCHEMAS_DIR = join(__dirname, '..', 'schemas');

/**
 * Validates envelopes and payloads against the JSON Schemas shared-events generates from its Java records (draft
 * 2020-12), the same files the Java side checks its golden samples with. Schemas are compiled on first use.
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly schemasDir: string = DEFAULT_SCHEMAS_DIR) {
    // Not strict: the generated schemas carry annotations ($comment, descriptions) ajv's strict mode would question.
    this.ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(this.ajv);
  }

  /** True when shared-events has a schema for this (type, version). */
  knows(type: string, version = 1): boolean {
    return existsSync(this.file(`${type}.v${version}`));
  }

  /** True when the payload schema of (type, version) declares a top-level property `name` (`actorUserId`, ...). */
  declares(type: string, version: number, name: string): boolean {
    this.schema(`${type}.v${version}`, type);
    const schema = this.ajv.getSchema(this.schemaId(`${type}.v${version}`))?.schema as { properties?: Record<string, unknown> } | undefined;
    return Boolean(schema?.properties && name in schema.properties);
  }

  /** Throws {@link InvalidEventError} naming each offending field when `data` is not a valid payload. */
  validatePayload(type: string, version: number, data: unknown): void {
    const validate = this.schema(`${type}.v${version}`, type);
    if (!validate(data)) {
      throw new InvalidEventError(type, fieldErrors(validate.errors ?? []));
    }
  }

  /**
   * Validates the envelope's attributes, then its `data` against the schema of its type and `dataversion`; throws one
   * {@link InvalidEventError} with the problems of both.
   */
  validateEnvelope(envelope: Record<string, unknown>): void {
    const type = typeof envelope.type === 'string' ? envelope.type : '(no type)';
    const validate = this.schema('envelope', type);
    const errors: FieldError[] = validate(envelope) ? [] : fieldErrors(validate.errors ?? [], 'envelope');
    if (typeof envelope.time === 'string' && !/\.\d{3}Z$/.test(envelope.time)) {
      errors.push({ field: 'envelope.time', message: 'must be ISO-8601 UTC with milliseconds (Date.toISOString())' });
    }
    if (typeof envelope.type === 'string' && Number.isInteger(envelope.dataversion)) {
      const validateData = this.schema(`${type}.v${envelope.dataversion}`, type);
      if (!validateData(envelope.data)) {
        errors.push(...fieldErrors(validateData.errors ?? []));
      }
    }
    if (errors.length > 0) {
      throw new InvalidEventError(type, errors);
    }
  }

  private schema(name: string, type: string): ValidateFunction {
    let validate = this.compiled.get(name);
    if (!validate) {
      const path = this.file(name);
      if (!existsSync(path)) {
        throw new InvalidEventError(type, [{ field: 'type', message: `has no shared-events schema ${name} in ${this.schemasDir}` }]);
      }
      const schema = JSON.parse(readFileSync(path, 'utf8'));
      this.ajv.addSchema({ ...schema, $id: this.schemaId(name) });
      validate = this.ajv.getSchema(this.schemaId(name)) as ValidateFunction;
      this.compiled.set(name, validate);
    }
    return validate;
  }

  private schemaId(name: string): string {
    return `urn:onsite-atlas:schemas:${name}`;
  }

  private file(name: string): string {
    return join(this.schemasDir, `${name}.schema.json`);
  }
}

/** ajv's errors as dotted field names: `/registration/personalInfo` + missing `lastName` is `registration.personalInfo.lastName`. */
function fieldErrors(errors: ErrorObject[], prefix?: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    // anyOf/oneOf add a summary error after their branches' errors; the branches say more.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      continue;
    }
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      segments.push(String((error.params as { missingProperty: string }).missingProperty));
      message = 'is required';
    } else if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== null);
      message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'type') {
      message = `must be ${(error.params as { type: string | string[] }).type}`.replace(/,/g, ' or ');
    }
    const path = segments.join('.');
    const field = prefix ? (path ? `${prefix}.${path}` : prefix) : path || '(payload)';
    const key = `${field} ${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push({ field, message });
    }
  }
  // A nullable reference (`anyOf: [null, {$ref}]`) reports "must be null" next to the real problem: keep the latter.
  return result.filter((e) => e.message !== 'must be null' || !result.some((o) => o.field === e.field && o !== e));
}
