// Opening the app in an end-to-end test, shared by the spec files.
import { test } from '@playwright/test';

/** Opens the app at `query`, recording every console error, page error, failed request,
 *  HTTP error and request to anywhere but this server; waits until the app has mounted.
 *  Returns the list the problems are pushed to (empty when all went well). */
export async function open(page, query = '') {
  const problems = [];
  const origin = new URL(test.info().project.use.baseURL).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      problems.push(`third-party request: ${r.url()}`);
  });
  await page.goto(query);
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  return problems;
}
