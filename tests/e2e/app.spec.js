// End-to-end: the release bundle under a sub-path, in headless Chromium.
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { readFileSync, mkdirSync } from 'node:fs';

const golden = JSON.parse(readFileSync(new URL('../golden/interpolate.json', import.meta.url)));
const goldenRepr = (id) => {
  const c = golden.cases.find((c) => c.id === id);
  if (!c) throw new Error(`golden case ${id} missing`);
  return c.expected.repr;
};
const SHOTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });


const repr = (page) => page.getByTestId('torch-repr');

test('loads under the sub-path with no error, no failed and no third-party request', async ({ page }) => {
  const problems = await open(page);
  await expect(repr(page)).toBeVisible();
  await expect(page.locator('#boot-error')).toBeHidden();
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  for (const u of urls) expect(new URL(u).pathname.startsWith('/upsample-explainer/'), u).toBe(true);
  expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
  await page.screenshot({ path: SHOTS + 'default-light.png', fullPage: true });
  expect(problems).toEqual([]);
});

for (const [query, id] of [
  ['?preset=seed&mode=nearest&scale_factor=2', 'seed-nearest'],
  ['?preset=seed&mode=bilinear&align_corners=false&scale_factor=2', 'seed-bilinear-false'],
  ['?preset=seed&mode=bilinear&align_corners=true&scale_factor=2', 'seed-bilinear-true'],
]) {
  test(`printout equals PyTorch's for ${id}`, async ({ page }) => {
    const problems = await open(page, query);
    await expect(repr(page)).toHaveText(goldenRepr(id), { useInnerText: true });
    expect(problems).toEqual([]);
  });
}

