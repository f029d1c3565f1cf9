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
  token,
  type TestConference,
} from './fixtures';
import { DEMO_USERS } from './env';

/**
 * Journey 5 (issue 11): sign-in through the gateway's pass-through to ONSITE ATLAS, a read-only staff user, a
 * registrant refused on staff pages, and an ended session sent back to sign-in with a notice.
 */
test.afterAll(closeKafka);

/** The demo password of the embedded legacy stand-in (docs/embedded-suite.md). */
const DEMO_PASSWORD = 'atlas-demo';

/** Names a write action carries on any page (create, edit, delete, upload, send, generate, …). */
const WRITE_ACTION =
  /\b(new|create|add|edit|delete|remove|save|upload|send|resend|generate|run now|activate|deactivate|check[- ]?in|check[- ]?out|confirm|cancel booking|import)\b/i;

let conference: TestConference;

test.beforeAll(async () => {
  conference = await newConference(`Roles Congress ${Date.now().toString(36)}`);
  // Rows on every page, so per-row edit/delete actions would show if the role allowed them.
  const admin = await staffToken('admin');
  const base = `/api/events/${conference.eventId}`;
  const template = await api('POST', `${base}/notification-templates`, admin, {
    name: 'Welcome',
    type: 'email',
    subject: 'Welcome {{firstName}}',
    contentHtml: '<p>Dear {{firstName}}</p>',
    contentText: 'Dear {{firstName}}',
  });
  expect(template.status, JSON.stringify(template.body)).toBe(201);
  const hotel = await api('POST', `${base}/hotels`, admin, {
    name: 'Roles Grand',
    roomTypes: [{ name: 'Deluxe', capacity: 2, priceCents: 850000, currency: 'INR' }],
  });
  expect(hotel.status, JSON.stringify(hotel.body)).toBe(201);
  const exportConfig = await api('POST', '/api/export/configs', admin, {
    name: `Registrations ${conference.eventId}`,
    exportType: 'excel',
    dataType: 'registrations',
    event: conference.eventId,
    fields: ['registrationId', 'firstName', 'email'],
  });
  expect(exportConfig.status, JSON.stringify(exportConfig.body)).toBe(201);
});

/** Waits until a page has loaded its data: no skeleton or spinner, no request in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-skeleton, .ant-spin-spinning')).toHaveCount(0);
}

test('journey 5a: an organiser signs in with email and password and lands on the conference list', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveURL(/\/console\/signin\?next=/);
  await expect(page.getByRole('heading', { name: 'Sign in to Onsite Atlas' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in');

  // A wrong password is refused with ONSITE ATLAS's message, on the page.
  await page.getByLabel('Email').fill('admin@demo.onsite-atlas.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid email or password');

  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console\/?$/);
  await expect(page.getByRole('heading', { name: 'Conferences' })).toBeVisible();
  await page.getByLabel('Search conferences').fill(conference.name);
  await page.getByLabel('Search conferences').press('Enter');
  await expect(page.getByRole('link', { name: `Open ${conference.name}` })).toBeVisible();
  // The token is where the ONSITE ATLAS client keeps it, so both apps share the session.
  const stored = await page.evaluate(() => window.localStorage.getItem('token'));
  expect(stored).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await settled(page);
  await expectAccessible(page);
  await screenshot(page, 'conferences');

  await page.getByRole('link', { name: `Open ${conference.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${conference.eventId}/templates`));
  await expect(page.getByTestId('signed-in-as')).toContainText(DEMO_USERS.admin.name);
  await expect(page.getByTestId('signed-in-as')).not.toContainText('read only');
});

test('journey 5b: a staff user sees templates, hotels and exports read-only', async ({ page }) => {
  await signIn(page, await staffToken('staff'));
  for (const key of ['templates', 'hotels', 'exports']) {
    await page.goto(`./events/${conference.eventId}/${key}`);
    await expect(page.getByTestId('signed-in-as')).toContainText(`${DEMO_USERS.staff.name} · staff (read only)`);
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    await settled(page);
    await expect(page.getByRole('main').getByText('Your role cannot do this')).toHaveCount(0);
    const writes = page.getByRole('main').getByRole('button', { name: WRITE_ACTION });
    await expect(writes, `write actions on ${key}`).toHaveCount(0);
    if (key === 'hotels') {
      await expect(page.getByRole('main')).toContainText('Roles Grand');
      await expectAccessible(page);
      await screenshot(page, 'read-only');
    }
  }
});

test('journey 5c: a registrant token on a staff page gets "Your role cannot do this"', async ({ page }) => {
  const registration = await newRegistration(conference, { firstName: 'Zainab' });
  await signIn(page, await registrantToken(registration.registrationObjectId, conference.eventId));
  for (const key of ['templates', 'hotels', 'exports']) {
    await page.goto(`./events/${conference.eventId}/${key}`);
    await expect(page.getByText('Your role cannot do this')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Conference pages' })).toHaveCount(0);
  }
  // The gateway says the same to the API: the refusal is not only the console's.
  const answer = await api('GET', `/api/events/${conference.eventId}/notification-templates`, await registrantToken(registration.registrationObjectId, conference.eventId));
  expect(answer.status).toBe(403);
});

test('journey 5c: a staff role the services refuse (reviewer) gets "Your role cannot do this"', async ({ page }) => {
  await signIn(page, await staffToken('reviewer'));
  await page.goto(`./events/${conference.eventId}/hotels`);
  await expect(page.getByText('Your role cannot do this')).toBeVisible();
  await expect(page.getByText(/Ravi Reviewer \(reviewer\)/)).toBeVisible();
});

test('journey 5d: an expired token goes back to sign-in with the session-expired notice', async ({ page }) => {
  await signIn(page, await staffToken('admin', -60));
  await page.goto(`./events/${conference.eventId}/hotels`);
  await expect(page).toHaveURL(/\/console\/signin\?next=.*expired=1/);
  await expect(page.getByText('Your session expired. Please sign in again.')).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('token'))).toBeNull();

  // Signing in again returns to the page the session ended on.
  await page.evaluate(() => window.localStorage.setItem('__atlas_e2e_signed_out', '1'));
  await page.getByLabel('Email').fill('manager@demo.onsite-atlas.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${conference.eventId}/hotels`));
  await expect(page.getByTestId('signed-in-as')).toContainText(DEMO_USERS.manager.name);
});

test('journey 5d: a token the gateway refuses mid-session (401) also goes back to sign-in with the notice', async ({ page }) => {
  // Unexpired by its own claims, but not signed with the gateway's secret: the first API call answers 401.
  const forged = await token({ id: DEMO_USERS.admin.id }, 3600).then((t) => `${t.slice(0, -4)}AAAA`);
  await signIn(page, forged);
  await page.goto(`./events/${conference.eventId}/templates`);
  await expect(page).toHaveURL(/\/console\/signin\?next=.*expired=1/);
  await expect(page.getByText('Your session expired. Please sign in again.')).toBeVisible();
});
