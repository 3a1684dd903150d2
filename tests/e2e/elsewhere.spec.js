// End-to-end: "the same call elsewhere" (issue #13). The section starts the page's worker
// when it comes into view, and shows each library's counterpart of the call, run by the
// core's copy of that library's resize, with a verdict against PyTorch's output.
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { mkdirSync } from 'node:fs';

const SHOTS = new URL('./artifacts/elsewhere/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const card = (page, framework) => page.locator(`#elsewhere article[data-framework="${framework}"]`);

test('each library gets its call and a verdict against PyTorch (en, zh)', async ({ page }) => {
  const problems = await open(page, '?preset=seed&mode=bilinear&scale_factor=2&align_corners=false&lang=en');
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  await expect(page.locator('#elsewhere article')).toHaveCount(6);
  await expect(card(page, 'onnxruntime')).toContainText("coordinate_transformation_mode='half_pixel'");
  await expect(card(page, 'onnxruntime')).toContainText("shape [1, 1, 8, 8], as PyTorch's; every value is PyTorch's, bit for bit.");
  await expect(card(page, 'opencv')).toContainText('cv2.INTER_LINEAR');
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'bilinear-x2-en.png' });
  // A new call redraws the section: with align_corners=True Pillow has no counterpart.
  await page.locator('#align_corners').selectOption('true');
  await expect(card(page, 'pillow')).toContainText('no align_corners grid');
  await page.getByTestId('lang-toggle').click();
  // The section redraws while in view; the toggle at the top may have scrolled it away.
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  await expect(card(page, 'pillow')).toContainText('没有对应调用');
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'bilinear-x2-true-zh.png' });
  expect(problems).toEqual([]);
});

test('a library that sizes the output differently says so, with its rule', async ({ page }) => {
  // 7 × 31/7 is 31 in double but 30 in float32 (ONNX Runtime truncates a float32 product).
  const problems = await open(page, '?input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&lang=en');
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  await expect(card(page, 'onnxruntime')).toContainText('where PyTorch gives [1, 1, 1, 31]');
  await expect(card(page, 'onnxruntime')).toContainText('in × scale multiplied in float32, then truncated');
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'onnx-size.png' });
  expect(problems).toEqual([]);
});

test('a framework= link opens on its card, whose options change the call and the link', async ({ page }) => {
  const problems = await open(page, '?preset=seed&mode=bilinear&scale_factor=2&align_corners=false&framework=onnxruntime&lang=en');
  const ort = page.locator('#elsewhere article.focus[data-framework="onnxruntime"]');
  await expect(page.getByTestId('framework-repr')).toBeVisible();
  await expect(ort).toBeInViewport();
  await ort.locator('select[data-arg="coordinate_transformation_mode"]').selectOption('asymmetric');
  await expect(ort).toContainText("coordinate_transformation_mode='asymmetric'");
  await expect(ort.locator('.why-line')).toContainText('samples the input at other places: i × scale');
  await expect(ort).toContainText('values differ from PyTorch');
  await expect.poll(() => decodeURIComponent(page.url())).toContain('framework_args=onnxruntime(coordinate_transformation_mode=asymmetric)');
  await ort.screenshot({ path: SHOTS + 'onnx-edited-en.png' });
  // The link reproduces the edited card.
  await page.goto(page.url());
  await expect(page.locator('#elsewhere article.focus[data-framework="onnxruntime"]')).toContainText("coordinate_transformation_mode='asymmetric'");
  await page.locator('#elsewhere article[data-framework="onnxruntime"] [data-reset]').click();
  await expect(page.locator('#elsewhere article[data-framework="onnxruntime"]')).toContainText("coordinate_transformation_mode='half_pixel'");
  await expect(page.locator('#elsewhere article[data-framework="onnxruntime"] [data-reset]')).toHaveCount(0);
  // A combination the library refuses shows the library's own error, with the controls left to undo it.
  const v1 = page.locator('#elsewhere article[data-framework="tf.compat.v1"]');
  await v1.locator('select[data-arg="align_corners"]').selectOption('True');
  await expect(v1).toContainText('If half_pixel_centers is True, align_corners must be False.');
  await v1.locator('select[data-arg="half_pixel_centers"]').selectOption('False');
  await expect(v1).toContainText('align_corners=True');
  await expect(v1.locator('.verdict')).toBeVisible();
  expect(problems).toEqual([]);
});

