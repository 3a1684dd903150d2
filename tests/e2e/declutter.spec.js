// End-to-end: the page reads cleanly (issue "Teach, not just show" §3, the diagram legend of
// §2, the module and Chinese faults of §6). axe-core finds no accessibility violation; the
// output sample points never hide an input value; option reasons show only on focus; the
// selection stays put; a module's fixed arguments show as fixed.
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const SHOTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Opens the app and lets the first transitions end before anything is measured. */
async function openSettled(page, query = '') {
  const problems = await open(page, query);
  await page.waitForTimeout(300);
  return problems;
}

/** Boxes of the input values and the sample points of the main diagram, in page pixels
 *  (the values' glyph boxes as drawn, after any move; the points from their path). */
async function valuesAndPoints(page, testid = 'diagram') {
  return page.getByTestId(testid).evaluate((fig) => {
    const svg = fig.querySelector('svg.map');
    const m = svg.getScreenCTM();
    const values = [...svg.querySelectorAll('text.value')].map((t) => {
      const b = t.getBoundingClientRect();
      return { text: t.textContent, x0: b.left, y0: b.top + b.height * 0.2, x1: b.right, y1: b.top + b.height * 0.85 };
    });
    const path = svg.querySelector('.dots-dense');
    const sel = svg.querySelector('.dot-selected');
    const r = Math.max(Number(path.getAttribute('stroke-width')) / 2, Number(sel.getAttribute('r'))) * m.a;
    // dots_path writes "M{x} {y}h0" per point.
    const points = [...path.getAttribute('d').matchAll(/M([-\d.]+) ([-\d.]+)/g)]
      .map((p) => ({ x: m.a * +p[1] + m.e, y: m.d * +p[2] + m.f, r }));
    return { values, points };
  });
}

function hiddenValues({ values, points }) {
  const hidden = [];
  for (const v of values) {
    for (const p of points) {
      const dx = Math.max(v.x0 - p.x, p.x - v.x1, 0);
      const dy = Math.max(v.y0 - p.y, p.y - v.y1, 0);
      if (Math.hypot(dx, dy) < p.r) { hidden.push(`${v.text} under (${p.x.toFixed(1)}, ${p.y.toFixed(1)})`); break; }
    }
  }
  return hidden;
}

for (const [name, query] of [
  ['align_corners=True', '?preset=seed&mode=bilinear&align_corners=true&scale_factor=2'],
  ['nearest ×2', '?preset=seed&mode=nearest&scale_factor=2'],
  ['align_corners=False', '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2'],
]) {
  test(`no sample point hides an input value: ${name}`, async ({ page }) => {
    const problems = await openSettled(page, query);
    for (const testid of ['diagram', 'diagram-compare']) {
      const drawn = await valuesAndPoints(page, testid);
      expect(drawn.values.length).toBe(16);
      expect(drawn.points.length).toBeGreaterThanOrEqual(16);
      expect(hiddenValues(drawn), testid).toEqual([]);
      await page.getByTestId(testid).screenshot({ path: `${SHOTS}declutter-values-${name.replace(/\W+/g, '-')}-${testid}.png` });
    }
    expect(problems).toEqual([]);
  });
}

test('on a phone, a 31-column output neither runs its labels together nor scrolls the page sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = await open(page, '?input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&lang=en');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const labels = page.getByTestId('output-grid').locator('.heat-cols span');
  await expect(labels).toHaveCount(31);
  // Every fifth index is shown, and the shown ones do not overlap.
  const shown = await labels.evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility === 'visible').map((e) => e.textContent));
  expect(shown).toEqual(['0', '5', '10', '15', '20', '25', '30']);
  expect(problems).toEqual([]);
});

