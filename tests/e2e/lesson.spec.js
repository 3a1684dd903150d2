// End-to-end: the guided lesson. Every step opens from `?lesson=N` in both languages,
// Next/Back and the arrow keys move, leaving and coming back work, and screenshots of
// every step (English and Chinese, light and dark) go to artifacts/lesson/ to be looked at.
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { mkdirSync } from 'node:fs';

const STEPS = 11;
const SHOTS = new URL('./artifacts/lesson/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

test.use({ reducedMotion: 'reduce' });


const stepLabel = (page) => page.getByTestId('lesson-step');
const lessonText = (page) => page.getByTestId('lesson-text');
/** The URL's lesson parameter once the page has rewritten it (200 ms after a change). */
const urlLesson = async (page) => {
  await page.waitForTimeout(400);
  return new URL(page.url()).searchParams.get('lesson');
};

for (const lang of ['en', 'zh']) {
  test(`every step restores from ?lesson=N (${lang})`, async ({ page }) => {
    const problems = await open(page, `?lesson=1&lang=${lang}`);
    for (let k = 1; k <= STEPS; k++) {
      if (k > 1) await page.goto(`?lesson=${k}&lang=${lang}`);
      await page.locator('[data-app-ready]').waitFor();
      await expect(stepLabel(page)).toHaveText(lang === 'en' ? `Step ${k} of ${STEPS}` : `第 ${k} 步，共 ${STEPS} 步`);
      const text = (await lessonText(page).innerText()).trim();
      expect(text.length, `step ${k} text`).toBeGreaterThan(80);
      // The step's view is outlined, and the URL keeps the step after its rewrite.
      await expect(page.locator('.lesson-focus')).toHaveCount(1);
      expect(await urlLesson(page)).toBe(String(k));
      expect(new URL(page.url()).searchParams.get('mode')).not.toBeNull();
      // The page shows the step's state, so the "you changed the settings" note is absent.
      await expect(page.getByTestId('lesson-restore')).toHaveCount(0);
      // While its question is open (unless it asks for a change), the answer is not on the
      // page: the selected output reads "?" and the printouts wait. Showing the answer shows them.
      if (k !== 8) {
        await expect(page.getByTestId('ledger-value')).toHaveText('?');
        await expect(page.getByTestId('torch-repr')).toHaveCount(0);
      }
      await page.getByTestId('lesson-reveal').click();
      await expect(page.getByTestId('ledger-value')).not.toHaveText('?');
      await expect(page.getByTestId('torch-repr')).toBeVisible();
    }
    expect(problems).toEqual([]);
  });
}

test('Next, Back and the arrow keys move; the ends stop or finish', async ({ page }) => {
  const problems = await open(page, '?lesson=1&lang=en');
  await expect(page.getByTestId('lesson-back')).toBeDisabled();
  const first = await lessonText(page).innerText();
  await page.getByTestId('lesson-next').click();
  await expect(stepLabel(page)).toHaveText(`Step 2 of ${STEPS}`);
  expect(await lessonText(page).innerText()).not.toEqual(first);
  expect(await urlLesson(page)).toBe('2');
  expect(new URL(page.url()).searchParams.get('size')).toBe('7');
  await page.getByTestId('lesson-back').click();
  await expect(stepLabel(page)).toHaveText(`Step 1 of ${STEPS}`);
  await expect(lessonText(page)).toHaveText(first, { useInnerText: true });

  // Keys, with the focus on the page body.
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(stepLabel(page)).toHaveText(`Step 3 of ${STEPS}`);
  await page.keyboard.press('ArrowLeft');
  await expect(stepLabel(page)).toHaveText(`Step 2 of ${STEPS}`);

  // Arrow keys in a form field or on the output grid are theirs, not the lesson's.
  await page.locator('#paste').focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepLabel(page)).toHaveText(`Step 2 of ${STEPS}`);

  // The last step's Next finishes the lesson.
  await page.goto(`?lesson=${STEPS}&lang=en`);
  await page.locator('[data-app-ready]').waitFor();
  await expect(page.getByTestId('lesson-next')).toHaveText('Finish');
  await page.getByTestId('lesson-next').click();
  await expect(lessonText(page)).toHaveCount(0);
  await expect(page.getByTestId('lesson-start')).toHaveText('Start the lesson');
  expect(await urlLesson(page)).toBe(null);
  expect(problems).toEqual([]);
});

test('Next walks through every step and Back all the way back, with no error', async ({ page }) => {
  const problems = await open(page, '?lesson=1&lang=zh');
  for (let k = 2; k <= STEPS; k++) {
    await page.getByTestId('lesson-next').click();
    await expect(stepLabel(page)).toHaveText(`第 ${k} 步，共 ${STEPS} 步`);
    await expect(page.locator('.lesson-focus')).toHaveCount(1);
    await expect(page.getByTestId('lesson-restore')).toHaveCount(0);
  }
  for (let k = STEPS - 1; k >= 1; k--) {
    await page.keyboard.press('ArrowLeft');
    await expect(stepLabel(page)).toHaveText(`第 ${k} 步，共 ${STEPS} 步`);
  }
  await page.getByTestId('lesson-reveal').click();
  await expect(page.getByTestId('torch-repr')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the output grid keeps its arrow keys during the lesson', async ({ page }) => {
  const problems = await open(page, '?lesson=5&lang=en');
  const grid = page.getByTestId('output-grid').getByTestId('heat-canvas');
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepLabel(page)).toHaveText(`Step 5 of ${STEPS}`);
  await page.waitForTimeout(400);
  expect(new URL(page.url()).searchParams.get('sel')).toBe('3,3');
  expect(problems).toEqual([]);
});

