import type { Page } from '@playwright/test';
import {
  api,
  closeKafka,
  expect,
  expectAccessible,
  newConference,
  newRegistration,
  registrantToken,
  screenshot,
  signIn,
  staffToken,
  test,
  type TestConference,
  type TestRegistration,
} from './fixtures';

/**
 * Journey 6 (issue 11, "across pages"): every page, with rows in it, at 390 px wide (a phone) and with its forms and
 * drawers open at 1280 px: nothing scrolls the page sideways and axe-core finds no serious or critical violation.
 * Journeys 1 to 5 check the same on the pages they pass through; this one leaves none out.
 */
test.afterAll(closeKafka);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** A day counted from today; newConference() starts the conference in 30 days. */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let conference: TestConference;
let registration: TestRegistration;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  conference = await newConference(`Layout Congress ${Date.now().toString(36)}`);
  registration = await newRegistration(conference, { firstName: 'अनन्या', lastName: 'Iyer' });
  const admin = await staffToken('admin');
  const base = `/api/events/${conference.eventId}`;
  const created = async (path: string, body: unknown) => {
    const answer = await api<{ _id: string }>('POST', path, admin, body);
    expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(201);
    return answer.body.data;
  };
  await created(`${base}/notification-templates`, {
    name: 'Welcome',
    type: 'email',
    subject: 'Welcome {{firstName}}',
    contentHtml: '<p>Dear {{firstName}}</p>',
    contentText: 'Dear {{firstName}}',
  });
  const hotel = await created(`${base}/hotels`, {
    name: 'Layout Grand',
    roomTypes: [{ name: 'Deluxe', capacity: 2, priceCents: 850000, currency: 'INR' }],
  });
  await created('/api/export/configs', {
    name: `Registrations ${conference.eventId}`,
    exportType: 'excel',
    dataType: 'registrations',
    event: conference.eventId,
    fields: ['registrationId', 'firstName', 'email'],
  });
  await created('/api/reports/schedules', {
    name: 'Weekly categories',
    report: 'registrations-by-category-status',
    eventId: conference.eventId,
    format: 'excel',
    schedule: { frequency: 'weekly', dayOfWeek: 1, time: '09:00', timezone: conference.timezone },
    delivery: { type: 'email', recipients: ['organiser@e2e.example.org'] },
  });
  // The registration reaches lodging-travel-service through Kafka: until then a booking naming it is a 400.
  await expect
    .poll(
      async () =>
        (
          await api('POST', `${base}/hotel-bookings`, admin, {
            registration: registration.registrationObjectId,
            hotelId: hotel._id,
            roomType: 'Deluxe',
            checkIn: { date: day(30) },
            checkOut: { date: day(32) },
            specialRequests: 'Ground floor',
          })
        ).status,
      { timeout: 60_000 },
    )
    .toBe(201);
  await created(`${base}/travel-info`, {
    registration: registration.registrationObjectId,
    arrival: { date: day(30), time: '10:30', flightNumber: 'AI 101', airport: 'MAA', transferRequired: true },
    departure: { date: day(32), time: '18:00', flightNumber: 'AI 102', airport: 'MAA' },
  });
});

/** Waits until a page has loaded its data: no skeleton or spinner, no request in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-skeleton, .ant-spin-spinning')).toHaveCount(0);
}

/** Nothing on the page is wider than the window: the page never scrolls sideways (tables scroll inside themselves). */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'page scroll width' })
    .toBeLessThanOrEqual(width);
}

const STAFF_PAGES: { key: string; heading: string; shows: () => string }[] = [
  { key: 'templates', heading: 'Templates', shows: () => 'Welcome' },
  { key: 'triggers', heading: 'Triggers', shows: () => '' },
  { key: 'deliveries', heading: 'Delivery log', shows: () => '' },
  { key: 'channels', heading: 'Channel settings', shows: () => '' },
  { key: 'hotels', heading: 'Hotels', shows: () => 'Layout Grand' },
  { key: 'bookings', heading: 'Bookings', shows: () => registration.registrationId },
  { key: 'travel', heading: 'Travel', shows: () => registration.registrationId },
  { key: 'exports', heading: 'Exports', shows: () => `Registrations ${conference.eventId}` },
  { key: 'reports', heading: 'Report builder', shows: () => '' },
  { key: 'schedules', heading: 'Scheduled reports', shows: () => 'Weekly categories' },
];

