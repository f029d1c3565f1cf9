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
} from './fixtures';
import type { Locator, Page } from '@playwright/test';

test.afterAll(closeKafka);

/** An option of the open antd Select (the selected value also carries the title, so look in the dropdown). */
const option = (page: Page, title: string) => page.locator(`.ant-select-dropdown .ant-select-item-option[title="${title}"]`);

/**
 * Picks the registrant in a form's search-as-you-type field by name, with the keyboard: the list shows the name,
 * human id and e-mail, and Enter takes the highlighted match.
 */
async function pickRegistrant(form: Locator, page: Page, name: string, registrationId: string): Promise<void> {
  const field = form.getByLabel('Registrant', { exact: true });
  const label = `${name} (${registrationId})`;
  const searched = page.waitForResponse((response) => response.url().includes('/registrants?search='));
  await field.click();
  await field.pressSequentially(name.split(' ')[0]);
  // Enter takes the highlighted match of this search, not of the list shown while typing.
  await searched;
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveCount(1);
  await expect(option(page, label)).toContainText(registrationId);
  await expect(option(page, label)).toContainText('@e2e.example.org');
  await field.press('Enter');
  await expect(field).toHaveAttribute('aria-expanded', 'false');
  // The chosen registrant now fills the field (the dropdown has closed, so this is not an option).
  await expect(form.locator(`.ant-select-content[title="${label}"]`)).toBeVisible();
}

/** A day counted from today; newConference() starts the conference in 30 days. */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Until lodging-travel-service's projection knows the registration, a booking for it is a 400 naming it unknown. */
async function waitUntilLodgingKnows(eventId: string, registration: string, admin: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const answer = await api('POST', `/api/events/${eventId}/hotel-bookings`, admin, {
          registration,
          hotelId: '000000000000000000000000',
          roomType: 'none',
          checkIn: { date: day(30) },
          checkOut: { date: day(31) },
        });
        return answer.body.message ?? '';
      },
      { timeout: 60_000 },
    )
    .not.toContain('not known');
}

