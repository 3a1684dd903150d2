// End-to-end: the page never panics or freezes on the input sequences that once broke it,
// states its one input limit, and reports a panic visibly if one happens anyway.
import { test, expect } from '@playwright/test';
import { open } from './open.js';

/** A nested list of `shape` holding 0, 1, 2, … (as a Python literal). */
function literal(shape, start = { v: 0 }) {
  if (shape.length === 0) return String(start.v++ % 10);
  return `[${Array.from({ length: shape[0] }, () => literal(shape.slice(1), start)).join(', ')}]`;
}


async function paste(page, shape) {
  await page.locator('#paste').fill(literal(shape));
  await page.getByRole('button', { name: 'Use this input' }).click();
}

/** The printout's shape, from its brackets: `tensor([[[[…]]]])` of n nested levels. */
const printedShape = (page) => page.getByTestId('torch-repr').evaluate((el) => {
  const text = el.innerText;
  const depth = text.match(/^tensor\((\[+)/)[1].length;
  const rows = text.split('\n').filter((l) => l.trim().length).length;
  return { depth, rows };
});

// The issue's sequence (16×16, 32×32, 4×4, then nearest) and the two others that
// reproduced it, each a different rank or channel count on the way.
for (const steps of [
  [[16, 16], [32, 32], [4, 4]],
  [[8, 8], [3, 32, 32], [3, 4, 4]],
  [[16, 16], [3, 16, 16], [3, 4, 4]],
]) {
  const name = steps.map((s) => s.join('x')).join(' → ');
  test(`pasting ${name}, then mode = nearest, keeps the page working`, async ({ page }) => {
    const errors = await open(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2');
    for (const s of steps) await paste(page, s);
    await page.locator('#mode').selectOption('nearest');
    const last = steps[steps.length - 1];
    const full = last.length === 2 ? [1, 1, ...last] : [1, ...last];
    // The header, the controls, the printout and the URL all describe the last state...
    await expect(page.locator('#input-title .shape')).toHaveText(`[${full.join(', ')}]`);
    await expect(page).toHaveURL(new RegExp(`input=${full.join('x')}:.*mode=nearest`));
    const printed = await printedShape(page);
    expect(printed.depth).toBe(4);
    // ×2 nearest of 4×4 per channel: 8 rows per channel.
    expect(printed.rows).toBe(8 * full[1]);
    // ...and the page still answers: another change goes through.
    await page.locator('#mode').selectOption('nearest-exact');
    await expect(page).toHaveURL(/mode=nearest-exact/);
    await expect(page.getByTestId('panic-notice')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('an input beyond the limit is refused with the whole limit stated, in both languages', async ({ page }) => {
  const errors = await open(page, '?preset=seed&lang=en');
  // 2×4×32×32×32 is within the batch, channel and per-axis limits, but not the total.
  await page.locator('#paste').fill(`[${Array(2).fill(`[${Array(4).fill(literal([32, 32, 32])).join(',')}]`).join(',')}]`);
  await page.getByRole('button', { name: 'Use this input' }).click();
  const message = page.getByTestId('paste-error');
  await expect(message).toContainText('Too large for the explainer');
  for (const bound of ['2 batches', '4 channels', '32 pixels per axis', '65536 values']) {
    await expect(message).toContainText(bound);
  }
  await expect(page.locator('#input-title .shape')).toHaveText('[1, 1, 4, 4]');
  await page.getByTestId('lang-toggle').click();
  await expect(message).toContainText('65536');
  await expect(message).toContainText('解释器最多接受');
  expect(errors).toEqual([]);
});

test('a paste nested a hundred thousand brackets deep is refused, and the page goes on', async ({ page }) => {
  const errors = await open(page, '?preset=seed&lang=en');
  await page.locator('#paste').fill(`${'['.repeat(100000)}1${']'.repeat(100000)}`);
  await page.getByRole('button', { name: 'Use this input' }).click();
  await expect(page.getByTestId('paste-error')).toContainText('100000 levels of brackets: at most 5');
  await paste(page, [3, 3]);
  await expect(page.locator('#input-title .shape')).toHaveText('[1, 1, 3, 3]');
  await expect(page.getByTestId('panic-notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a refused clipboard write is no page error', async ({ page }) => {
  // As Chromium refuses it when the document has no focus (found by the monkey test).
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));
  });
  const errors = await open(page, '?preset=seed&lang=en');
  const copy = page.getByRole('button', { name: 'Copy' });
  await copy.click();
  await page.waitForTimeout(200);
  await expect(copy).toHaveText('Copy');
  expect(errors).toEqual([]);
});
