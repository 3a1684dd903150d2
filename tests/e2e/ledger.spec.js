// End-to-end: the ledger says in words, in both languages, where every number comes from;
// implementation detail waits behind a closed "details for engineers".
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { mkdirSync } from 'node:fs';

const SHOTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });


const SEED = '?preset=seed&compare=off';

// [name, query, English phrases, Chinese phrases, phrases only in the closed details]
const CASES = [
  ['bilinear-false', `${SEED}&mode=bilinear&align_corners=false&size=8&sel=3,2`,
    ['0.5 × (3 + 0.5) − 0.5 = 1.25; ⌊1.25⌋ = 1, λ = 1.25 − 1 = 0.25', '0.5 = in/out = 4/8', 'out = size = 8',
      "align_corners=False: take output pixel i's centre (i + 0.5)", 'the right neighbour gets λ, the left one 1 − λ'],
    ['0.5 = in/out = 4/8', 'align_corners=False：取输出像素 i 的中心 (i + 0.5)', 'out：输出长度，由 size 直接给定', '右侧相邻像素的权重为 λ'],
    ['H_out + W_out ≤ 128']],
  ['bilinear-true', `${SEED}&mode=bilinear&align_corners=true&size=8&sel=3,2`,
    ['0.42857143 × 3 = 1.2857143', '0.42857143 = (in − 1)/(out − 1) = (4 − 1)/(8 − 1) = 3/7',
      'align_corners=True: output pixel i sits at i × scale'],
    ['(4 − 1)/(8 − 1) = 3/7', 'align_corners=True：输出像素 i 位于 i × scale', '首尾像素的中心'],
    ['float32']],
  ['nearest-x2', `${SEED}&mode=nearest&scale_factor=2&sel=3,3`,
    ['⌊3 × 0.5⌋ = ⌊1.5⌋ = 1', 'out = ⌊in × scale_factor⌋ = ⌊4 × 2⌋ = 8', '0.5 = 1/scale_factor = 1/2',
      'nearest takes input pixel ⌊i × scale⌋: it rounds down without adding 0.5'],
    ['⌊3 × 0.5⌋ = ⌊1.5⌋ = 1', 'nearest 取输入像素 ⌊i × scale⌋：直接向下取整、不加 0.5', 'out：输出长度，即 in × scale_factor 向下取整'],
    ['i >> 1']],
  ['nearest-4to6', `${SEED}&mode=nearest&size=6&sel=4,4`,
    ['⌊4 × 0.6666667⌋ = ⌊2.6666667⌋ = 2', '0.6666667 = in/out = 4/6'],
    ['⌊4 × 0.6666667⌋ = ⌊2.6666667⌋ = 2', '图像会向左上偏移'],
    ['H_out + W_out ≤ 128']],
  ['area', `${SEED}&mode=area&size=3&sel=0,0`,
    ['[⌊0 × 4/3⌋, ⌈1 × 4/3⌉) = [0, 2)', 'here 2 pixels along this axis, each with weight 1/2'],
    ['[⌊0 × 4/3⌋, ⌈1 × 4/3⌉) = [0, 2)', '这里沿该轴有 2 个像素，每个权重 1/2'],
    ['float32']],
  ['antialias', `${SEED}&mode=bilinear&align_corners=false&antialias=true&scale_factor=0.5&sel=1,0`,
    ['centre = 2 × (1 + 0.5) = 3', 'antialias centres its filter at scale × (i + 0.5), with no − 0.5',
      'shrinking: the filter is widened by the scale'],
    ['centre = 2 × (1 + 0.5) = 3', 'antialias 把滤波核的中心放在 scale × (i + 0.5)，不减 0.5', '缩小时滤波核按 scale 拉宽'],
    ['support ±2; taps [1, 4)']],
];

for (const [name, query, en, zh, hidden] of CASES) {
  for (const [lang, phrases, summary] of [['en', en, 'details for engineers'], ['zh', zh, '给工程师的细节']]) {
    test(`the ledger explains ${name} in words (${lang})`, async ({ page }) => {
      const problems = await open(page, `${query}&lang=${lang}`);
      const ledger = page.getByTestId('ledger');
      for (const p of phrases) await expect(ledger).toContainText(p);
      // Area's integer windows never use a scale, so the ledger names none.
      if (name === 'area') await expect(ledger).not.toContainText('scale =');
      else await expect(ledger.locator('.axes')).toContainText('scale =');
      // Implementation detail is in the page but behind a closed disclosure.
      const details = page.getByTestId('ledger-details');
      await expect(details).not.toHaveAttribute('open', '');
      await expect(details.locator('summary')).toHaveText(summary);
      for (const h of hidden) {
        await expect(details).toContainText(h);
        await expect(details.locator('li').filter({ hasText: h }).first()).toBeHidden();
      }
      // No bit shift and no compute-kernel name outside the details.
      const visible = await ledger.locator('.axes, .words').allInnerTexts();
      expect(visible.join('\n')).not.toContain('>>');
      expect(visible.join('\n')).not.toContain('channels-last');
      await ledger.screenshot({ path: `${SHOTS}ledger-${name}-${lang}.png` });
      await details.locator('summary').click();
      for (const h of hidden) await expect(details.locator('li').filter({ hasText: h }).first()).toBeVisible();
      if (name === 'antialias' || name === 'nearest-x2') {
        await ledger.screenshot({ path: `${SHOTS}ledger-${name}-${lang}-details.png` });
      }
      expect(problems).toEqual([]);
    });
  }
}

test('the greyed size field shows the size PyTorch computes from scale_factor', async ({ page }) => {
  await open(page, `${SEED}&mode=bilinear&align_corners=false&scale_factor=1.5&sel=0,0`);
  const size = page.locator('#size');
  await expect(size).toBeDisabled();
  await expect(size).toHaveValue('6, 6');
  await expect(page.getByTestId('ledger')).toContainText('out = ⌊in × scale_factor⌋ = ⌊4 × 1.5⌋ = 6');
  await page.locator('#scale_factor').fill('2.1');
  await page.locator('#scale_factor').press('Enter');
  await expect(size).toHaveValue('8, 8');
  await expect(page.getByTestId('ledger')).toContainText('⌊4 × 2.1⌋ = ⌊8.4⌋ = 8');
  // Choosing size keeps the size PyTorch computed.
  await page.locator('#size-or-scale').selectOption('size');
  await expect(size).toBeEnabled();
  await expect(size).toHaveValue('8, 8');
  await expect(page).toHaveURL(/size=8/);
});

test('hovering an input pixel lists the outputs it feeds, in natural Chinese', async ({ page }) => {
  const problems = await open(page, `${SEED}&mode=bilinear&align_corners=false&size=8&sel=0,0&lang=zh`);
  await page.getByTestId('input-grid').locator('td').nth(5).hover();
  await expect(page.getByTestId('ledger').locator('.feeds')).toContainText(/输入像素 x\[1,1\] 参与了 \d+ 个输出的计算：/);
  expect(problems).toEqual([]);
});
