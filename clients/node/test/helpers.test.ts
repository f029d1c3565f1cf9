import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src';
import { ATLAS_EVENT_TYPES, SchemaValidator, type AtlasMessage } from '../src';
import { allAtlasEvents } from './fixtures/all-events.mjs';
import { ADMIN_ID, STAFF_ID, atlasDocuments } from './fixtures/documents.mjs';
import { GOLDEN_DIR, SHARED_SCHEMAS_DIR } from './paths';

const schemaOf = (type: string) => JSON.parse(readFileSync(join(SHARED_SCHEMAS_DIR, `${type}.v1.schema.json`), 'utf8'));

/**
 * The payload fields no schema declares, with their paths. The schemas allow additional properties (consumers
 * ignore them), so ajv accepts them: a misnamed field would be dropped silently by the Java records.
 */
function undeclared(schema: any, value: any, defs: Record<string, any>, path = ''): string[] {
  const resolve = (s: any): any[] => {
    if (!s) return [];
    if (s.$ref) return resolve(defs[s.$ref.replace('#/$defs/', '')]);
    if (s.anyOf) return s.anyOf.flatMap(resolve);
    return [s];
  };
  const candidates = resolve(schema);
  if (Array.isArray(value)) {
    const items = candidates.find((c) => c.items)?.items;
    return items ? value.flatMap((v, i) => undeclared(items, v, defs, `${path}[${i}]`)) : [];
  }
  if (value === null || typeof value !== 'object') return [];
  const object = candidates.find((c) => c.properties);
  if (!object) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key in object.properties ? undeclared(object.properties[key], v, defs, path ? `${path}.${key}` : key) : [path ? `${path}.${key}` : key],
  );
}

const golden = (type: string) => JSON.parse(readFileSync(join(GOLDEN_DIR, `${type}.v1.json`), 'utf8'));
const EVENT_ID = '665f1c2ab4d3e8a9c0f12345';
const REG_ID = '6660a1b2c3d4e5f601234567';