test('a question reveals its answer; changing the page offers to restore the step', async ({ page }) => {
  const problems = await open(page, '?lesson=3&lang=en');
  await expect(page.getByTestId('lesson-answer')).toHaveCount(0);
  await page.getByTestId('lesson-reveal').click();
  await expect(page.getByTestId('lesson-answer')).toContainText('5.5');
  // The ledger shows the number the answer quotes.
  await expect(page.getByTestId('ledger')).toContainText('5.5000');
  await page.locator('#align_corners').selectOption('true');
  await expect(page.getByTestId('lesson-restore')).toBeVisible();
  await page.getByTestId('lesson-restore').click();
  await expect(page.getByTestId('lesson-restore')).toHaveCount(0);
  await expect(page.locator('#align_corners')).toHaveValue('false');
  // A new step hides the answer again.
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-answer')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('leaving keeps the page to explore, and coming back returns to the step', async ({ page }) => {
  const problems = await open(page, '?lesson=4&lang=en');
  await page.getByTestId('lesson-leave').click();
  await expect(lessonText(page)).toHaveCount(0);
  await expect(page.locator('.lesson-focus')).toHaveCount(0);
  expect(await urlLesson(page)).toBe(null);
  // Still step 4's page: 1-D linear ×2, free to change.
  expect(new URL(page.url()).searchParams.get('mode')).toBe('linear');
  await page.locator('#align_corners').selectOption('true');
  await page.getByTestId('lesson-start').click();
  await expect(stepLabel(page)).toHaveText(`Step 4 of ${STEPS}`);
  await expect(page.locator('#align_corners')).toHaveValue('false');
  expect(await urlLesson(page)).toBe('4');
  // A reload of the rewritten URL stays in the lesson, at the same step.
  await page.reload();
  await page.locator('[data-app-ready]').waitFor();
  await expect(stepLabel(page)).toHaveText(`Step 4 of ${STEPS}`);
  expect(problems).toEqual([]);
});

test('the page without a lesson offers to start it', async ({ page }) => {
  const problems = await open(page, '?lang=zh');
  await expect(page.getByTestId('lesson-start')).toHaveText('开始教程');
  await page.getByTestId('lesson-start').click();
  await expect(stepLabel(page)).toHaveText(`第 1 步，共 ${STEPS} 步`);
  expect(await urlLesson(page)).toBe('1');
  expect(problems).toEqual([]);
});

test('screenshots of every step, English and Chinese, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = await open(page, '?lesson=1&lang=en&theme=light');
  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'zh']) {
      for (let k = 1; k <= STEPS; k++) {
        await page.goto(`?lesson=${k}&lang=${lang}&theme=${theme}`);
        await page.locator('[data-app-ready]').waitFor();
        if (await page.getByTestId('lesson-reveal').count()) await page.getByTestId('lesson-reveal').click();
        await page.waitForTimeout(250);
        await page.screenshot({ path: `${SHOTS}step${String(k).padStart(2, '0')}-${lang}-${theme}.png` });
      }
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const k of [1, 5]) {
    await page.goto(`?lesson=${k}&lang=zh`);
    await page.locator('[data-app-ready]').waitFor();
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${SHOTS}phone-step${k}-zh.png` });
  }
  expect(problems).toEqual([]);
});

test('the export step shows each library running the call; its verdicts wait for the answer', async ({ page }) => {
  const problems = await open(page, `?lesson=${STEPS}&lang=en`);
  const card = (f) => page.locator(`#elsewhere article[data-framework="${f}"]`);
  await expect(page.locator('section.elsewhere.lesson-focus')).toHaveCount(1);
  // The values the step's text quotes, in the libraries' ledgers.
  await expect(card('opencv')).toContainText('y[0, 0, 3, 2] = 1.6489');
  await expect(card('tensorflow')).toContainText('y[0, 0, 3, 2] = 1.7678 (PyTorch: 1.6489)');
  // The question asks how many differ: the verdicts are hidden until the answer is shown.
  await expect(card('jax').locator('.verdict')).toBeHidden();
  await expect(card('jax').locator('.why-line')).toBeHidden();
  await page.screenshot({ path: SHOTS + 'export-question-en.png' });
  await page.getByTestId('lesson-reveal').click();
  await expect(page.getByTestId('lesson-answer')).toContainText('0.4565');
  await expect(card('jax').locator('.verdict')).toBeVisible();
  await expect(card('jax').locator('.verdict')).toContainText('64 of 64 values differ');
  await expect(card('jax').locator('.why-line')).toContainText('−0.5');
  await expect(card('onnxruntime').locator('.verdict')).toContainText('bit for bit');
  await page.screenshot({ path: SHOTS + 'export-answer-en.png' });
  expect(problems).toEqual([]);
});

test('in the projector layout the export step opens on its section, not below it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const problems = await open(page, '?present=1&lesson=11&lang=en');
  await expect(page.locator('#elsewhere article')).toHaveCount(6);
  await page.waitForTimeout(500);
  // The cards arrive after the scroll; the section's top stays at the top of the screen.
  const top = await page.locator('#elsewhere').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(-5);
  expect(top).toBeLessThan(100);
  // Back and Finish stay in view at the foot of the floating card.
  await expect(page.getByTestId('lesson-next')).toBeInViewport();
  await expect(page.getByTestId('lesson-back')).toBeInViewport();
  expect(problems).toEqual([]);
});
