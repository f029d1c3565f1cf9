#!/usr/bin/env node
/**
 * The delivery log over 10,000 notifications (issue 11, docs/PERFORMANCE.md): seeds 10,000 notification documents
 * for a fresh conference id straight into notification-service's MongoDB, in the shape the service stores them
 * (`notifications` collection, Spring Data's mapping of delivery/Notification.java: ObjectId `_id`, `event` as a hex
 * string, dates as BSON dates, nulls left out, `_class`), checks the gateway lists them, then times the console's
 * delivery log in Chromium and the list API itself, prints a table and removes the seeded documents.
 *
 *   node scripts/delivery-log-10k.mjs [--base http://localhost:8080] [--mongo mongodb://127.0.0.1:27101]
 *       [--db atlas_notification] [--count 10000] [--runs 5] [--api-requests 50] [--keep]
 *
 * Needs the suite (bin/atlas up) and its demo tokens (.atlas/demo-tokens.env, or ADMIN_TOKEN in the environment).
 * No `pending` notification is seeded: the dispatcher would pick it up and send it.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { MongoClient, ObjectId } from 'mongodb';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const base = option('base', process.env.ATLAS_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const mongoUrl = option('mongo', process.env.ATLAS_NOTIFICATION_MONGO ?? 'mongodb://127.0.0.1:27101');
const dbName = option('db', 'atlas_notification');
const count = Number(option('count', '10000'));
const runs = Number(option('runs', '5'));
const apiRequests = Number(option('api-requests', '50'));
const keep = args.includes('--keep');
const COLLECTION = 'notifications';
const CLASS = 'com.onsiteatlas.notification.delivery.Notification';
const PAGE_SIZE = 25; // the console's PAGE_SIZE (src/features/deliveries/api.ts)

function adminToken() {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = fileURLToPath(new URL('../../.atlas/demo-tokens.env', import.meta.url));
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('ADMIN_TOKEN='));
  if (!line) throw new Error(`No ADMIN_TOKEN in ${file} (bin/atlas seed writes it)`);
  return line.slice('ADMIN_TOKEN='.length).trim();
}
const token = adminToken();

// ---- Seed data: deterministic (mulberry32), so two runs seed the same mix. ----
let seed = 0x5eed11;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const weighted = (pairs) => {
  let r = random() * pairs.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const oid = () => new ObjectId().toHexString();

const GIVEN = ['अनन्या', 'राहुल', 'प्रिया', 'अर्जुन', 'स्नेहा', 'विक्रम', '陈', '王', '李', '张', '田中', '佐藤', 'Ananya', 'Rahul', 'Priya', 'Wei', 'Li Na', 'Kavya', 'Arjun', 'Meera', 'Sophie', 'Tomás'];
const FAMILY = ['शर्मा', 'अय्यर', 'वर्मा', 'गुप्ता', '伟', '芳', '娜', '静', 'さくら', '健太', 'Iyer', 'Sharma', 'Reddy', 'Nair', 'Chen', 'Wang', 'Patel', 'Menon', 'Kumar', 'Müller'];
const DOMAINS = ['gmail.com', 'yahoo.co.in', 'aiims.edu', 'hospital.example.org', 'qq.com', 'outlook.com'];

const REGISTRANTS = Math.max(1, Math.round(count / 4));
const registrants = Array.from({ length: REGISTRANTS }, (_, i) => {
  const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
  const local = `reg${i}.${hex(4)}`;
  return {
    _id: oid(),
    registrationId: `REG-${String(10000 + i).padStart(5, '0')}`,
    name,
    email: random() < 0.96 ? `${local}@${pick(DOMAINS)}` : undefined,
    phone: random() < 0.85 ? `+${pick(['91', '91', '91', '86', '81', '44'])}9${String(Math.floor(random() * 1e9)).padStart(9, '0')}` : undefined,
    category: pick(['Delegate', 'Faculty', 'Student', 'Exhibitor']),
  };
});
const TRIGGERS = Array.from({ length: 6 }, () => oid());
const TEMPLATES = { email: [oid(), oid(), oid()], sms: [oid(), oid()], whatsapp: [oid()] };
const BULK_SENDS = Array.from({ length: 4 }, () => `send:${randomUUID()}`);
const MANUAL_RUNS = Array.from({ length: 3 }, () => `manual:${randomUUID()}`);
const SUBJECTS = [
  (r) => `Welcome, ${r.name} — Indian Cardiology Congress 2026`,
  (r) => `Your badge and QR code, ${r.registrationId}`,
  (r) => `Hotel confirmation for ${r.name}`,
  (r) => `Programme change: Hall B session moved`,
  (r) => `Payment received — ${r.registrationId}`,
];

const FAILURES = {
  email: [
    ['EENVELOPE', (r) => `Recipient refused: 550 5.1.1 <${r.email}>: Recipient address rejected: User unknown in virtual mailbox table`, false],
    ['EMESSAGE', () => 'SMTP server refused the message: 554 5.7.1 Message rejected as spam by content filtering', false],
    ['ETIMEDOUT', () => 'SMTP server timed out', true],
    ['ECONNREFUSED', () => 'Cannot connect to the SMTP server: Connection refused', true],
  ],
  sms: [
    ['21211', (r) => `Twilio refused the message (400): Invalid 'To' Phone Number: ${r.phone}`, false],
    ['21610', () => 'Twilio refused the message (400): Attempt to send to unsubscribed recipient', false],
    ['21408', (r) => `Twilio refused the message (400): Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${r.phone}`, false],
    ['20429', () => 'Twilio rate limit: Too Many Requests', true],
  ],
  whatsapp: [
    ['400', () => 'WhatsApp API refused the message (400): {"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026}}', false],
    ['400', () => 'WhatsApp API refused the message (400): {"error":{"message":"(#132001) Template name does not exist in the translation","type":"OAuthException","code":132001}}', false],
    ['ETIMEDOUT', () => 'The WhatsApp API did not answer within PT10S (atlas.notification.whatsapp.timeout)', true],
    ['503', () => 'WhatsApp API error 503: {"error":{"message":"Service temporarily unavailable","code":2}}', true],
  ],
};
const MAX_ATTEMPTS = 5; // atlas.notification.dispatch.max-attempts default

const WEEK = 7 * 24 * 3600 * 1000;
const seededAt = Date.now();

/** One document, field for field as MappingMongoConverter writes a Notification (null fields omitted). */
function notification(eventId) {
  const r = pick(registrants);
  const channel = weighted([['email', 65], ['sms', 20], ['whatsapp', 15]]);
  const source = weighted([['event', 68], ['scheduled', 14], ['send', 12], ['manual', 4], ['resend', 2]]);
  const trigger = ['event', 'scheduled', 'manual'].includes(source) ? pick(TRIGGERS) : undefined;
  const template = pick(TEMPLATES[channel]);
  const createdAt = new Date(seededAt - Math.floor(random() * WEEK));
  const address = channel === 'email' ? r.email : r.phone;
  let status = weighted([['sent', 80], ['failed', 9], ['skipped', 8], ['cancelled', 3]]);
  let skipCode = status === 'skipped' ? weighted([['OPTED_OUT', 5], ['CHANNEL_DISABLED', 2], ['NO_ADDRESS', 1]]) : undefined;
  if (!address && status !== 'cancelled') {
    status = 'skipped';
    skipCode = 'NO_ADDRESS';
  }
  if (status === 'skipped' && skipCode === 'NO_ADDRESS' && address) skipCode = 'OPTED_OUT';
  const rendered = !(status === 'skipped' && skipCode !== 'OPTED_OUT');
  const subject = pick(SUBJECTS)(r);
  const body = `Dear ${r.name}, your registration id is ${r.registrationId} (${r.category}).`;
  let content;
  if (rendered) {
    if (channel === 'email') content = { subject, body, html: `<p>Dear ${r.name}, your registration id is <b>${r.registrationId}</b> (${r.category}).</p>` };
    else if (channel === 'sms') content = { body };
    else content = { body, whatsappTemplate: { name: 'registration_confirmed', language: 'en', parameters: [r.name, r.registrationId] } };
  }
  const sourceKey =
    source === 'send' ? pick(BULK_SENDS) : source === 'manual' ? pick(MANUAL_RUNS) : source === 'scheduled' ? `occurrence:${trigger}:${createdAt.toISOString().slice(0, 10)}` : randomUUID();
  const doc = {
    _id: new ObjectId(),
    event: eventId,
    registration: r._id,
    registrationId: r.registrationId,
    trigger,
    template,
    channel,
    recipient: { name: r.name, email: r.email, phone: r.phone },
    content,
    status,
    errorMessage: undefined,
    errorCode: undefined,
    sentAt: undefined,
    createdAt,
    updatedAt: createdAt,
    dedupKey: `${sourceKey}|${trigger ?? template}|${r._id}|${channel}`,
    source,
    attemptCount: 0,
    attempts: [],
    nextAttemptAt: createdAt,
    providerMessageId: undefined,
    deliveryStatus: undefined,
    deliveryUpdatedAt: undefined,
    testMode: false,
    transactional: source !== 'send',
    outbox: [],
    _class: CLASS,
  };
  const at = (ms) => new Date(createdAt.getTime() + ms);
  if (status === 'sent') {
    const duration = channel === 'email' ? 150 + Math.floor(random() * 900) : 300 + Math.floor(random() * 1500);
    const started = 200 + Math.floor(random() * 3000);
    doc.providerMessageId =
      channel === 'email' ? `<${hex(24)}@onsiteatlas.notification>` : channel === 'sms' ? `SM${hex(32)}` : `wamid.HBgM${hex(24).toUpperCase()}`;
    doc.sentAt = at(started + duration);
    doc.updatedAt = doc.sentAt;
    doc.attemptCount = 1;
    doc.attempts = [{ number: 1, at: at(started), outcome: 'sent', providerMessageId: doc.providerMessageId, durationMs: duration }];
    if (channel !== 'email') {
      doc.deliveryStatus =
        channel === 'sms' ? weighted([['delivered', 90], ['undelivered', 6], ['sent', 4]]) : weighted([['read', 55], ['delivered', 40], ['sent', 5]]);
      doc.deliveryUpdatedAt = at(started + duration + 2000 + Math.floor(random() * 60000));
      doc.updatedAt = doc.deliveryUpdatedAt;
      if (doc.deliveryStatus === 'undelivered') doc.errorCode = pick(['30003', '30005', '30006']);
    }
  } else if (status === 'failed') {
    const [code, message, transient] = pick(FAILURES[channel]);
    const attempts = transient ? MAX_ATTEMPTS : 1;
    let t = 300;
    for (let n = 1; n <= attempts; n++) {
      const duration = code === 'ETIMEDOUT' ? 10000 : 80 + Math.floor(random() * 600);
      doc.attempts.push({ number: n, at: at(t), outcome: n < attempts ? 'retry' : 'failed', errorCode: code, errorMessage: message(r), durationMs: duration });
      t += duration + 1000 * 2 ** n;
    }
    doc.attemptCount = attempts;
    doc.errorCode = code;
    doc.errorMessage = message(r);
    doc.updatedAt = at(t);
    doc.nextAttemptAt = transient ? at(t - 1000 * 2 ** attempts) : createdAt;
  } else if (status === 'skipped') {
    doc.errorCode = skipCode;
    doc.errorMessage =
      skipCode === 'OPTED_OUT'
        ? `The recipient unsubscribed from these messages on ${channel}`
        : skipCode === 'CHANNEL_DISABLED'
          ? `The ${channel} channel is disabled for this event`
          : `The recipient has no ${channel === 'email' ? 'e-mail address' : 'phone number'}`;
    if (skipCode === 'OPTED_OUT') doc.updatedAt = at(400);
  } else {
    doc.errorMessage = 'The registration was cancelled';
    doc.updatedAt = at(60000 + Math.floor(random() * 3600000));
  }
  // Spring Data leaves null properties out of the document.
  for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
  for (const key of Object.keys(doc.recipient)) if (doc.recipient[key] === undefined) delete doc.recipient[key];
  return doc;
}