describe('typed helpers on mongoose documents', () => {
  const messages = allAtlasEvents(library);
  const validator = new SchemaValidator();

  it('cover every type ONSITE ATLAS produces', () => {
    const types = new Set(Object.values(messages).map((m) => m.envelope.type));
    expect([...types].sort()).toEqual([...ATLAS_EVENT_TYPES].sort());
  });

  it.each(Object.entries(messages))('%s: envelope as docs/events.md says, payload valid against its schema', (_name, message: AtlasMessage) => {
    const env = message.envelope;
    const sample = golden(env.type);
    expect(() => validator.validateEnvelope(env as unknown as Record<string, unknown>)).not.toThrow();
    expect(env.specversion).toBe('1.0');
    expect(env.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(env.datacontenttype).toBe('application/json');
    expect(env.dataversion).toBe(1);
    expect(env.source).toBe(sample.source);
    expect(env.subject).toBe(sample.subject);
    expect(message.key).toBe(env.subject);
    expect(env.eventid).toBe(EVENT_ID);
    expect(env.correlationid).toBe('req-node-producer');
    expect(message.topic).toBe(library.topicOf(env.type));
    expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json', ce_type: env.type, ce_id: env.id });
    const schema = schemaOf(env.type);
    expect(undeclared(schema, env.data, schema.$defs ?? {})).toEqual([]);
    // Both dates of a payload are the same instant, and the envelope's time is it.
    expect((env.data as { occurredAt: string }).occurredAt).toBe(env.time);
  });

  it('would see a field the schema does not declare (what ajv lets through)', () => {
    const schema = schemaOf('abstract-submitted');
    expect(undeclared(schema, { actorUserId: 'x', abstract: { title: 't', statuz: 'submitted' }, author: { firstName: 'A', nick: 'B' } }, schema.$defs)).toEqual([
      'abstract.statuz',
      'author.nick',
    ]);
    expect(undeclared(schemaOf('check-in-completed'), { actorUserId: 'x' }, {})).toEqual(['actorUserId']);
  });

  it('maps the registration as the golden sample carries it (Map customFields, lower-cased email, populated category)', () => {
    const data = messages['registration-created'].envelope.data as any;
    expect(data.registration).toEqual({ ...golden('registration-created').data.registration, registrationId: 'ICC-0042' });
    const { timezone, ...goldenEvent } = golden('registration-created').data.event;
    expect(data.event).toEqual(goldenEvent);
    expect(data.actorUserId).toBe(ADMIN_ID);
    const d = atlasDocuments();
    const zoned = library.registrationCreated(d.registration, d.event, { timezone }).envelope.data as any;
    expect(zoned.event).toEqual(golden('registration-created').data.event);
    process.env.ATLAS_EVENT_TIMEZONE = 'Asia/Dubai';
    try {
      expect((library.registrationCreated(d.registration, d.event).envelope.data as any).event.timezone).toBe('Asia/Dubai');
    } finally {
      process.env.ATLAS_EVENT_TIMEZONE = '';
    }
  });

  it('maps the conference without its SMTP settings', () => {
    const data = messages['event-created'].envelope.data as any;
    expect(data.event).toMatchObject({ _id: EVENT_ID, status: 'published', currency: 'INR' });
    expect(data.event.sender).toEqual({ enabled: true, senderName: 'ICC 2025', senderEmail: 'info@icc2025.example.com', replyToEmail: 'help@icc2025.example.com' });
    expect(JSON.stringify(data)).not.toContain('plain-text-secret');
    expect(JSON.stringify(data)).not.toContain('smtp');
    expect(messages['event-deleted'].envelope.data).toMatchObject({ eventId: EVENT_ID, name: 'Indian Cardiology Congress 2025' });
  });

  it('maps payments, refunds, check-ins and scans as the golden samples carry them', () => {
    const pick = (type: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (messages[type].envelope.data as any)[k]]));
    const paymentKeys = ['paymentId', 'amountCents', 'currency', 'provider', 'providerPaymentId', 'method', 'capturedAt'];
    expect(pick('payment-received', paymentKeys)).toEqual(Object.fromEntries(paymentKeys.map((k) => [k, golden('payment-received').data[k]])));
    const refundKeys = ['paymentId', 'refundedCents', 'currency', 'provider', 'fullRefund', 'reason'];
    expect(pick('payment-refunded', refundKeys)).toEqual(Object.fromEntries(refundKeys.map((k) => [k, golden('payment-refunded').data[k]])));
    expect(pick('check-in-completed', ['checkedInAt', 'checkedInBy'])).toEqual({ checkedInAt: '2025-11-14T03:05:12.345Z', checkedInBy: STAFF_ID });
    const { occurredAt: _o, event: _e, registration: _r, ...scan } = messages['resource-used'].envelope.data as any;
    const { occurredAt: _go, event: _ge, registration: _gr, ...goldenScan } = golden('resource-used').data;
    expect(scan).toEqual(goldenScan);
    expect((messages['registration-cancelled'].envelope.data as any).registration.status).toBe('cancelled');
    expect((messages['registration-updated'].envelope.data as any).changedFields).toEqual(['personalInfo.phone', 'category']);
  });

  it('maps both workshop representations, prices in cents', () => {
    expect((messages['workshop-registered'].envelope.data as any).workshop).toEqual(golden('workshop-registered').data.workshop);
    expect((messages['workshop-registered (embedded)'].envelope.data as any).workshop).toEqual({
      workshopId: '6661b0c1d2e3f40500000001', title: 'Cath Lab Basics', priceCents: 150000, currency: 'INR',
    });
  });

  it('maps abstracts with the category from the conference and legacy statuses normalised', () => {
    const submitted = messages['abstract-submitted'].envelope.data as any;
    expect(submitted.abstract).toEqual(golden('abstract-submitted').data.abstract);
    expect(submitted.author).toEqual(golden('abstract-submitted').data.author);
    expect(submitted.registration.registrationId).toBe('ICC-0042');
    const changed = messages['abstract-status-changed'].envelope.data as any;
    expect(changed).toMatchObject({ oldStatus: 'under-review', newStatus: 'revision-requested', revisionDeadline: '2025-09-15T18:29:59.000Z' });
    expect(changed.abstract.status).toBe('revision-requested');
  });

  it('maps sponsors in cents and never sends the contact phone hash', () => {
    const data = messages['sponsor-created'].envelope.data as any;
    expect(data.sponsor).toEqual({ ...golden('sponsor-created').data.sponsor });
    expect(JSON.stringify(data)).not.toContain('$2a$');
  });

  it('reads plain objects (lean() results, string ids and dates) as well as documents', () => {
    const d = atlasDocuments();
    const lean = JSON.parse(JSON.stringify(d.registration.toObject({ flattenMaps: true })));
    const fromLean = library.registrationCreated(lean, JSON.parse(JSON.stringify(d.event)), { time: '2025-10-02T06:15:30.120Z', id: 'fixed-id' });
    const fromDoc = library.registrationCreated(d.registration, d.event, { time: new Date('2025-10-02T06:15:30.120Z'), id: 'fixed-id' });
    expect(fromLean).toEqual(fromDoc);
    expect(fromDoc.envelope.subject).toBe(REG_ID);
  });

  it('takes a deterministic id and time, so re-publishing one fact is a duplicate consumers skip', () => {
    const d = atlasDocuments();
    const first = library.paymentReceived(d.payment, d.registration, d.event, { id: `payment-received:${d.payment._id}`, time: d.payment.capturedAt });
    const again = library.paymentReceived(d.payment, d.registration, d.event, { id: `payment-received:${d.payment._id}`, time: d.payment.capturedAt });
    expect(again).toEqual(first);
    expect(first.envelope.time).toBe('2025-10-02T06:19:58.000Z');
  });
});
