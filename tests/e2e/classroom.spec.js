// End-to-end: the classroom modes (issue #10 §4). A projector layout (`present=1`), one view
// alone (`view=`), a quiz (`quiz=1`), an <iframe> (`embed=1`), links that reproduce the view
// (language, `#section`, the pinned input cell) and a compared call that may differ in any
// argument. Screenshots of present and embed go to artifacts/classroom/ to be looked at.
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { mkdirSync } from 'node:fs';

const SHOTS = new URL('./artifacts/classroom/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

test.use({ reducedMotion: 'reduce' });

const SEED = '?preset=seed&mode=bilinear&scale_factor=2&align_corners=false';
/** The page's query once it has rewritten it (200 ms after a change). */
const query = async (page) => {
  await page.waitForTimeout(400);
  return new URL(page.url()).searchParams;
};
/** The bottom edge of an element, in CSS pixels from the top of the viewport. */
const bottom = async (locator) => { const b = await locator.boundingBox(); return b.y + b.height; };

test('present=1: large diagram text on a 1920×1080 projector; diagram, ledger and printout fit 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const problems = await open(page, `${SEED}&present=1&lang=en`);
  // The rendered font size of the diagram's values: the CSS size in SVG units times the
  // SVG's scale on screen.
  const px = await page.getByTestId('diagram').locator('svg.map').evaluate((svg) => {
    const text = svg.querySelector('text.value');
    return parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a;
  });
  expect(px, 'diagram value text size at 1920×1080').toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: SHOTS + 'present-1920.png' });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: SHOTS + 'present-1280.png' });
  for (const id of ['diagram', 'ledger', 'torch-repr']) {
    const el = page.getByTestId(id);
    await expect(el).toBeVisible();
    expect(await bottom(el), `${id} bottom at 1280×720`).toBeLessThanOrEqual(720);
  }
  // The controls come after the views.
  expect((await page.locator('section.controls').boundingBox()).y).toBeGreaterThan(720);
  await page.screenshot({ path: SHOTS + 'present-1280.png' });
  expect(problems).toEqual([]);
});

for (const [view, shown] of [['diagram', 'diagram'], ['strip', 'strip'], ['ledger', 'ledger'], ['grids', 'output-grid'],
  ['code', 'torch-repr'], ['plots', 'kernel']]) {
  test(`view=${view} shows that view alone, with a way back to the whole page`, async ({ page }) => {
    const problems = await open(page, `${SEED}&view=${view}&lang=en`);
    await expect(page.getByTestId(shown)).toBeVisible();
    const visible = await page.locator('main.stage section').evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 0).map((e) => e.id));
    expect(visible).toEqual([view]);
    await expect(page.locator('section.controls')).toBeHidden();
    await expect(page.getByTestId('whole-page')).toBeVisible();
    if (view === 'diagram') await page.screenshot({ path: SHOTS + 'view-diagram.png' });
    await page.getByTestId('whole-page').click();
    await expect(page.locator('section.controls')).toBeVisible();
    expect((await query(page)).get('view')).toBeNull();
    expect(problems).toEqual([]);
  });
}

test('quiz=1 hides the output values until a cell, or all, is revealed; the diagram stays', async ({ page }) => {
  const problems = await open(page, `${SEED}&quiz=1&sel=3,2&lang=en`);
  const cells = page.getByTestId('output-grid').locator('tbody td');
  await expect(cells).toHaveCount(64);
  expect(new Set(await cells.allTextContents())).toEqual(new Set(['?']));
  await expect(page.getByTestId('ledger-value')).toHaveText('?');
  await expect(page.getByTestId('torch-repr')).toHaveCount(0);
  await expect(page.getByTestId('repr-hidden')).toBeVisible();
  await expect(page.getByTestId('diagram').locator('svg.map')).toBeVisible();
  // The strip's output cells carry question marks too.
  const stripOut = page.getByTestId('strip').locator('text');
  expect((await stripOut.allTextContents()).filter((t) => t === '?').length).toBe(8);
  await page.screenshot({ path: SHOTS + 'quiz-hidden.png', fullPage: true });

  // Clicking the output cell (row 3, column 2) reveals it, and only it.
  const grid = page.getByTestId('output-grid').getByTestId('heat-canvas');
  const box = await grid.boundingBox();
  const layout = await grid.evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
  await grid.click({ position: { x: box.width * (0.5 + (2.5 / 8) * 0.5) , y: box.height * (0.5 + (3.5 / 8) * 0.5) } });
  await expect(page.getByTestId('ledger-value')).not.toHaveText('?');
  const revealed = (await cells.allTextContents()).filter((t) => t !== '?');
  expect(revealed.length, `one cell revealed (canvas ${layout.w}×${layout.h})`).toBe(1);

  await page.getByTestId('reveal-all').click();
  await expect(page.getByTestId('torch-repr')).toBeVisible();
  expect((await cells.allTextContents()).filter((t) => t === '?')).toEqual([]);
  // A new call is a new question.
  await page.locator('#align_corners').selectOption('true');
  await expect(page.getByTestId('ledger-value')).toHaveText('?');
  expect(problems).toEqual([]);
});