test('weight labels clear every sample point', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=bilinear&align_corners=true&scale_factor=2&sel=3,2');
  const clash = await page.getByTestId('diagram').evaluate((fig) => {
    const svg = fig.querySelector('svg.map');
    const m = svg.getScreenCTM();
    const path = svg.querySelector('.dots-dense');
    const r = (Number(path.getAttribute('stroke-width')) / 2) * m.a;
    const points = [...path.getAttribute('d').matchAll(/M([-\d.]+) ([-\d.]+)/g)].map((p) => [m.a * +p[1] + m.e, m.d * +p[2] + m.f]);
    const labels = [...svg.querySelectorAll('.taps text.weight')];
    const out = [];
    for (const t of labels) {
      const b = t.getBoundingClientRect();
      for (const [x, y] of points) {
        const dx = Math.max(b.left - x, x - b.right, 0);
        const dy = Math.max(b.top + b.height * 0.2 - y, y - (b.top + b.height * 0.85), 0);
        if (Math.hypot(dx, dy) < r) out.push(`${t.textContent} on (${x.toFixed(1)}, ${y.toFixed(1)})`);
      }
    }
    return { n: labels.length, out };
  });
  expect(clash.n).toBe(4);
  expect(clash.out).toEqual([]);
});

test('reasons for greyed options show only while the control has focus', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2');
  const why = page.locator('#mode-why');
  await expect(why).toBeHidden();
  await expect(page.locator('.controls .why:visible')).toHaveCount(0);
  // The reason is the greyed option's own title.
  await expect(page.locator('#mode option[value="linear"]')).toHaveAttribute('title', /NotImplementedError/);
  await page.locator('#mode').focus();
  await expect(why).toBeVisible();
  await expect(why).toContainText('linear — NotImplementedError');
  await page.locator('#mode').blur();
  await expect(why).toBeHidden();
  // nearest: align_corners=False is greyed, and no note about it shows until focus.
  await page.locator('#mode').selectOption('nearest');
  await page.locator('#mode').blur();
  await expect(page.locator('#align_corners-why')).toBeHidden();
  await page.locator('#align_corners').focus();
  await expect(page.locator('#align_corners-why')).toContainText('False — ValueError');
});

test('the selection does not walk by itself', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2');
  const before = await page.getByTestId('torch-repr').textContent();
  const sel = () => page.locator('.ledger-head').first().textContent();
  const first = await sel();
  await page.waitForTimeout(3500);
  expect(await sel()).toBe(first);
  expect(await page.getByTestId('torch-repr').textContent()).toBe(before);
});

test('a module shows the arguments it fixes: UpsamplingNearest2d link without mode', async ({ page }) => {
  const problems = await openSettled(page, '?preset=seed&call=UpsamplingNearest2d&scale_factor=2');
  await expect(page.locator('#mode')).toHaveValue('nearest');
  await expect(page.locator('#mode')).toBeDisabled();
  await page.waitForTimeout(400);
  const url = new URL(page.url());
  expect(url.searchParams.get('mode')).toBe('nearest');
  await expect(page.getByTestId('fixed-args')).toContainText("mode='nearest'");
  expect(problems).toEqual([]);
});

test('UpsamplingBilinear2d shows align_corners=True as fixed, no rejection notes', async ({ page }) => {
  await openSettled(page, '?preset=seed&call=UpsamplingBilinear2d&scale_factor=2');
  await expect(page.locator('#align_corners')).toHaveValue('true');
  await expect(page.locator('#align_corners')).toBeDisabled();
  await expect(page.getByTestId('fixed-args')).toHaveText("nn.UpsamplingBilinear2d fixes these arguments: mode='bilinear', align_corners=True");
  await expect(page.locator('.controls .why.reasons:visible')).toHaveCount(0);
});

test('the strip says which input row it draws and why', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2&sel=3,2');
  await expect(page.getByTestId('strip-row').first()).toContainText('Top row: x[0, 0, 1, :], the input row that output row y[0, 0, 3, :] reads most.');
});