// ---- Helpers ----
const api = async (path) => {
  const response = await fetch(`${base}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
};
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (v) => (v === undefined ? '—' : `${Math.round(v)}`);

// ---- Seed ----
const eventId = new ObjectId().toHexString();
const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5000 });
await client.connect();
const collection = client.db(dbName).collection(COLLECTION);
const rows = [];
let browser;
try {
  let started = performance.now();
  const statusCounts = {};
  const dedupKeys = new Set();
  for (let done = 0; done < count; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - done) }, () => {
      // dedupKey is unique (one message per cause, trigger, recipient and channel): draw again on a repeat.
      let doc;
      do doc = notification(eventId);
      while (dedupKeys.has(doc.dedupKey));
      dedupKeys.add(doc.dedupKey);
      return doc;
    });
    for (const d of batch) statusCounts[d.status] = (statusCounts[d.status] ?? 0) + 1;
    await collection.insertMany(batch, { ordered: false });
  }
  console.log(
    `seeded ${count} notifications for conference ${eventId} in ${Math.round(performance.now() - started)} ms ` +
      `(${Object.entries(statusCounts).map(([s, n]) => `${s} ${n}`).join(', ')})`,
  );

  // ---- The gateway lists them ----
  const first = await api(`/events/${eventId}/notifications?page=1&limit=20`);
  const total = first.meta?.pagination?.total;
  console.log(`GET /api/events/${eventId}/notifications?page=1&limit=20 → total ${total}, ${first.data.length} items`);
  if (total !== count) throw new Error(`The gateway lists ${total} notifications, expected ${count}`);

  // ---- The list API: sequential requests at random pages ----
  const failedTotal = (await api(`/events/${eventId}/notifications?status=failed&limit=1`)).meta.pagination.total;
  const SEARCH = 'शर्मा';
  const searchTotal = (await api(`/events/${eventId}/notifications?search=${encodeURIComponent(SEARCH)}&limit=1`)).meta.pagination.total;
  const apiCases = [
    ['API list, random page of 500 (limit 20)', '', Math.ceil(count / 20)],
    ['API list, status=failed, random page', '&status=failed', Math.ceil(failedTotal / 20)],
    [`API list, search=${SEARCH}, random page`, `&search=${encodeURIComponent(SEARCH)}`, Math.ceil(searchTotal / 20)],
  ];
  for (const [label, query, pages] of apiCases) {
    const times = [];
    for (let i = 0; i < apiRequests; i++) {
      const p = 1 + Math.floor(Math.random() * Math.max(1, pages));
      const t0 = performance.now();
      const body = await api(`/events/${eventId}/notifications?page=${p}&limit=20${query}`);
      times.push(performance.now() - t0);
      if (!body.data?.length) throw new Error(`${label}: page ${p} is empty`);
    }
    rows.push({ what: `${label} (${apiRequests} sequential)`, p50: quantile(times, 0.5), p95: quantile(times, 0.95), min: Math.min(...times), max: Math.max(...times) });
  }

  // ---- The console ----
  const pageUrl = `${base}/console/events/${eventId}/deliveries`;
  // Each view is rendered when the table holds exactly the rows of that page, in order (rows carry
  // data-row-key = _id), as the API the console calls answers them, and is no longer loading.
  const pageIds = async (query) => (await api(`/events/${eventId}/notifications?limit=${PAGE_SIZE}${query}`)).data.map((n) => n._id);
  const expected = {
    first: await pageIds('&page=1'),
    page200: await pageIds('&page=200'),
    page201: await pageIds('&page=201'),
    failed: await pageIds('&page=1&status=failed'),
    search: await pageIds(`&page=1&search=${encodeURIComponent(SEARCH)}`),
  };
  const firstDoc = (await api(`/events/${eventId}/notifications/${expected.first[0]}`)).data;

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // In-page: the first input event after a mark, and the moment a view is rendered (its first row present, the
  // table not loading), both on the page's own clock.
  const INSTRUMENT = () => {
    window.__inputAt = undefined;
    for (const type of ['mousedown', 'keydown']) {
      window.addEventListener(type, (e) => { if (window.__inputAt === undefined) window.__inputAt = e.timeStamp; }, true);
    }
  };
  const markInput = (page) => page.evaluate(() => { window.__inputAt = undefined; });
  const rendered = (page, rowKeys, active) =>
    page
      .waitForFunction(
        ([keys, current]) => {
          const shown = [...document.querySelectorAll('tr[data-row-key]')].map((tr) => tr.getAttribute('data-row-key'));
          if (shown.length !== keys.length || shown.some((key, i) => key !== keys[i])) return false;
          if (document.querySelector('.ant-table-wrapper .ant-spin-spinning')) return false;
          if (document.querySelector('.ant-pagination-item-active')?.getAttribute('title') !== current) return false;
          return performance.now();
        },
        [rowKeys, active],
        { polling: 'raf', timeout: 60000 },
      )
      .then((handle) => handle.jsonValue());
  const sinceInput = async (page, doneAt) => doneAt - (await page.evaluate(() => window.__inputAt));

  const timings = { first: [], page200: [], next: [], failed: [], search: [], drawer: [] };
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((t) => window.localStorage.setItem('token', t), token);
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();

    // 1. Cold navigation (empty cache) to the first rows.
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor({ timeout: 60000 });
    timings.first.push(await rendered(page, expected.first, '1'));
    await page.getByText(`${count} messages`).waitFor();

    // 2. Deep link to page 200 (?page=200, warm cache), navigation start to its rows.
    await page.goto(`${pageUrl}?page=200`, { waitUntil: 'commit' });
    timings.page200.push(await rendered(page, expected.page200, '200'));

    // 3. The pager: page 200 → 201.
    await markInput(page);
    await page.getByTitle('Next Page').click();
    timings.next.push(await sinceInput(page, await rendered(page, expected.page201, '201')));

    // 4. Status filter: failed (from the unfiltered first page).
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await rendered(page, expected.first, '1');
    await page.getByRole('combobox', { name: 'Status' }).click();
    const option = page.locator('.ant-select-item-option[title="failed"]');
    await option.waitFor();
    await markInput(page);
    await option.click();
    timings.failed.push(await sinceInput(page, await rendered(page, expected.failed, '1')));
    if (!new URL(page.url()).searchParams.get('status')) throw new Error(`status filter not in the URL: ${page.url()}`);

    // 5. Search (Devanagari surname), Enter to render.
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await rendered(page, expected.first, '1');
    const search = page.getByRole('searchbox', { name: 'Search messages' });
    await search.fill(SEARCH);
    await markInput(page);
    await search.press('Enter');
    timings.search.push(await sinceInput(page, await rendered(page, expected.search, '1')));

    // 6. A row's detail drawer (first row of the unfiltered log).
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await rendered(page, expected.first, '1');
    await markInput(page);
    await page.locator(`tr[data-row-key="${expected.first[0]}"]`).getByRole('button').first().click();
    const drawerAt = await page
      .waitForFunction(
        (registrationId) => {
          const dialog = [...document.querySelectorAll('[role="dialog"]')].find((d) => d.textContent?.includes('Provider id'));
          if (!dialog || dialog.querySelector('.ant-spin-spinning') || !dialog.textContent.includes(registrationId)) return false;
          return performance.now();
        },
        firstDoc.registrationId,
        { polling: 'raf', timeout: 60000 },
      )
      .then((h) => h.jsonValue());
    timings.drawer.push(await sinceInput(page, drawerAt));
    await page.getByRole('dialog').getByText('Message', { exact: true }).waitFor();

    console.log(
      `run ${run}: first rows ${ms(timings.first.at(-1))}, ?page=200 ${ms(timings.page200.at(-1))}, next page ${ms(timings.next.at(-1))}, ` +
        `status=failed ${ms(timings.failed.at(-1))}, search ${ms(timings.search.at(-1))}, drawer ${ms(timings.drawer.at(-1))} ms`,
    );
    await context.close();
  }
  const label = {
    first: 'Console: navigation → first rows (fresh context, empty cache)',
    page200: 'Console: navigation to ?page=200 → its rows (warm cache)',
    next: 'Console: pager "Next Page" 200 → 201 rendered',
    failed: `Console: status filter "failed" → rows (${failedTotal} match)`,
    search: `Console: search "${SEARCH}" + Enter → rows (${searchTotal} match)`,
    drawer: 'Console: row click → detail drawer rendered',
  };
  for (const [key, values] of Object.entries(timings)) {
    rows.push({ what: `${label[key]} (${runs} runs)`, median: quantile(values, 0.5), min: Math.min(...values), max: Math.max(...values) });
  }

  console.log(`\nDelivery log, ${count} notifications, conference ${eventId}, ${new Date().toISOString()}, ${base}`);
  console.log('| What | median / p50 ms | p95 ms | min ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${ms(r.median ?? r.p50)} | ${ms(r.p95)} | ${ms(r.min)} | ${ms(r.max)} |`);
} finally {
  if (browser) await browser.close();
  if (keep) {
    console.log(`--keep: the ${count} documents of conference ${eventId} stay (deleteMany({ event: '${eventId}' }) removes them)`);
  } else {
    const { deletedCount } = await collection.deleteMany({ event: eventId });
    console.log(`removed ${deletedCount} seeded notifications of conference ${eventId}`);
  }
  await client.close();
}