test('embed=1 in an 800×600 iframe: the diagram without scrolling, no sideways scroll, a link to the full page', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  const problems = await open(page, `${SEED}&lang=en`);
  // A host page of our own (its icon inline, so the browser asks the test server for no
  // /favicon.ico), with the explainer in an 800×600 frame.
  await page.setContent(`<link rel="icon" href="data:,"><iframe src="${baseURL}${SEED}&embed=1&lang=en" width="800" height="600"
    style="border:1px solid #888" allow="clipboard-write" title="Upsample explainer"></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-app-ready]').waitFor();
  const diagram = frame.getByTestId('diagram');
  await expect(diagram).toBeVisible();
  const inner = await page.frames()[1].evaluate(() => {
    const svg = document.querySelector('[data-testid="diagram"] svg.map').getBoundingClientRect();
    return { bottom: svg.bottom, scrollWidth: document.documentElement.scrollWidth, width: innerWidth };
  });
  expect(inner.bottom, 'diagram bottom inside the frame').toBeLessThanOrEqual(600);
  expect(inner.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(inner.width);
  const link = frame.getByTestId('full-page');
  await expect(link).toBeVisible();
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('href')).not.toContain('embed');
  await page.screenshot({ path: SHOTS + 'embed-800x600.png' });
  expect(problems).toEqual([]);
});

test('a lesson step keeps its card in embed, present and one-view layouts', async ({ page }) => {
  const problems = await open(page, '?lesson=3&embed=1&lang=en');
  for (const mode of ['embed=1', 'present=1', 'view=strip']) {
    await page.goto(`?lesson=3&${mode}&lang=en`);
    await page.locator('[data-app-ready]').waitFor();
    const card = page.getByTestId('lesson-text');
    await expect(card, mode).toBeInViewport();
    await expect(page.getByTestId('lesson-next'), mode).toBeInViewport();
  }
  await page.screenshot({ path: SHOTS + 'view-strip-lesson-3.png' });
  expect(problems).toEqual([]);
});

test('links reproduce the view: the language, a #section anchor, the pinned input cell', async ({ page }) => {
  const problems = await open(page, `${SEED}#ledger`);
  const params = await query(page);
  expect(params.get('lang')).toMatch(/^(en|zh)$/);
  expect(new URL(page.url()).hash).toBe('#ledger');
  // The anchor scrolled the ledger into view.
  const top = (await page.getByTestId('ledger').boundingBox()).y;
  expect(top).toBeLessThan(200);

  // Typing into an input cell pins it: its outputs are listed and the link names it.
  await page.getByLabel('x[1,0]').focus();
  await expect(page.getByTestId('feeds')).toBeVisible();
  expect((await query(page)).get('from')).toBe('1,0');
  const link = page.url();
  await page.goto(link);
  await page.locator('[data-app-ready]').waitFor();
  await expect(page.getByTestId('feeds')).toContainText('x[');
  await page.getByTestId('unpin-feeds').click();
  await expect(page.getByTestId('feeds')).toHaveCount(0);
  expect((await query(page)).get('from')).toBeNull();
  expect(problems).toEqual([]);
});

test('the compared call may differ in any argument: a module beside interpolate, a call typed as Python', async ({ page }) => {
  // nn.UpsamplingBilinear2d is interpolate(..., align_corners=True): a zero difference.
  const problems = await open(page,
    '?preset=seed&mode=bilinear&scale_factor=2&align_corners=true&vs_call=UpsamplingBilinear2d&vs_scale_factor=2&lang=en');
  await expect(page.locator('#compare')).toHaveValue('call');
  await expect(page.getByTestId('compare-call')).toHaveValue('nn.UpsamplingBilinear2d(scale_factor=2.0)(x)');
  const diff = page.getByTestId('diff-grid').locator('tbody td');
  await expect(diff).toHaveCount(64);
  expect(new Set(await diff.allTextContents())).toEqual(new Set(['0']));

  // Typed: antialias on against off, on a downsampling.
  await page.goto('?preset=stripes&mode=bilinear&size=2&align_corners=false&compare=call&lang=en');
  await page.locator('[data-app-ready]').waitFor();
  const typed = page.getByTestId('compare-call');
  await typed.fill("F.interpolate(x, size=2, mode='bilinear', antialias=True)");
  await typed.press('Enter');
  await expect(page.getByTestId('torch-repr-compare')).toContainText('0.5000');
  const params = await query(page);
  expect(params.get('compare')).toBe('call');
  expect(params.get('vs_antialias')).toBe('true');

  // What Python refuses gets Python's words.
  await typed.fill('F.interpolate(x, scale=2)');
  await typed.press('Enter');
  await expect(page.getByTestId('compare-call-error')).toContainText("interpolate() got an unexpected keyword argument 'scale'");

  // The named contrasts: antialias switched, and the same size given the other way.
  await page.locator('#compare').selectOption('antialias');
  await expect(page.getByTestId('torch-repr-compare')).toContainText('0.5000');
  await page.goto('?preset=ramp&dims=1&mode=linear&scale_factor=1.5&align_corners=false&compare=pass&lang=en');
  await page.locator('[data-app-ready]').waitFor();
  await expect(page.locator('.compare-call')).toContainText('size=7');
  expect(problems).toEqual([]);
});

test('the charts start when they come into view', async ({ page }) => {
  const problems = await open(page, `${SEED}&lang=en`);
  await expect(page.locator('.profile[data-drawn]')).toHaveCount(0);
  await page.locator('section.plots').scrollIntoViewIfNeeded();
  await expect(page.locator('.profile[data-drawn] svg.chart-svg')).toHaveCount(1);
  await expect(page.getByTestId('kernel-name')).toHaveText('triangle (linear)');
  await expect(page.getByTestId('profile-legend').locator('li')).toHaveCount(3);
  expect(problems).toEqual([]);
});
