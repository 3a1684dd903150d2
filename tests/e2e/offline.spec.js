// End-to-end: the classroom cases. dist/offline.html opened from disk with the network cut,
// dist/index.html opened from disk (it cannot work; it must say what to do, at once), and
// "Copy" inside an iframe that may not use the clipboard.
import { test, expect } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

const golden = JSON.parse(readFileSync(new URL('../golden/interpolate.json', import.meta.url)));
const goldenRepr = (id) => {
  const c = golden.cases.find((c) => c.id === id);
  if (!c) throw new Error(`golden case ${id} missing`);
  return c.expected.repr;
};
const SHOTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const dist = (file) => pathToFileURL(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url))).href;
const SEED = '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2';
const local = (url) => /^(file|data|blob):/.test(url);

/** Cuts the network: every request that is not file:, data: or blob: is aborted and recorded,
 *  as are console errors and page errors. */
async function offline(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!local(r.url())) problems.push(`network request: ${r.url()}`); });
  await page.context().setOffline(true);
  await page.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort()));
  return problems;
}

test('offline.html works from disk with no network, and is PyTorch-exact', async ({ page }) => {
  const problems = await offline(page);
  await page.goto(dist('offline.html') + SEED);
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('torch-repr')).toHaveText(goldenRepr('seed-bilinear-false'), { useInnerText: true });
  await expect(page.locator('#boot-error')).toBeHidden();
  // The stylesheet is inside the page and applied: the boot-error box rule and the layout.
  expect(await page.locator('style').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.app')).maxWidth)).not.toBe('none');
  // It still reacts, from disk.
  await page.locator('#align_corners').selectOption('true');
  await expect(page.getByTestId('torch-repr')).toHaveText(goldenRepr('seed-bilinear-true'), { useInnerText: true });
  await expect(page).toHaveURL(/^file:.*offline\.html\?.*align_corners=true/);
  // The charts' worker starts from the copy the page carries.
  await page.locator('section.plots').scrollIntoViewIfNeeded();
  await expect(page.locator('.profile[data-drawn] svg.chart-svg')).toHaveCount(1);
  await expect(page.getByTestId('kernel-name')).toHaveText('triangle (linear)');
  // So do the lesson's texts.
  await page.goto(dist('offline.html') + '?lesson=4');
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('lesson-text')).toContainText('align_corners');
  await page.goto(dist('offline.html') + SEED);
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: SHOTS + 'offline-file.png', fullPage: false });
  expect(problems).toEqual([]);
});

test('offline.html from disk in Chinese', async ({ page }) => {
  const problems = await offline(page);
  await page.goto(dist('offline.html') + SEED + '&lang=zh');
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  await expect(page).toHaveTitle(/上采样/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('torch-repr')).toHaveText(goldenRepr('seed-bilinear-false'), { useInnerText: true });
  await page.screenshot({ path: SHOTS + 'offline-file-zh.png' });
  // The app keeps the window title in the chosen language.
  await page.getByTestId('lang-toggle').click();
  await expect(page).toHaveTitle(/^Upsample explainer/);
  expect(problems).toEqual([]);
});

test('index.html opened from disk says at once to use offline.html or a local server', async ({ page }) => {
  const started = Date.now();
  await page.goto(dist('index.html') + SEED);
  const error = page.locator('#boot-error');
  await expect(error).toBeVisible({ timeout: 3_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeLessThan(3);
  await expect(error).toContainText('offline.html');
  await expect(error).toContainText('local web server');
  await expect(error).not.toContainText('20 seconds');
  await expect(page.locator('#boot')).toBeHidden();
  await page.screenshot({ path: SHOTS + 'index-file-en.png' });
  // The link keeps the state and opens the working page.
  await error.getByRole('link', { name: 'offline.html' }).click();
  await expect(page).toHaveURL(/offline\.html\?preset=seed/);
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('torch-repr')).toHaveText(goldenRepr('seed-bilinear-false'), { useInnerText: true });
});

test('the start-up texts follow ?lang=, then the stored language, then the browser', async ({ browser }) => {
  const zhBrowser = await browser.newContext({ locale: 'zh-CN' });
  const page = await zhBrowser.newPage();
  await page.goto(dist('index.html'));
  await expect(page.locator('#boot-error')).toContainText('解释器无法启动');
  await expect(page.locator('#boot-error')).toContainText('offline.html');
  await expect(page).toHaveTitle(/上采样解释器/);
  await page.screenshot({ path: SHOTS + 'index-file-zh.png' });
  await page.goto(dist('index.html') + '?lang=en');
  await expect(page.locator('#boot-error')).toContainText('The explainer could not start');
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.goto(dist('index.html'));
  await expect(page).toHaveTitle(/^Upsample explainer/);
  await page.evaluate(() => localStorage.removeItem('lang'));
  await zhBrowser.close();
});

/** A course page on another origin (its own server, another port) framing the app, as a
 *  teacher's course site would. */
async function framed(page, allow) {
  const app = `${test.info().project.use.baseURL}${SEED}`;
  const course = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(
    `<!doctype html><title>course</title><iframe ${allow} style="width:1200px;height:1900px" src="${app}"></iframe>`));
  await new Promise((done) => course.listen(0, '127.0.0.1', done));
  test.info().attach('course page', { body: `port ${course.address().port}` });
  await page.goto(`http://127.0.0.1:${course.address().port}/`);
  course.close();
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
  return frame;
}

test('Copy says so when the clipboard is blocked (iframe without clipboard-write)', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const frame = await framed(page, '');
  const copy = frame.locator('.code-line button');
  await copy.scrollIntoViewIfNeeded();
  await copy.click();
  const blocked = frame.getByTestId('copy-blocked');
  await expect(blocked).toBeVisible();
  await expect(blocked).toContainText('clipboard-write');
  await expect(copy).toHaveText('Copy');
  // The program to copy by hand is shown in full where the one-line call was.
  await expect(frame.locator('.code-line pre')).toContainText('import torch');
  await blocked.screenshot({ path: SHOTS + 'copy-blocked.png' });
  await frame.locator('.code').screenshot({ path: SHOTS + 'copy-blocked-section.png' });
  expect(errors).toEqual([]);
});

test('Copy copies, in an iframe with allow="clipboard-write" (the control)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const frame = await framed(page, 'allow="clipboard-write"');
  const copy = frame.locator('.code-line button');
  await copy.scrollIntoViewIfNeeded();
  await copy.click();
  await expect(copy).toHaveText('Copied');
  await expect(frame.getByTestId('copy-blocked')).toBeHidden();
  await expect(frame.locator('.code-line pre')).not.toContainText('import torch');
  const title = await copy.getAttribute('title');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(title);
});