test('antialias ×0.5 with align_corners=True: the sample point stays in the picture, and the page says why', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=bilinear&align_corners=true&antialias=true&scale_factor=0.5&compare=off&sel=1,1');
  const inside = await page.getByTestId('diagram').evaluate((fig) => {
    const svg = fig.querySelector('svg.map');
    const [x0, y0, w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
    const c = svg.querySelector('.dot-selected');
    const [cx, cy] = [+c.getAttribute('cx'), +c.getAttribute('cy')];
    const lines = [...svg.querySelectorAll('.taps line')].flatMap((l) => [+l.getAttribute('x1'), +l.getAttribute('x2')]);
    return { ok: cx > x0 && cx < x0 + w && cy > y0 && cy < y0 + h && lines.every((x) => x > x0 && x < x0 + w), cx, x0, w, n: lines.length };
  });
  expect(inside.n).toBeGreaterThan(0);
  expect(inside.ok, JSON.stringify(inside)).toBe(true);
  await expect(page.getByTestId('outside-note')).toContainText('antialias');
  await page.getByTestId('diagram').screenshot({ path: SHOTS + 'declutter-aa-true.png' });
});

test('every mark of the diagram has a legend entry', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2');
  const legend = page.getByTestId('diagram-legend');
  for (const words of ['input pixels', 'output sample points', 'dashed squares', 'shaded band', 'orange ticks', 'orange lines'])
    await expect(legend).toContainText(words);
});

test('Chinese: mode label, theme options, kernel legend, compare text fits', async ({ page }) => {
  await openSettled(page, '?preset=seed&mode=nearest&scale_factor=2&lang=zh');
  await expect(page.locator('label[for="mode"]')).toHaveText('mode（模式）');
  await expect(page.locator('#theme option')).toHaveText(['跟随系统', '浅色', '深色']);
  await expect(page.getByTestId('kernel-legend')).not.toContainText('nearest: nearest');
  await expect(page.getByTestId('kernel-legend')).not.toContainText('nearest：nearest');
  await expect(page.locator('#compare option').first()).toHaveText('自动：nearest-exact');
});

for (const lang of ['en', 'zh']) {
  test(`the compare selector's text is not cut off (${lang})`, async ({ page }) => {
    await openSettled(page, `?preset=seed&mode=bilinear&align_corners=false&scale_factor=2&lang=${lang}`);
    const fit = await page.locator('#compare').evaluate((s) => {
      // The chosen option's text in the select's font, against the room inside it.
      const c = document.createElement('canvas').getContext('2d');
      const st = getComputedStyle(s);
      c.font = `${st.fontSize} ${st.fontFamily}`;
      const text = s.options[s.selectedIndex].text;
      const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 18;
      return { text, need: c.measureText(text).width, room };
    });
    expect(fit.text).toContain('align_corners=True');
    expect(fit.need, JSON.stringify(fit)).toBeLessThanOrEqual(fit.room);
  });
}

const AXE_STATES = [
  ['default', '?preset=seed&mode=bilinear&align_corners=false&scale_factor=2'],
  ['align-true', '?preset=seed&mode=bilinear&align_corners=true&scale_factor=2'],
  ['nearest', '?preset=seed&mode=nearest&scale_factor=2'],
  ['aa-half-true', '?preset=seed&mode=bilinear&align_corners=true&antialias=true&scale_factor=0.5'],
  ['bilinear2d', '?preset=seed&call=UpsamplingBilinear2d&scale_factor=2'],
];

for (const theme of ['light', 'dark']) {
  for (const lang of ['en', 'zh']) {
    test(`axe-core: no violation (${theme}, ${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const [name, query] of AXE_STATES) {
        await openSettled(page, `${query}&theme=${theme}&lang=${lang}`);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')).join(' | ')}`);
        });
        expect(violations, `${name} ${theme} ${lang}`).toEqual([]);
        if (name === 'default' || name === 'align-true' || name === 'nearest' || name === 'aa-half-true')
          await page.screenshot({ path: `${SHOTS}declutter-${name}-${theme}-${lang}.png`, fullPage: false });
      }
    });
  }
}
