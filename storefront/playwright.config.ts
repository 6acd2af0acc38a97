import { defineConfig, devices } from '@playwright/test'

// Runs against a shop that is already up: `./shop` (http://localhost:8080, the default) or the one the
// system tests start (they set STOREFRONT_BASE_URL and the admin's credentials). Debian's Chromium;
// Playwright never downloads a browser here.
const baseURL = process.env.STOREFRONT_BASE_URL ?? 'http://localhost:8080'
const outputDir = process.env.STOREFRONT_E2E_OUTPUT ?? 'test-results'

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // A shop started with --port-offset=2000 has its gateway on 10080, a port Chromium refuses unless told.
    '--explicitly-allowed-ports=10080',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${outputDir}/artifacts`,
  // One shop, two cores: the flows run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['junit', { outputFile: `${outputDir}/junit.xml` }],
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    testIdAttribute: 'data-test',
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined, launchOptions: chromium },
      testIgnore: /phone\.spec\.ts/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], channel: undefined, launchOptions: chromium },
      testMatch: /phone\.spec\.ts/,
    },
  ],
})