test('toggling align_corners and mode updates the printout', async ({ page }) => {
  await open(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2');
  await expect(repr(page)).toHaveText(goldenRepr('seed-bilinear-false'), { useInnerText: true });
  await page.locator('#align_corners').selectOption('true');
  await expect(repr(page)).toHaveText(goldenRepr('seed-bilinear-true'), { useInnerText: true });
  await expect(page).toHaveURL(/align_corners=true/);
  await page.locator('#align_corners').selectOption('none');
  await page.locator('#mode').selectOption('nearest');
  await expect(repr(page)).toHaveText(goldenRepr('seed-nearest'), { useInnerText: true });
  await expect(page).toHaveURL(/mode=nearest/);
});

test('the default view is the seed example, bilinear, compared True vs False', async ({ page }) => {
  await open(page);
  await expect(repr(page)).toHaveText(goldenRepr('seed-bilinear-false'), { useInnerText: true });
  await expect(page.getByTestId('torch-repr-compare')).toHaveText(goldenRepr('seed-bilinear-true'), { useInnerText: true });
  await expect(page.getByTestId('diagram').first()).toBeVisible();
  await expect(page.getByTestId('ledger')).toBeVisible();
});

test('a malformed URL falls back to defaults with a notice naming what was ignored', async ({ page }) => {
  const problems = await open(page, '?mode=bogus&scale_factor=abc&input=1x1x2x2:1,2,x,4&lang=en');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('mode');
  await expect(notice).toContainText('scale_factor');
  // A bad input says why, in the paste box's words.
  await expect(notice).toContainText("input: 'x' is not a number");
  await expect(repr(page)).toBeVisible();
  await page.screenshot({ path: SHOTS + 'malformed-url.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('an invalid combination shows PyTorch\'s error instead of the output', async ({ page }) => {
  const problems = await open(page, '?preset=seed&mode=nearest&align_corners=true&scale_factor=2');
  await expect(page.getByTestId('torch-error')).toContainText(
    'ValueError: align_corners option can only be set with the interpolating modes');
  await page.screenshot({ path: SHOTS + 'torch-error.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('garbage in every parameter never blanks the page', async ({ page }) => {
  const problems = await open(page,
    '?mode=%00%ff&size=-3,1e99&scale_factor=nan&input=9x9:zz&sel=-1,abc&call=%3Cscript%3E&lang=xx&align_corners=maybe');
  await expect(page.getByTestId('url-notice')).toBeVisible();
  await expect(page.locator('[data-app-ready]')).toBeVisible();
  expect(problems).toEqual([]);
});

test('dark theme and Chinese interface', async ({ browser }) => {
  const dark = await browser.newPage({ colorScheme: 'dark' });
  await open(dark);
  await expect(repr(dark)).toBeVisible();
  await dark.screenshot({ path: SHOTS + 'default-dark.png', fullPage: true });
  await dark.close();

  const zh = await browser.newPage();
  const problems = await open(zh, '?lang=zh');
  await expect(zh.locator('html')).toHaveAttribute('lang', /zh/);
  await zh.screenshot({ path: SHOTS + 'default-zh.png', fullPage: true });
  await zh.getByTestId('lang-toggle').click();
  await expect(zh.locator('html')).toHaveAttribute('lang', 'en');
  expect(problems).toEqual([]);
  await zh.close();
});

test('the output heatmaps show PyTorch\'s values, read as tables, and follow the pointer and the keys', async ({ page }) => {
  const problems = await open(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2');
  const c = golden.cases.find((c) => c.id === 'seed-bilinear-false');
  const data = typeof c.expected.data === 'string' ? JSON.parse(c.expected.data) : c.expected.data;
  const grid = page.getByTestId('output-grid');
  // The canvas's fallback table carries every value as the grid writes it (4 decimals,
  // none for integers), for screen readers.
  const cells = grid.locator('canvas tbody td');
  await expect(cells).toHaveCount(64);
  expect(await cells.allTextContents()).toEqual(data.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(4))));
  // Chromium's accessibility tree (what a screen reader gets) has the three tables.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const tables = nodes.filter((n) => n.role?.value === 'table' && !n.ignored).map((n) => n.name?.value);
  expect(tables).toEqual(expect.arrayContaining(['this call [1, 1, 8, 8]', 'compared call [1, 1, 8, 8]', 'difference (this − compared)']));
  expect(nodes.filter((n) => n.role?.value === 'cell' && !n.ignored && n.name?.value === '2.7500').length).toBeGreaterThan(0);
  // Clicking output cell (row 3, column 5) pins it; the arrow keys move it.
  const canvas = grid.getByTestId('heat-canvas');
  const box = await canvas.boundingBox();
  await canvas.click({ position: { x: (5.5 / 8) * box.width, y: (3.5 / 8) * box.height } });
  await expect(page).toHaveURL(/sel=3(%2C|,)5/);
  await expect(page.getByTestId('ledger')).toContainText('y[0, 0, 3, 5]');
  const mark = grid.locator('.heat-sel');
  await expect(mark).toBeVisible();
  // The outline sits on that cell (measured after the click, which may have scrolled).
  const [markBox, now] = [await mark.boundingBox(), await canvas.boundingBox()];
  expect(Math.abs(markBox.x - (now.x + (5 / 8) * now.width))).toBeLessThan(2);
  expect(Math.abs(markBox.y - (now.y + (3 / 8) * now.height))).toBeLessThan(2);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('ledger')).toContainText('y[0, 0, 4, 6]');
  await expect(page).toHaveURL(/sel=4(%2C|,)6/);
  // The compared grid and the difference are not pickers.
  const other = page.getByTestId('output-grid-compare').getByTestId('heat-canvas');
  const ob = await other.boundingBox();
  await other.click({ position: { x: ob.width * 0.1, y: ob.height * 0.1 } });
  await expect(page).toHaveURL(/sel=4(%2C|,)6/);
  await page.locator('section.grids').screenshot({ path: SHOTS + 'grids.png' });
  expect(problems).toEqual([]);
});

test('a 32×32 → 64×64 scene draws densely and stays interactive', async ({ page }) => {
  const ramp = Array.from({ length: 32 * 32 }, (_, k) => ((k * 37) % 101) / 10).join(',');
  const problems = await open(page, `?input=1x1x32x32:${ramp}&mode=bilinear&scale_factor=2`);
  // One canvas per heatmap and one path for 4096 sample points, instead of a node each.
  const grid = page.getByTestId('output-grid').getByTestId('heat-canvas');
  await expect(grid).toBeVisible();
  await expect(grid).toHaveAttribute('width', '320');
  await expect(page.getByTestId('diff-grid').getByTestId('heat-canvas-diff')).toBeVisible();
  const dots = page.getByTestId('diagram').locator('path.dots-dense');
  expect(((await dots.getAttribute('d')) ?? '').split('M').length - 1).toBe(64 * 64);
  await expect(page.getByTestId('output-grid').locator('td')).toHaveCount(0);
  // Clicking the heatmap's cell (row 10, column 40) pins it and the ledger explains it.
  const box = await grid.boundingBox();
  await grid.click({ position: { x: (40.5 / 64) * box.width, y: (10.5 / 64) * box.height } });
  await expect(page).toHaveURL(/sel=10(%2C|,)40/);
  await expect(page.getByTestId('ledger')).toContainText('0, 0, 10, 40');
  // The charts' worker starts when they come into view.
  await page.locator('section.plots').scrollIntoViewIfNeeded();
  await expect(page.locator('.profile[data-drawn] svg.chart-svg')).toHaveCount(1);
  await page.screenshot({ path: SHOTS + 'large-scene.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('the strip, the kernel and every mode on the row follow the pointer and the controls', async ({ page }) => {
  const problems = await open(page, '?preset=seed&mode=bicubic&align_corners=false&scale_factor=2&sel=3,2');
  const strip = page.getByTestId('strip');
  // Clicking output cell 5 of the strip pins it: the ledger and the kernel's taps follow.
  await strip.locator('rect[data-out="5"]').click();
  await expect(page.getByTestId('ledger')).toContainText('y[0, 0, 3, 5]');
  await expect(strip.locator('rect.cell.selected')).toHaveAttribute('data-out', '5');
  await page.locator('section.plots').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kernel-name')).toHaveText('Keys cubic, a = −0.75');
  await expect(page.locator('.kernel[data-drawn] svg.chart-svg')).toHaveCount(1);
  // Every mode on the row: the input and seven modes, three of which agree (one line).
  await page.getByTestId('every-mode').check();
  await expect(page.getByTestId('profile-legend').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('profile-legend')).toContainText('nearest = nearest-exact = area');
  await expect(page).toHaveURL(/profile=modes/);
  await page.locator('section.plots').screenshot({ path: SHOTS + 'charts-every-mode.png' });
  await page.locator('section.strips').screenshot({ path: SHOTS + 'strip-bicubic.png' });
  // 3-D: the depth slider picks the output depth the views show.
  await page.goto('?preset=ramp&dims=3&mode=trilinear&scale_factor=2&sel=3,1,2');
  await page.locator('[data-app-ready]').waitFor();
  await expect(page.getByTestId('depth-reads')).toHaveText('1 (×0.75), 2 (×0.25)');
  await page.getByTestId('depth-slice').fill('5');
  await expect(page.getByTestId('depth-value')).toHaveText('d = 5 / 5');
  await expect(page.getByTestId('ledger')).toContainText('y[0, 0, 5, 1, 2]');
  await page.locator('section.diagrams').screenshot({ path: SHOTS + 'depth-slice.png' });
  expect(problems).toEqual([]);
});

test('toggling align_corners moves the sample points smoothly, unless motion is reduced', async ({ browser }) => {
  // After the toggle, the computed `d` of the points' path at every frame for a second, each
  // as the largest share of the whole move still to go (1 = not moved yet, 0 = arrived).
  // Sampled inside the page, so a loaded machine cannot skip past the animation.
  const remaining = async (page) => {
    await page.locator('[data-app-ready]').waitFor();
    await page.waitForTimeout(300);
    return page.evaluate(async () => {
      const dots = document.querySelector('[data-testid="diagram"] path.dots-dense');
      // The points' coordinates: the numbers after each M (the computed form writes `M x y H x`).
      const numbers = (s) => [...s.matchAll(/M\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
      const before = numbers(getComputedStyle(dots).d);
      const select = document.getElementById('align_corners');
      select.value = 'true';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      await frame();
      const target = numbers(dots.getAttribute('d'));
      const shares = [];
      const end = performance.now() + 1000;
      while (performance.now() < end) {
        const now = numbers(getComputedStyle(dots).d);
        if (now.length !== target.length) return null;
        shares.push(Math.max(...target.map((v, k) => (Math.abs(v - before[k]) > 1 ? Math.abs(v - now[k]) / Math.abs(v - before[k]) : 0))));
        await frame();
      }
      return shares;
    });
  };
  const query = '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2&sel=0,0';
  const moving = await browser.newPage();
  await moving.goto(query);
  const shares = await remaining(moving);
  expect(shares).not.toBeNull();
  expect(shares.some((v) => v > 0.05 && v < 0.95), `no frame midway: ${shares}`).toBe(true);
  expect(shares.at(-1)).toBeLessThan(0.01);
  const still = await browser.newPage({ reducedMotion: 'reduce' });
  await still.goto(query);
  const jumps = await remaining(still);
  expect(Math.max(...jumps), `moved gradually: ${jumps}`).toBeLessThan(0.01);
});
