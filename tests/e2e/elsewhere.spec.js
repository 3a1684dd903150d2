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
  await expect(card(page, 'onnxruntime')).toContainText("output [1, 1, 8, 8], as PyTorch's; every value is PyTorch's, bit for bit.");
  await expect(card(page, 'opencv')).toContainText('cv2.INTER_LINEAR');
  await page.locator('#elsewhere').screenshot({ path: SHOTS + 'bilinear-x2-en.png' });
  // A new call redraws the section: with align_corners=True Pillow has no counterpart.
  await page.locator('#align_corners').selectOption('true');
  await expect(card(page, 'pillow')).toContainText('align_corners');
  await page.getByTestId('lang-toggle').click();
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
