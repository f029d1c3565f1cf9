import {
  api,
  closeKafka,
  expect,
  expectAccessible,
  newConference,
  newRegistration,
  screenshot,
  signIn,
  staffToken,
  test,
} from './fixtures';

/**
 * Journey 2 (issue 11): a registration-created trigger with a condition built in the browser from the payload's own
 * paths; one matching and one non-matching registration published to Kafka; the delivery log shows exactly the
 * matching message, sent, and its drawer the rendered content.
 */
test.afterAll(closeKafka);

test('journey 2: a conditional registration-created trigger sends only to the matching registration, seen in the delivery log', async ({ page }) => {
  // Kafka to SMTP and back through the log, plus axe on three pages (one with an iframe): more than the default 2 min
  // on a loaded machine.
  test.slow();
  const conference = await newConference(`Triggers journey ${Date.now().toString(36)}`);
  const { eventId } = conference;
  const admin = await staffToken('admin');
  const category = `Faculty ${Date.now().toString(36)}`;
  const templateName = `Welcome ${Date.now().toString(36)}`;
  const created = await api<{ _id: string }>('POST', `/api/events/${eventId}/notification-templates`, admin, {
    name: templateName,
    type: 'email',
    subject: 'Welcome, {{firstName}}',
    contentHtml: '<p>Dear {{firstName}}, you are registered as {{categoryName}}.</p>',
  });
  expect(created.status).toBe(201);

  await signIn(page, admin);
  await page.goto(`events/${eventId}/triggers`);
  await expect(page.getByRole('heading', { name: 'Triggers', level: 2 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'New trigger' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Name', { exact: true }).fill('Faculty welcome');
  await expect(drawer.getByLabel('Event type')).toBeVisible();
  await drawer.getByRole('button', { name: 'Add condition' }).click();
  // The field picker offers the payload's real paths: type to filter, Enter picks the match.
  const field = drawer.getByLabel('Condition 1 field');
  await field.click();
  await field.fill('registration.category.name');
  await expect(page.locator('.ant-select-item-option', { hasText: /^registration\.category\.name$/ })).toBeVisible();
  await field.press('Enter');
  await drawer.getByLabel('Condition 1 value').fill(category);
  await drawer.getByLabel('E-mail template').click();
  await page.locator('.ant-select-item-option', { hasText: templateName }).click();
  // Checked once the template list has closed (an open antd list is a transient, unnamed listbox).
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'trigger-editor');
  await drawer.getByRole('button', { name: 'Create trigger' }).click();
  await expect(page.getByText('Trigger saved')).toBeVisible();
  await expect(drawer).toBeHidden();
  const row = page.getByRole('row', { name: /Faculty welcome/ });
  await expect(row).toContainText('registration-created');
  await expect(row).toContainText(`registration.category.name equals ${category}`);
  await screenshot(page, 'triggers');

  const matching = await newRegistration(conference, { firstName: '陈', lastName: 'Wei', category });
  const other = await newRegistration(conference, { firstName: 'Другой', lastName: 'Delegate' });

  await page.goto(`events/${eventId}/deliveries`);
  await expect(page.getByRole('heading', { name: 'Delivery log', level: 2 })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return page.getByRole('row', { name: new RegExp(matching.email) }).getByText('sent', { exact: true }).count();
      },
      { timeout: 60_000 },
    )
    .toBe(1);
  // The other registration's created event was consumed too (same partition order), yet nothing was sent to it.
  const all = await api<unknown[]>('GET', `/api/events/${eventId}/notifications`, admin);
  expect((all.body.meta as { pagination: { total: number } }).pagination.total).toBe(1);
  await expect(page.getByText('1 message', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(other.email) })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'delivery-log');

  await page.getByRole('button', { name: new RegExp(matching.email) }).click();
  const detail = page.getByRole('dialog');
  await expect(detail.getByText('Welcome, 陈')).toBeVisible();
  await expect(detail.frameLocator('iframe[title="Rendered HTML of the message"]').getByText(`Dear 陈, you are registered as ${category}.`)).toBeVisible();
  // The one attempt, accepted by the SMTP server.
  await expect(detail.getByRole('region', { name: 'Attempts' }).getByRole('cell', { name: 'sent', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/open=/);
  await screenshot(page, 'delivery-detail');
  // axe cannot run in the sandboxed (script-less) frame of the e-mail itself, which is not the console's UI.
  await expectAccessible(page, { exclude: ['iframe[title="Rendered HTML of the message"]'] });
});
