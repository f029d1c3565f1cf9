import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium (no browser download), against the real suite through the gateway.
 * suite-tests' ConsoleBrowserTests starts the suite and runs `npx playwright test` with the ATLAS_* variables set
 * (e2e/env.ts); by hand, against `bin/atlas up`, the defaults point at the embedded suite's ports.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  // Its own folder per runner (ConsoleBrowserTests sets one under suite-tests/target): Playwright empties it at start.
  outputDir: process.env.ATLAS_E2E_OUTPUT ?? 'test-results',
  use: {
    baseURL: process.env.ATLAS_CONSOLE_URL ?? 'http://localhost:8080/console/',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
