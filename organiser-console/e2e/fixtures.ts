import { readFileSync, mkdirSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SignJWT } from 'jose';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { DEMO_USERS, env } from './env';

export { expect };

/** A fresh 24-hex ObjectId, like MongoDB's. */
export function objectId(): string {
  const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return seconds + randomBytes(8).toString('hex');
}

/** An ONSITE ATLAS token (HS256, JWT_SECRET): staff tokens carry only `id`; registrant ones `id`, `type`, `eventId`. */
export async function token(claims: Record<string, unknown>, expiresInSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(env.jwtSecret));
}

export function staffToken(role: keyof typeof DEMO_USERS, expiresInSeconds = 3600): Promise<string> {
  return token({ id: DEMO_USERS[role].id }, expiresInSeconds);
}

export function registrantToken(registrationId: string, eventId: string): Promise<string> {
  return token({ id: registrationId, type: 'registrant', eventId });
}

/** Opens the console signed in: the token is in `localStorage.token`, where ONSITE ATLAS's client keeps it. */
export async function signIn(page: Page, bearer: string, key = 'token'): Promise<void> {
  await page.addInitScript(
    ([k, t]) => {
      if (!window.localStorage.getItem('__atlas_e2e_signed_out')) window.localStorage.setItem(k, t);
    },
    [key, bearer],
  );
}

/** A JSON call through the gateway, for arranging and checking what the browser did. */
export async function api<T = unknown>(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; body: { success?: boolean; message?: string; data: T; meta?: unknown } }> {
  const response = await fetch(env.gateway + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

// ---- Kafka: domain events as ONSITE ATLAS publishes them (docs/events.md) -----------------------------------------

let producer: Producer | null = null;

async function kafkaProducer(): Promise<Producer> {
  if (!producer) {
    const kafka = new Kafka({ clientId: 'console-e2e', brokers: env.kafka.split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  }
  return producer;
}

export async function closeKafka(): Promise<void> {
  await producer?.disconnect();
  producer = null;
}

/** A golden sample of shared-events (the contract's own examples) with a fresh id and time. */
export function golden(type: string): Record<string, any> {
  const envelope = JSON.parse(readFileSync(`${env.goldenDir}${type}.v1.json`, 'utf8'));
  envelope.id = randomUUID();
  envelope.time = new Date().toISOString();
  if (envelope.data) envelope.data.occurredAt = envelope.time;
  return envelope;
}

/** Publishes one CloudEvents envelope, keyed by its subject, with the `ce_*` headers of docs/events.md. */
export async function publish(topic: string, envelope: Record<string, any>): Promise<void> {
  const p = await kafkaProducer();
  await p.send({
    topic,
    messages: [
      {
        key: envelope.subject,
        value: JSON.stringify(envelope),
        headers: {
          ce_specversion: '1.0',
          ce_id: envelope.id,
          ce_type: envelope.type,
          ce_source: envelope.source,
          'content-type': 'application/json',
        },
      },
    ],
  });
}

export interface TestConference {
  eventId: string;
  name: string;
  timezone: string;
}

/**
 * Publishes an event-created for a new conference starting in 30 days and waits until the services' read models
 * know it (the console's conference picker reads reporting's).
 */
export async function newConference(name = `E2E Congress ${Date.now().toString(36)}`, timezone = 'Asia/Kolkata'): Promise<TestConference> {
  const eventId = objectId();
  const envelope = golden('event-created');
  const start = new Date(Date.now() + 30 * 86_400_000);
  envelope.subject = eventId;
  envelope.eventid = eventId;
  Object.assign(envelope.data.event, {
    _id: eventId,
    name,
    timezone,
    startDate: start.toISOString(),
    endDate: new Date(start.getTime() + 2 * 86_400_000).toISOString(),
  });
  await publish('atlas.events', envelope);
  const admin = await staffToken('admin');
  await expect
    .poll(async () => (await api('GET', `/api/reports/conferences/${eventId}`, admin)).status, { timeout: 60_000 })
    .toBe(200);
  return { eventId, name, timezone };
}

export interface TestRegistration {
  registrationObjectId: string;
  registrationId: string;
  email: string;
  firstName: string;
}

/** Publishes a registration-created for the conference (golden sample, fresh ids, the given name and email). */
export async function newRegistration(
  conference: TestConference,
  overrides: { firstName?: string; lastName?: string; email?: string; category?: string } = {},
): Promise<TestRegistration> {
  const registrationObjectId = objectId();
  const registrationId = `REG-${Math.floor(Math.random() * 90000 + 10000)}`;
  const envelope = golden('registration-created');
  envelope.subject = registrationObjectId;
  envelope.eventid = conference.eventId;
  Object.assign(envelope.data.event, { _id: conference.eventId, name: conference.name, timezone: conference.timezone });
  const registration = envelope.data.registration;
  registration._id = registrationObjectId;
  registration.registrationId = registrationId;
  const email = overrides.email ?? `${registrationObjectId}@e2e.example.org`;
  Object.assign(registration.personalInfo, {
    ...(overrides.firstName ? { firstName: overrides.firstName } : {}),
    ...(overrides.lastName ? { lastName: overrides.lastName } : {}),
    email,
  });
  if (overrides.category && registration.category) registration.category.name = overrides.category;
  await publish('atlas.registrations', envelope);
  return { registrationObjectId, registrationId, email, firstName: registration.personalInfo.firstName };
}

// ---- Mail captured by the embedded SMTP server ---------------------------------------------------------------------

export interface CapturedMail {
  id: number;
  subject: string;
  to: string[];
  textBody?: string;
  htmlBody?: string;
}

export async function mailsTo(address: string): Promise<CapturedMail[]> {
  const response = await fetch(`${env.mailApi}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as CapturedMail[];
}

// ---- Evidence: screenshots for docs/console.md, accessibility ---------------------------------------------------------

/** Saves a full-page screenshot as docs/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(env.screenshots, { recursive: true });
  await page.screenshot({ path: `${env.screenshots}${name}.png`, fullPage: true });
}

/**
 * axe-core on the page as it is: no serious or critical violation (WCAG 2.1 A/AA rules). `exclude` leaves out parts
 * that are not the console's own UI, e.g. a sandboxed (script-less) preview frame of an organiser's e-mail, in which
 * axe cannot run and would wait for ever.
 */
export async function expectAccessible(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<void> {
  // The pointer rests where the last click left it; hover colours are checked by the theme, axe judges the page at rest.
  await page.mouse.move(0, 0);
  // antd's motion (a drawer's mask fading out, a toast fading in) leaves colours half-blended for a moment, and axe
  // would judge the contrast of that frame: judge the page once nothing is moving.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity));
  // A toast's own timer can still start its fade-out while axe runs (after the wait above); its colours in that frame
  // say nothing about the page, so toasts (antd's message container) are left out. Their text at rest is antd's
  // default dark text on white.
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.ant-message');
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
}

/** Playwright's test; each spec that publishes calls `test.afterAll(closeKafka)`. */
export const test = base;
