#!/usr/bin/env node
/**
 * Time to first page ready over the gateway (docs/PERFORMANCE.md): a fresh browser context (empty cache) signed in
 * as the demo admin opens /console/, and the clock runs from navigation start to the conference list rendered (its
 * first conference card visible). Five runs, median reported; Debian's Chromium, headless.
 *
 *   node scripts/first-page-ready.mjs [--url http://localhost:8080/console/] [--runs 5]
 *
 * Needs the suite (bin/atlas up): the token is minted with JWT_SECRET for the demo admin, as the fixtures do.
 */
import { chromium } from '@playwright/test';
import { SignJWT } from 'jose';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const url = option('url', process.env.ATLAS_CONSOLE_URL ?? 'http://localhost:8080/console/');
const runs = Number(option('runs', '5'));
const secret = process.env.JWT_SECRET ?? 'dev-jwt-secret-change-me-0123456789abcdef';
const ADMIN_ID = '65f0a00000000000000000a1';

const now = Math.floor(Date.now() / 1000);
const token = await new SignJWT({ id: ADMIN_ID })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setIssuedAt(now)
  .setExpirationTime(now + 3600)
  .sign(new TextEncoder().encode(secret));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript((t) => window.localStorage.setItem('token', t), token);
    const page = await context.newPage();
    let bytes = 0;
    let scripts = 0;
    page.on('response', async (response) => {
      const length = Number((await response.allHeaders())['content-length'] ?? 0);
      bytes += length;
      if (response.url().endsWith('.js')) scripts++;
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Conferences' }).waitFor();
    await page.locator('a[aria-label^="Open "]').first().waitFor();
    const ready = await page.evaluate(() => performance.now());
    const nav = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0];
      return { domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd };
    });
    results.push({ run, readyMs: Math.round(ready), domContentLoadedMs: Math.round(nav.domContentLoaded), scripts, bytes });
    console.log(
      `run ${run}: conference list ready ${Math.round(ready)} ms (DOMContentLoaded ${Math.round(nav.domContentLoaded)} ms, ${scripts} scripts, ${(bytes / 1000).toFixed(0)} kB transferred)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
const sorted = results.map((r) => r.readyMs).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`median of ${runs}: ${median} ms from navigation start to the conference list rendered (${url})`);