test('journey 3: a hotel with a room block, a booking confirmed and checked in, the pickup chart shows it, the registrant sees it', async ({ page, browser }) => {
  const conference = await newConference(`Lodging journey ${Date.now().toString(36)}`);
  const { eventId } = conference;
  const registration = await newRegistration(conference, { firstName: 'प्रिया', lastName: 'Sharma' });
  const admin = await staffToken('admin');
  await waitUntilLodgingKnows(eventId, registration.registrationObjectId, admin);
  const hotelName = `Hotel Kaveri ${Date.now().toString(36)}`;
  const first = day(30);
  const second = day(31);
  const checkOut = day(32);

  await signIn(page, admin);
  await page.goto(`events/${eventId}/hotels`);
  await expect(page.getByRole('heading', { name: 'Hotels', level: 2 })).toBeVisible({ timeout: 60_000 });

  // A hotel with one room type, priced in rupees.
  await page.getByRole('button', { name: 'Add hotel' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Hotel name', { exact: true }).fill(hotelName);
  await drawer.getByLabel('City', { exact: true }).fill('Bengaluru');
  await drawer.getByLabel('Room type 1', { exact: true }).fill('Deluxe');
  await drawer.getByLabel('Price per night', { exact: true }).fill('8500');
  await drawer.getByRole('button', { name: 'Add hotel' }).click();
  await expect(drawer).toBeHidden();
  const hotelRow = page.getByRole('row').filter({ hasText: hotelName });
  await expect(hotelRow).toContainText('Deluxe');
  await expect(hotelRow).toContainText('8,500.00');

  // A block of 5 Deluxe rooms for two nights.
  const blockForm = page.getByRole('form', { name: 'Room block' });
  await blockForm.getByLabel('Hotel', { exact: true }).click();
  await option(page, hotelName).click();
  await blockForm.getByLabel('Room type', { exact: true }).click();
  await option(page, 'Deluxe').click();
  await blockForm.getByLabel('Rooms per night', { exact: true }).fill('5');
  await blockForm.getByPlaceholder('Start date').fill(first);
  await blockForm.getByPlaceholder('End date').fill(second);
  await blockForm.getByPlaceholder('End date').press('Enter');
  await blockForm.getByRole('button', { name: 'Save block' }).click();
  await expect(page.getByRole('row').filter({ hasText: hotelName }).getByTestId(`block-Deluxe-${first}`)).toContainText('0 / 5');
  await expect(page.getByRole('row').filter({ hasText: hotelName }).getByTestId(`block-Deluxe-${second}`)).toContainText('5 left');

  // A booking for the registration, confirmed and checked in through the drawer.
  await page.goto(`events/${eventId}/bookings`);
  await page.getByRole('button', { name: 'New booking' }).click();
  const form = page.getByRole('dialog');
  await pickRegistrant(form, page, 'प्रिया Sharma', registration.registrationId);
  await form.getByLabel('Hotel', { exact: true }).click();
  await option(page, hotelName).click();
  await form.getByLabel('Room type', { exact: true }).click();
  await option(page, 'Deluxe').click();
  await form.getByLabel('Check-in', { exact: true }).fill(first);
  await form.getByLabel('Check-in', { exact: true }).press('Tab');
  await form.getByLabel('Check-out', { exact: true }).fill(checkOut);
  await form.getByLabel('Check-out', { exact: true }).press('Tab');
  await form.getByLabel('Special requests', { exact: true }).fill('Quiet room, वेज meals');
  await form.getByRole('button', { name: 'Create booking' }).click();
  await expect(form.getByTestId('booking-status')).toHaveText('Pending');
  await expect(form.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await form.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(form.getByTestId('booking-status')).toHaveText('Confirmed');
  await form.getByRole('button', { name: 'Check in' }).click();
  await expect(form.getByTestId('booking-status')).toHaveText('Checked in');
  await expect(form.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Check out' })).toBeVisible();

  // The hotel's confirmation: dropped in, then downloaded with the token.
  await form.locator('input[type=file]').setInputFiles({
    name: 'confirmation.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await expect(form.getByRole('button', { name: 'Download confirmation' })).toBeVisible();
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Download confirmation' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await screenshot(page, 'booking-detail');
  await form.getByRole('button', { name: 'Close' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: registration.registrationId })).toContainText('Checked in');
  await expectAccessible(page);
  await screenshot(page, 'bookings');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('row').filter({ hasText: registration.registrationId })).toBeVisible();
  await screenshot(page, 'bookings-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The grid and the pickup chart count the booked nights.
  await page.goto(`events/${eventId}/hotels`);
  await expect(page.getByRole('row').filter({ hasText: hotelName }).getByTestId(`block-Deluxe-${first}`)).toContainText('1 / 5');
  await expect(page.getByRole('row').filter({ hasText: hotelName }).getByTestId(`block-Deluxe-${second}`)).toContainText('4 left');
  const chart = page.getByTestId('pickup-chart');
  await expect(chart.locator('svg')).toContainText('Deluxe booked');
  // Both nights' bars are labelled 1 (the y axis has a tick "1" too), and the totals count 2 of 10 room nights.
  await expect.poll(() => chart.locator('svg text').filter({ hasText: /^1$/ }).count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('pickup-totals')).toContainText('2/ 10');
  await expectAccessible(page);
  await screenshot(page, 'hotels');

  // Travel: an itinerary with an arrival transfer, then the transfer manifest of that day.
  await page.goto(`events/${eventId}/travel`);
  await page.getByRole('button', { name: 'New itinerary' }).click();
  const itinerary = page.getByRole('dialog');
  await pickRegistrant(itinerary, page, 'प्रिया Sharma', registration.registrationId);
  await itinerary.getByLabel('Arrival day', { exact: true }).fill(first);
  await itinerary.getByLabel('Arrival day', { exact: true }).press('Tab');
  // Leg times are the conference's clock, and the form says whose.
  await expect(itinerary.getByText('Arrival (times in Asia/Kolkata)')).toBeVisible();
  await itinerary.getByLabel('Arrival time', { exact: true }).fill('09:40');
  await itinerary.getByLabel('Arrival time', { exact: true }).press('Tab');
  await itinerary.getByLabel('Arrival flight', { exact: true }).fill('ai 503');
  await itinerary.getByLabel('Airport', { exact: true }).first().fill('blr');
  await itinerary.getByText('Needs a transfer from the airport').click();
  await itinerary.getByLabel('Departure day', { exact: true }).fill(checkOut);
  await itinerary.getByLabel('Departure day', { exact: true }).press('Tab');
  await itinerary.getByRole('button', { name: 'Save itinerary' }).click();
  await expect(itinerary.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await expect(itinerary.getByLabel('Arrival flight', { exact: true })).toHaveValue('AI 503');
  await itinerary.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row').filter({ hasText: registration.registrationId })).toContainText('Transfer');
  await page.getByRole('tab', { name: 'Transfer manifest' }).click();
  await page.getByPlaceholder('From day').fill(first);
  await page.getByPlaceholder('To day').fill(checkOut);
  await page.getByPlaceholder('To day').press('Enter');
  await expect(page.getByText('09:00–10:00')).toBeVisible();
  await expect(page.getByRole('table', { name: /Arrivals BLR/ })).toContainText('AI 503');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await csv).suggestedFilename()).toBe(`transfer-manifest_${first}_${checkOut}.csv`);
  await expectAccessible(page);
  await screenshot(page, 'travel');

  // The registrant's own trip: their booking, and no staff navigation.
  const registrantContext = await browser.newContext();
  const registrant = await registrantContext.newPage();
  await signIn(registrant, await registrantToken(registration.registrationObjectId, eventId));
  await registrant.goto('my-trip');
  await expect(registrant.getByRole('heading', { name: 'My trip' })).toBeVisible();
  await expect(registrant.getByText(hotelName)).toBeVisible();
  await expect(registrant.getByText('Checked in')).toBeVisible();
  await expect(registrant.getByLabel('Arrival flight', { exact: true })).toHaveValue('AI 503');
  // The registrant cannot read reporting's conferences: the zone comes from lodging, and is named.
  await expect(registrant.getByText(`, 09:40 (Asia/Kolkata) · AI 503 · BLR`, { exact: false })).toBeVisible();
  await expect(registrant.getByLabel('Arrival time', { exact: true })).toHaveValue('09:40');
  await expect(registrant.getByLabel('Special requests', { exact: true })).toHaveValue('Quiet room, वेज meals');
  await expect(registrant.getByRole('navigation', { name: 'Conference pages' })).toHaveCount(0);
  await expectAccessible(registrant);
  await screenshot(registrant, 'my-trip');
  await registrantContext.close();
});