test('journey 6a: every staff page at 390 px: no sideways scroll, no serious accessibility violation', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, await staffToken('admin'));
  await page.setViewportSize(PHONE);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Conferences' })).toBeVisible();
  await settled(page);
  await expectNoSidewaysScroll(page, PHONE.width);
  await expectAccessible(page);
  for (const { key, heading, shows } of STAFF_PAGES) {
    await page.goto(`./events/${conference.eventId}/${key}`);
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible({ timeout: 60_000 });
    await settled(page);
    const text = shows();
    if (text) await expect(page.getByRole('main')).toContainText(text);
    await expectNoSidewaysScroll(page, PHONE.width);
    await page.mouse.move(0, 0); // axe judges what is on screen: no hover state
    await expectAccessible(page, { exclude: ['iframe'] });
    await screenshot(page, `${key}-390`);
  }
});

test('journey 6b: the forms and drawers of every page, open: no serious accessibility violation, usable at 390 px', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, await staffToken('admin'));
  const openers: { key: string; open: (p: Page) => Promise<void> }[] = [
    { key: 'templates', open: (p) => p.getByRole('button', { name: 'New template' }).click() },
    { key: 'triggers', open: (p) => p.getByRole('button', { name: 'New trigger' }).click() },
    { key: 'hotels', open: (p) => p.getByRole('button', { name: 'Add hotel' }).click() },
    { key: 'bookings', open: (p) => p.getByRole('button', { name: 'New booking' }).click() },
    { key: 'bookings', open: (p) => p.getByRole('row').filter({ hasText: registration.registrationId }).locator('a, button').first().click() },
    { key: 'travel', open: (p) => p.getByRole('button', { name: 'New itinerary' }).click() },
    { key: 'travel', open: (p) => p.getByRole('row').filter({ hasText: registration.registrationId }).locator('a, button').first().click() },
    { key: 'exports', open: (p) => p.getByRole('button', { name: 'New export' }).click() },
    { key: 'schedules', open: (p) => p.getByRole('button', { name: 'New schedule' }).click() },
  ];
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    for (const [index, { key, open }] of openers.entries()) {
      await page.goto(`./events/${conference.eventId}/${key}`);
      await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible({ timeout: 60_000 });
      await settled(page);
      await open(page);
      // A drawer or modal, or (templates) the editor page: wait for its first field.
      await expect(page.locator('.ant-drawer-open, .ant-modal-wrap, form').first()).toBeVisible();
      await expect(page.getByRole('textbox').first()).toBeVisible();
      // Not networkidle: the template editor's live preview keeps a frame loading.
      await expect(page.locator('.ant-skeleton, .ant-spin-spinning')).toHaveCount(0);
      await page.mouse.move(0, 0);
      await expectAccessible(page, { exclude: ['iframe'] });
      if (viewport === PHONE) {
        await expectNoSidewaysScroll(page, PHONE.width);
        if (index === 4) await screenshot(page, 'booking-detail-390');
        if (index === 6) await screenshot(page, 'travel-detail-390');
      }
    }
  }
});

test('journey 6c: the registrant\'s trip at 390 px', async ({ page }) => {
  await signIn(page, await registrantToken(registration.registrationObjectId, conference.eventId));
  await page.setViewportSize(PHONE);
  await page.goto('my-trip');
  await expect(page.getByRole('heading', { name: 'My trip' })).toBeVisible();
  await expect(page.getByText('Layout Grand')).toBeVisible();
  await expect(page.getByLabel('Arrival flight', { exact: true })).toHaveValue('AI 101');
  await settled(page);
  await expectNoSidewaysScroll(page, PHONE.width);
  await expectAccessible(page);
  await screenshot(page, 'my-trip-390');
});