test('an unknown framework= value is named in the notice and the section still draws', async ({ page }) => {
  const problems = await open(page, '?preset=seed&mode=bilinear&scale_factor=2&framework=torch&framework_args=jax(method=bogus)&lang=en');
  await expect(page.getByTestId('url-notice')).toContainText('framework (torch)');
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  await expect(page.locator('#elsewhere article')).toHaveCount(6);
  await expect(page.locator('#elsewhere article[data-framework="jax"]')).toContainText('Not understood, so left out: method=bogus');
  expect(problems).toEqual([]);
});

test('screenshots: a framework link in Chinese, dark, and on a phone', async ({ page }) => {
  await open(page, '?input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&framework=onnxruntime&lang=zh&theme=dark');
  const ort = page.locator('#elsewhere article.focus[data-framework="onnxruntime"]');
  await expect(ort.locator('.why-line')).toContainText('宽度是 30，PyTorch 是 31');
  await ort.screenshot({ path: SHOTS + 'onnx-size-zh-dark.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '?preset=seed&mode=bicubic&scale_factor=2&align_corners=false&framework=tensorflow&lang=en');
  const tf = page.locator('#elsewhere article.focus[data-framework="tensorflow"]');
  await expect(tf.locator('.why-line')).toContainText('a = −0.5 where PyTorch');
  await page.screenshot({ path: SHOTS + 'tensorflow-phone-en.png' });
  await tf.screenshot({ path: SHOTS + 'tensorflow-card-phone-en.png' });
});

test('one coordinate convention, plain words, copyable scripts and the notices of a link (en, zh)', async ({ page }) => {
  // TF2, JAX and Pillow sample output 2 of 7 → 31 at (2 + 0.5) × 7/31 − 0.5 = 0.0645, as their words say.
  const problems = await open(page, '?input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&sel=0,2&lang=en');
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  for (const f of ['tensorflow', 'jax', 'pillow']) await expect(card(page, f)).toContainText('W: samples at 0.0645');
  await expect(card(page, 'tensorflow')).toContainText("PyTorch's nearest-exact");
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'nearest-1x7-en.png' });
  // The copy button unfolds (and copies) the whole script.
  const ort = card(page, 'onnxruntime');
  await ort.locator('button[data-copy]').click();
  await expect(ort.locator('button[data-copy] + pre')).toBeVisible();
  await expect(ort.locator('button[data-copy] + pre')).toContainText('ort.InferenceSession(');
  await ort.screenshot({ path: SHOTS + 'onnx-copied-en.png' });
  await open(page, '?input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&sel=0,2&lang=zh');
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  await expect(card(page, 'jax')).toContainText('W：采样于 0.0645');
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'nearest-1x7-zh.png' });
  // An edited card with no counterpart drops "the closest call".
  await open(page, '?preset=stripes&mode=bilinear&size=2&antialias=true&framework=opencv&lang=en');
  const cv = page.locator('#elsewhere article.focus[data-framework="opencv"]');
  await expect(cv).toContainText('The closest call:');
  await cv.locator('select[data-arg="interpolation"]').selectOption('INTER_AREA');
  await expect(cv).toContainText('Changed here');
  await expect(cv).not.toContainText('The closest call:');
  await cv.screenshot({ path: SHOTS + 'opencv-area-edited-en.png' });
  // A framework_args the page cannot read is named above the cards.
  await open(page, '?preset=seed&mode=bilinear&scale_factor=2&framework_args=garbage((&lang=zh');
  await page.locator('#elsewhere').scrollIntoViewIfNeeded();
  await expect(page.locator('#elsewhere .libraries > p.error-text')).toContainText('garbage((');
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'garbage-zh.png' });
  expect(problems).toEqual([]);
});
