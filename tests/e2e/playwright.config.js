// End-to-end tests of the release bundle in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

export const BASE = '/upsample-explainer/';
// E2E_PORT lets several checkouts run their end-to-end tests at once.
const PORT = Number(process.env.E2E_PORT || 4173);

// The tests serve the release bundle; say so at once rather than time out waiting for it.
if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
  throw new Error('no dist/index.html: build the release bundle first (`trunk build --release`, or run `bash .ci/test`)');
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    viewport: { width: 1400, height: 1000 },
    launchOptions: {
      executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node serve.mjs ../../dist ${PORT} ${BASE}`,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
