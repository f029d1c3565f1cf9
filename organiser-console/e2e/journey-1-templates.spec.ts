import {
  api,
  closeKafka,
  expect,
  expectAccessible,
  mailsTo,
  newConference,
  newRegistration,
  screenshot,
  signIn,
  staffToken,
  test,
  type TestConference,
} from './fixtures';

test.afterAll(closeKafka);
// A long journey (three pages, a real send through SMTP) on a shared two-core machine.
test.setTimeout(300_000);

/** notification-service learns registrations from Kafka; the preview can only use one it knows. */
async function waitUntilNotificationsKnow(eventId: string, registrationId: string, admin: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const answer = await api<{ registrationId: string }[]>(
          'GET',
          `/api/events/${eventId}/notification-templates/sample-registrations?search=${registrationId}`,
          admin,
        );
        return (answer.body.data ?? []).map((r) => r.registrationId);
      },
      { timeout: 60_000 },
    )
    .toContain(registrationId);
}

test('journey 1: an e-mail template written in the editor, previewed with a registration, test-sent and found in the SMTP capture', async ({ page }) => {
  const conference: TestConference = process.env.TEMPLATES_E2E_EVENT_ID
    ? { eventId: process.env.TEMPLATES_E2E_EVENT_ID, name: 'Demo', timezone: 'Asia/Kolkata' }
    : await newConference(`Templates journey ${Date.now().toString(36)}`);
  const { eventId } = conference;
  const registration = await newRegistration(conference, { firstName: 'अनन्या', lastName: 'Iyer' });
  const admin = await staffToken('admin');
  await waitUntilNotificationsKnow(eventId, registration.registrationId, admin);
  const templateName = `Welcome ${Date.now().toString(36)}`;
  const testAddress = `journey1-${Date.now().toString(36)}@e2e.example.org`;

  await signIn(page, admin);
  await page.goto(`events/${eventId}/templates`);
  await expect(page.getByRole('heading', { name: 'Templates', level: 2 })).toBeVisible();

  // A new e-mail template: the subject and the HTML part take variables from the palette, at the cursor.
  await page.getByRole('button', { name: 'New template' }).click();
  await expect(page.getByRole('heading', { name: 'New template' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(templateName);
  const subject = page.getByLabel('Subject', { exact: true });
  await subject.fill('Welcome, ');
  await subject.press('End');
  const palette = page.getByRole('group', { name: 'Variables' });
  await palette.getByRole('button', { name: '{{firstName}}', exact: true }).click();
  await expect(subject).toHaveValue('Welcome, {{firstName}}');
  await subject.press('End');
  await subject.pressSequentially(' ');
  await palette.getByRole('button', { name: '{{eventName}}', exact: true }).click();
  await expect(subject).toHaveValue('Welcome, {{firstName}} {{eventName}}');

  const html = page.getByRole('textbox', { name: 'HTML part' });
  await html.click();
  await page.keyboard.type('Dear ');
  await palette.getByRole('button', { name: '{{firstName}}', exact: true }).click();
  await page.keyboard.type(' ');
  await palette.getByRole('button', { name: '{{lastName}}', exact: true }).click();
  await page.keyboard.type(', your registration id is ');
  await palette.getByRole('button', { name: '{{registrationId}}', exact: true }).click();
  await page.keyboard.type('.');
  await expect(html).toContainText('Dear {{firstName}} {{lastName}}, your registration id is {{registrationId}}.');

  // The live preview renders with sample values first, then with the chosen registration.
  const preview = page.frameLocator('iframe[title="E-mail preview"]');
  await expect(preview.locator('body')).toContainText('Dear Priya Sharma, your registration id is REG-0001.');
  await expect(page.getByTestId('preview-subject')).toHaveText(/^Welcome, Priya /);
  const chooser = page.getByLabel('Preview with registration');
  await chooser.click();
  await chooser.fill(registration.registrationId);
  // antd draws the options as styled items (its role=option list is a hidden mirror for screen readers).
  await page.locator('.ant-select-item-option').filter({ hasText: registration.registrationId }).click();
  await expect(page).toHaveURL(new RegExp(`sample=${registration.registrationObjectId}`));
  await expect(preview.locator('body')).toContainText(`Dear अनन्या Iyer, your registration id is ${registration.registrationId}.`);
  await expect(page.getByTestId('preview-subject')).toHaveText(/^Welcome, अनन्या /);
  await expect(page.getByText('Rendered with the chosen registration')).toBeVisible();

  // An unknown variable is flagged before saving.
  await html.click();
  await page.keyboard.press('End');
  const unknown = ' {{favouriteColour}}';
  await page.keyboard.type(unknown);
  await expect(page.getByText('Unknown variables: no trigger provides them, they render empty')).toBeVisible();
  for (let i = 0; i < unknown.length; i++) await page.keyboard.press('Backspace');
  await expect(page.getByText('Unknown variables: no trigger provides them, they render empty')).toBeHidden();

  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByText('Template created')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Edit “${templateName}”` })).toBeVisible();
  await expect(preview.locator('body')).toContainText('Dear अनन्या Iyer');
  await screenshot(page, 'template-editor');
  // The preview frame shows the organiser's e-mail in a script-less sandbox: axe cannot run inside it.
  await expectAccessible(page, { exclude: ['iframe[title="E-mail preview"]'] });

  // Test send to an address: the mail arrives in the SMTP capture with the variables rendered.
  await page.getByRole('button', { name: 'Test send' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a test message' });
  await dialog.getByLabel('E-mail address').fill(testAddress);
  await dialog.getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByText(`Test message queued to ${testAddress}`)).toBeVisible();
  await expect.poll(async () => (await mailsTo(testAddress)).length, { timeout: 60_000 }).toBeGreaterThan(0);
  const [mail] = await mailsTo(testAddress);
  expect(mail.subject).toContain('Welcome, अनन्या');
  expect(mail.htmlBody ?? '').toContain(`Dear अनन्या Iyer, your registration id is ${registration.registrationId}.`);
  expect(mail.textBody ?? '').toContain('अनन्या Iyer');

  // Back to the list: the template is there, active, and found by its channel filter. The list is loaded before
  // the filter is clicked: a click while the list re-renders with its first page could be lost (one CI run).
  await page.getByRole('button', { name: 'All templates' }).click();
  const row = page.getByRole('row', { name: new RegExp(templateName) });
  await expect(row).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Channel' }).getByText('E-mail', { exact: true }).click();
  await expect(page).toHaveURL(/channel=email/);
  await expect(row).toBeVisible();
  await expect(row.getByRole('switch', { name: `${templateName} active` })).toBeChecked();
  await screenshot(page, 'templates');
  await expectAccessible(page);

  // Channel settings: a test recipient saved; the SMTP connection test answers with its result.
  await page.goto(`events/${eventId}/channels`);
  await expect(page.getByRole('heading', { name: 'Channel settings', level: 2 })).toBeVisible();
  await page.getByLabel('Test e-mail address').fill(testAddress);
  await page.getByRole('button', { name: 'Save test mode and test recipients' }).click();
  await expect(page.getByText('Test mode and test recipients saved')).toBeVisible();
  await expect(page.getByLabel('Test e-mail address')).toHaveValue(testAddress);
  await page.getByRole('button', { name: 'Test SMTP connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: /SMTP connection (works|failed)/ })).toBeVisible();
  await screenshot(page, 'channels');
  await expectAccessible(page);
  const saved = await api<{ testRecipients: { email: string } }>('GET', `/api/events/${eventId}/notification-config`, admin);
  expect(saved.body.data.testRecipients.email).toBe(testAddress);

  // At 390 px the editor and the settings stack; nothing scrolls the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const noSidewaysScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByLabel('Test e-mail address')).toBeVisible();
  await noSidewaysScroll();
  await page.goto(`events/${eventId}/templates?edit=new`);
  await expect(page.getByRole('textbox', { name: 'HTML part' })).toBeVisible();
  await noSidewaysScroll();
});
