import ExcelJS from 'exceljs';
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

test.afterAll(closeKafka);

/** Grouped counts per category, as the report preview sees them. */
async function countsByCategory(eventId: string, admin: string): Promise<Record<string, number>> {
  const answer = await api<{ category: string; count: number }[]>('POST', `/api/events/${eventId}/reports/preview`, admin, {
    reportType: 'registrations',
    groupBy: ['category'],
    metrics: [{ type: 'count' }],
  });
  return Object.fromEntries((answer.body.data ?? []).map((row) => [row.category, row.count]));
}

test.setTimeout(300_000);

test('journey 4: a grouped report with a bar chart, its XLSX read back, that report scheduled weekly and run now, an export generated and downloaded', async ({ page }) => {
  const conference = await newConference(`Reports journey ${Date.now().toString(36)}`);
  const { eventId } = conference;
  await newRegistration(conference, { firstName: 'प्रिया', lastName: 'Sharma', category: 'Delegate' });
  await newRegistration(conference, { firstName: '美玲', lastName: 'Chen', category: 'Delegate' });
  await newRegistration(conference, { firstName: 'ليلى', lastName: 'Haddad', category: 'Faculty' });
  const admin = await staffToken('admin');
  await expect.poll(() => countsByCategory(eventId, admin), { timeout: 60_000 }).toEqual({ Delegate: 2, Faculty: 1 });

  await signIn(page, admin);

  // Report builder: registrations grouped by category, counted, as a bar chart.
  // The first load may be slow on a cold dev server; later pages are reached through the navigation.
  await page.goto(`events/${eventId}/reports`);
  await expect(page.getByRole('heading', { name: 'Report builder', level: 2 })).toBeVisible({ timeout: 90_000 });
  const groupBy = page.getByLabel('Group by', { exact: true });
  await groupBy.click();
  await groupBy.fill('Category');
  await page.getByTitle('Category', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Report name', { exact: true }).fill('Registrations per category');
  await page.getByRole('button', { name: 'Run report' }).click();

  const chart = page.getByTestId('report-chart');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('svg text').filter({ hasText: /^Delegate$/ })).toHaveCount(1);
  await expect(chart.locator('svg text').filter({ hasText: /^Faculty$/ })).toHaveCount(1);
  // The bars carry their values as labels: 2 delegates, 1 faculty.
  await expect(chart.locator('svg text').filter({ hasText: /^2$/ }).first()).toBeVisible();
  const bars = await chart.locator('svg path').evaluateAll((paths) =>
    paths.filter((p) => /Z$/i.test((p.getAttribute('d') ?? '').trim()) && !['none', null].includes(p.getAttribute('fill'))).length,
  );
  expect(bars).toBe(2);
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'Delegate' })).toContainText('2');
  await expect(table.getByRole('row').filter({ hasText: 'Faculty' })).toContainText('1');

  // The XLSX through the UI, read back: the grouped rows.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const rows: Record<string, unknown> = {};
  sheet.eachRow((row) => {
    const [, first, second] = row.values as unknown[];
    if (typeof first === 'string') rows[first] = second;
  });
  expect(rows).toMatchObject({ Delegate: 2, Faculty: 1 });

  await page.getByRole('button', { name: 'Save as favourite' }).click();
  await expect(page.getByText('“Registrations per category” is in your favourites')).toBeVisible();
  await expect(page.getByRole('button', { name: 'In your favourites' })).toBeDisabled();
  await page.mouse.move(0, 0); // axe judges what is on screen: no hover state
  await expectAccessible(page);
  await screenshot(page, 'report-builder');

  // The report just built, scheduled weekly from the builder (kept for download), then run now from the schedules page:
  // the run shows in the history as delivered and its file is the grouped report. (E-mail delivery is covered by
  // reporting-service's ScheduleTests and BuiltReportScheduleTests against GreenMail.)
  const name = `Weekly categories ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Schedule…' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Built report', { exact: true })).toBeChecked();
  await expect(drawer.getByLabel('Name', { exact: true })).toHaveValue('Registrations per category');
  await expect(drawer.getByTestId('built-report-summary')).toContainText('registrations · grouped by Category · bar chart');
  await drawer.getByLabel('Name', { exact: true }).fill(name);
  await expect(drawer.getByLabel('Weekly')).toBeChecked();
  await expect(drawer.getByLabel('XLSX')).toBeChecked();
  await drawer.getByText('Keep for download', { exact: true }).click();
  await expect(drawer.getByLabel('Keep for download')).toBeChecked();
  await page.mouse.move(0, 0); // axe judges what is on screen: no hover state
  await expectAccessible(page);
  // The drawer is fixed to the viewport: from the top of the page, the full-page shot shows it where a person sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'report-builder-schedule');
  await drawer.getByRole('button', { name: 'Save schedule' }).click();
  await expect(drawer.getByTestId('next-run')).toContainText(/Next run: .+ \(Asia\/Kolkata\)/);
  await expect(drawer.getByTestId('next-run')).toContainText('Weekly on Monday at 09:00');
  await drawer.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(drawer).toBeHidden();

  await page.getByRole('link', { name: 'Scheduled reports' }).click();
  await expect(page.getByRole('heading', { name: 'Scheduled reports', level: 2 })).toBeVisible({ timeout: 60_000 });
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Built report: Registrations per category (EXCEL)');
  await row.getByRole('button', { name: `Run ${name} now` }).click();
  const history = page.getByRole('dialog');
  const run = history.getByRole('row').filter({ hasText: 'delivered' });
  await expect(run).toHaveCount(1, { timeout: 60_000 });
  const scheduled = page.waitForEvent('download');
  await run.getByRole('button', { name: /^Download/ }).click();
  const scheduledDownload = await scheduled;
  expect(scheduledDownload.suggestedFilename()).toMatch(new RegExp(`^Registrations_per_category_${eventId}_.+\\.xlsx$`));
  const scheduledFile = new ExcelJS.Workbook();
  await scheduledFile.xlsx.readFile(await scheduledDownload.path());
  const grouped: string[] = [];
  scheduledFile.worksheets[0].eachRow((r) => grouped.push((r.values as unknown[]).slice(1, 3).join('|')));
  expect(grouped[0]).toMatch(/^Category\|count$/i);
  expect(grouped.slice(1)).toEqual(['Delegate|2', 'Faculty|1']);
  await page.mouse.move(0, 0); // axe judges what is on screen: no hover state
  await expectAccessible(page);
  await screenshot(page, 'schedules-runs');
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('success');
  await page.mouse.move(0, 0); // axe judges what is on screen: no hover state
  await expectAccessible(page);
  await screenshot(page, 'schedules');

  // Exports: a config with picked columns, generated with live progress, downloaded, in the history.
  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { name: 'Exports', level: 2 })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'New export' }).click();
  const form = page.getByRole('dialog');
  const exportName = `Delegate list ${Date.now().toString(36)}`;
  await form.getByLabel('Name', { exact: true }).fill(exportName);
  const columns = form.getByLabel('Columns', { exact: true });
  for (const column of ['Attendee Name', 'Category']) {
    await columns.click();
    await columns.fill(column);
    await page.getByTitle(`${column} (string)`, { exact: true }).click();
  }
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Save export' }).click();
  await expect(form).toBeHidden();
  const configRow = page.getByRole('row').filter({ hasText: exportName });
  await configRow.getByRole('button', { name: `Generate ${exportName}` }).click();
  const job = page.getByTestId('export-job');
  await expect(job).toContainText('completed', { timeout: 60_000 });
  await expect(job).toContainText('3 of 3 rows');
  const exported = page.waitForEvent('download');
  await job.getByRole('button', { name: /Download file/ }).click();
  expect((await exported).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByRole('row').filter({ hasText: exportName }).filter({ hasText: 'completed' })).toHaveCount(1);
  await page.mouse.move(0, 0); // axe judges what is on screen: no hover state
  await expectAccessible(page);
  await screenshot(page, 'exports');

  // A phone: the builder's form stacks, the chart and the table stay readable.
  await page.setViewportSize({ width: 390, height: 844 });
  const q = JSON.stringify({ reportType: 'registrations', groupBy: ['category'], metrics: [{ type: 'count' }], chartType: 'bar', name: 'Registrations per category' });
  await page.goto(`events/${eventId}/reports?q=${encodeURIComponent(q)}`);
  await expect(page.getByTestId('report-chart').locator('svg text').filter({ hasText: /^Faculty$/ })).toHaveCount(1, { timeout: 60_000 });
  await screenshot(page, 'report-builder-390');
  await page.setViewportSize({ width: 1280, height: 800 });
});
