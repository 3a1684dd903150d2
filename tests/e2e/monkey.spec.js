// A monkey test: random actions on the release bundle in Chromium, seeded. Every select,
// text field, checkbox and button; odd numbers; pastes of random shapes inside and beyond
// the input limit; clicks and hovers on the grids, the diagrams and the strips; keys on
// the output grid; random URLs; language and theme. The page must never log an error,
// throw, or show its panic notice, and its controls, header and URL must agree.
//
//   MONKEY_SEED=123 npx playwright test monkey.spec.js     # replay a run
//   MONKEY_ACTIONS=3000 npx playwright test monkey.spec.js # a longer run
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const SEED = Number(process.env.MONKEY_SEED || Math.floor(Math.random() * 2 ** 31));
const ACTIONS = Number(process.env.MONKEY_ACTIONS || 1000);

/** mulberry32: a small seeded generator of floats in [0, 1). */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = generator(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;

const ODD_NUMBERS = ['0', '-1', '-0', '1e9', '1e-9', 'nan', 'NaN', 'inf', '-inf', '0.001', '63.99', '64', '65',
  '1,2', '1, 2, 3', '1,2,3,4', '', ' ', 'abc', '2.5', '0.5', '1.0000001', '3,0.5', '4096', '4097', '7', '1',
  '0.3333333', '2,', ',', '1e400', '0x10', '½', '２', '1;2', '99999999999999999999', '-3', '32', '0.01'];
const ODD_VALUES = ['0', '-0', '1', '-1', '3.5', '1e30', '-1e30', '1e-40', 'nan', 'inf', '-inf', '255', '0.1', 'x', ''];

/** A random number as a paste or a cell would have it. */
function value() {
  if (chance(0.1)) return pick(['nan', 'inf', '-inf', '1e30', '-1e-30', '-0.0', '1.', '+2']);
  return chance(0.5) ? String(int(-9, 9)) : (rand() * 20 - 10).toFixed(int(0, 6));
}

/** Nested list text of `shape`, sometimes ragged or broken. */
function nested(shape) {
  if (shape.length === 0) return value();
  const items = [];
  for (let k = 0; k < shape[0]; k++) items.push(nested(shape.slice(1)));
  if (chance(0.002)) items.pop();
  return `[${items.join(', ')}]`;
}

/** A random shape: mostly within the limit, sometimes beyond it in one way or another. */
function shape() {
  const rank = pick([1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
  const dims = [];
  for (let d = 0; d < rank; d++) dims.push(chance(0.8) ? int(1, 6) : int(1, 16));
  const r = rand();
  if (r < 0.08) dims[int(0, rank - 1)] = int(33, 40); // beyond 32 per axis
  else if (r < 0.16) dims[rank - 1] = 32; // at the limit
  else if (r < 0.2 && rank >= 3) dims[rank - 3] = int(5, 6); // beyond 4 channels (or 2 batches)
  else if (r < 0.22) return rank >= 2 ? [32, 32] : [32]; // the largest 2-D input
  else if (r < 0.23) return [1, 3, 32, 32, 32].slice(5 - Math.max(rank, 3)); // beyond 65,536 values
  let total = dims.reduce((a, b) => a * b, 1);
  while (total > 40000) {
    const d = dims.indexOf(Math.max(...dims));
    dims[d] = Math.max(1, Math.floor(dims[d] / 2));
    total = dims.reduce((a, b) => a * b, 1);
  }
  return dims;
}

function pasteText() {
  const r = rand();
  if (r < 0.05) return pick(['', 'hello', '[', ']', '[[1, 2], [3]]', '[1, [2]]', '[[]]', '7', '[1,,2]',
    '[[1, 2] [3, 4]]', 'torch.tensor([[1., 2.]])', 'np.array([0.5, nan], dtype=np.float32)', '[[[[[[1]]]]]]']);
  const text = nested(shape());
  return chance(0.2) ? `torch.tensor(${text})` : text;
}

/** A random query: real parameters with real, odd and garbage values. */
function query() {
  const params = [];
  const add = (k, v) => params.push(`${k}=${encodeURIComponent(v)}`);
  const modes = ['nearest', 'nearest-exact', 'linear', 'bilinear', 'bicubic', 'trilinear', 'area', 'lanczos', 'bogus'];
  if (chance(0.8)) add('mode', pick(modes));
  if (chance(0.5)) add('scale_factor', pick(ODD_NUMBERS));
  if (chance(0.3)) add('size', pick(ODD_NUMBERS));
  if (chance(0.5)) add('align_corners', pick(['true', 'false', 'none', 'maybe']));
  if (chance(0.2)) add('recompute_scale_factor', pick(['true', 'false', 'none', '2']));
  if (chance(0.2)) add('antialias', pick(['true', 'false', 'yes']));
  if (chance(0.5)) add('preset', pick(['seed', 'ramp', 'impulse', 'checkerboard', 'stripes', 'nope']));
  if (chance(0.4)) add('dims', pick(['1', '2', '3', '0', '4', 'x']));
  if (chance(0.3)) {
    const s = chance(0.9) ? shape() : [int(1, 3), int(1, 5), int(1, 40)];
    const full = s.length >= 3 ? s : [1, 1, ...s];
    const n = full.reduce((a, b) => a * b, 1);
    // At most 600 values: servers refuse longer URLs (HTTP 414/431) before the app sees them.
    const values = Array.from({ length: chance(0.9) ? Math.min(n, 600) : int(0, 9) }, value);
    add('input', `${full.join('x')}:${values.join(',')}`);
  }
  if (chance(0.4)) add('sel', pick(['0,0', '3,2', '31,31', '99,99,99', '1', '-1', 'a,b', '2,1,0', '1000000']));
  if (chance(0.3)) add('compare', pick([...modes, 'off', 'auto', 'align_corners']));
  if (chance(0.3)) add('strip', pick(['w', 'h', 'd', 'x']));
  if (chance(0.2)) add('profile', pick(['modes', 'calls', 'all']));
  if (chance(0.3)) add('lang', pick(['en', 'zh', 'xx']));
  if (chance(0.3)) add('theme', pick(['light', 'dark', 'auto', 'neon']));
  if (chance(0.2)) add('call', pick(['interpolate', 'Upsample', 'UpsamplingNearest2d', 'UpsamplingBilinear2d', 'nn.X']));
  if (chance(0.05)) add('garbage', '%00%ff<script>');
  return `?${params.join('&')}`;
}

/** `promise`, or an error once `limit` ms have passed (a page that long busy is frozen). */
async function within(promise, limit, what) {
  let timer;
  const frozen = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: the page did not answer within ${limit / 1000} s`)), limit);
  });
  try {
    return await Promise.race([promise, frozen]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets the app react: a frame, then the timers queued in it. */
async function settle(page) {
  await within(page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))), 15_000, 'settle');
}

/** In the page: picks the `which`-th (a float in [0, 1)) visible, enabled element of
 *  `selector`, or null. */
const PICK = `(selector, which) => {
  const all = [...document.querySelectorAll(selector)].filter((e) => !e.disabled && e.getClientRects().length);
  return all.length ? all[Math.floor(which * all.length)] : null;
}`;

const actions = [
  // Every <select>: a random enabled option.
  [30, 'select', async (page) => page.evaluate(([pickSrc, a, b]) => {
    const el = eval(pickSrc)('select', a);
    if (!el) return 'none';
    const options = [...el.options].filter((o) => !o.disabled);
    if (!options.length) return `${el.id}: no option`;
    const o = options[Math.floor(b * options.length)];
    el.value = o.value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return `${el.id || el.dataset.testid} = ${o.value}`;
  }, [PICK, rand(), rand()])],
  // scale_factor and size: odd numbers.
  [14, 'field', async (page) => {
    const id = pick(['scale_factor', 'size']);
    const text = pick(ODD_NUMBERS);
    return page.evaluate(([id, text]) => {
      const el = document.getElementById(id);
      if (!el || el.disabled) return `${id} disabled`;
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return `${id} = ${JSON.stringify(text)}`;
    }, [id, text]);
  }],
  // The checkboxes and buttons (antialias, every mode, language, copy, use this input).
  [8, 'click', async (page) => page.evaluate(([pickSrc, a]) => {
    const el = eval(pickSrc)('input[type=checkbox], button', a);
    if (!el) return 'none';
    el.click();
    return `click ${el.id || el.dataset.testid || el.textContent}`;
  }, [PICK, rand()])],
  // A paste of a random shape, then "Use this input".
  [8, 'paste', async (page) => {
    const text = pasteText();
    await page.locator('#paste').fill(text);
    // A pointer click where it can; the panel is sticky, and Playwright's wait for a
    // stable element can outlast a long page's scroll.
    const button = page.locator('#paste ~ button').first();
    await button.click({ timeout: 3000 }).catch(() => button.evaluate((b) => b.click()));
    return `paste ${text.length > 80 && !process.env.MONKEY_LOG ? `${text.slice(0, 80)}… (${text.length} chars)` : text}`;
  }],
  // An input cell edited in place.
  [6, 'cell edit', async (page) => page.evaluate(([pickSrc, a, text]) => {
    const el = eval(pickSrc)('[data-testid=input-grid] input', a);
    if (!el) return 'no cell';
    el.dispatchEvent(new Event('focus'));
    el.value = text;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return `${el.getAttribute('aria-label')} = ${JSON.stringify(text)}`;
  }, [PICK, rand(), pick(ODD_VALUES)])],
  // Hovers and clicks on the output grids, the diagrams, the strips and the input grid.
  [16, 'pointer', async (page) => {
    const target = pick(['[data-testid=heat-canvas]', 'svg.map', '[data-testid=strip] rect[data-out]',
      '[data-testid=strip-compare] rect', '[data-testid=input-grid] td', '[data-testid=heat-canvas-diff]']);
    const all = page.locator(target);
    const n = await all.count();
    if (!n) return `${target}: none`;
    const el = all.nth(int(0, n - 1));
    const [fx, fy] = [rand(), rand()];
    await el.scrollIntoViewIfNeeded({ timeout: 2000 });
    const box = await el.boundingBox();
    if (!box || !box.width || !box.height) return `${target}: hidden`;
    const [cx, cy] = [box.x + fx * box.width, box.y + fy * box.height];
    if (chance(0.5)) {
      await page.mouse.click(cx, cy);
      return `click ${target} at ${cx.toFixed(0)},${cy.toFixed(0)}`;
    }
    await page.mouse.move(cx, cy, { steps: int(1, 3) });
    return `hover ${target} at ${cx.toFixed(0)},${cy.toFixed(0)}`;
  }],
  // Keys on the output grid.
  [8, 'keys', async (page) => {
    const canvas = page.locator('[data-testid=output-grid] [data-testid=heat-canvas]');
    if (!(await canvas.count())) return 'no output grid';
    await canvas.focus();
    const keys = [];
    for (let k = int(1, 4); k > 0; k--) {
      const key = pick(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter', 'Escape', ' ', 'Tab', 'a']);
      keys.push(key);
      await page.keyboard.press(key);
    }
    return `keys ${keys.join(' ')}`;
  }],
  // The depth slider.
  [3, 'depth', async (page) => page.evaluate((a) => {
    const el = document.querySelector('[data-testid=depth-slice]');
    if (!el) return 'no depth slider';
    el.value = String(Math.floor(a * (Number(el.max) + 2)));
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return `depth = ${el.value}`;
  }, rand())],
  // A random URL, loaded.
  [2, 'url', async (page) => {
    const q = query();
    await page.goto(q);
    await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
    return `load ${q.length > 200 ? `${q.slice(0, 200)}…` : q}`;
  }],
  // A reload of the URL the app wrote, which must show the same view (when it is short
  // enough for a server to take).
  [1, 'reload', async (page) => {
    await page.waitForTimeout(300); // the URL is written 200 ms after the last change
    if (page.url().length > 8000) return 'URL too long to reload';
    const before = await page.locator('#input-title').textContent();
    await page.reload();
    await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });
    const after = await page.locator('#input-title').textContent();
    if (before !== after) throw new Error(`reload changed the input: ${before} → ${after}`);
    return 'reload';
  }],
  // Language and theme.
  [3, 'lang/theme', async (page) => {
    if (chance(0.5)) {
      await page.getByTestId('lang-toggle').click();
      return 'language toggled';
    }
    const theme = pick(['auto', 'light', 'dark']);
    await page.locator('#theme').selectOption(theme);
    return `theme = ${theme}`;
  }],
];
const TOTAL_WEIGHT = actions.reduce((a, [w]) => a + w, 0);
function nextAction() {
  let r = rand() * TOTAL_WEIGHT;
  for (const a of actions) {
    r -= a[0];
    if (r < 0) return a;
  }
  return actions[0];
}

/** The page's controls, header and URL agree (after the URL's 200 ms debounce). */
async function checkConsistency(page) {
  await page.waitForTimeout(350);
  return page.evaluate(() => {
    const q = new URLSearchParams(location.search);
    const problems = [];
    const mode = document.getElementById('mode')?.value;
    if (q.get('mode') !== mode) problems.push(`URL mode ${q.get('mode')} but the control says ${mode}`);
    const header = document.querySelector('#input-title .shape')?.textContent;
    const input = q.get('input');
    if (input) {
      const shape = `[${input.split(':')[0].split('x').join(', ')}]`;
      if (header !== shape) problems.push(`URL input shape ${shape} but the header says ${header}`);
    }
    const repr = document.querySelector('[data-testid=torch-repr]');
    const error = document.querySelector('[data-testid=torch-error]');
    // A quiz or a lesson question may hold the printout back; then the page says so.
    const held = document.querySelector('[data-testid=repr-hidden]:not([hidden])');
    if (!repr && !error && !held) problems.push('neither a printout, nor an error, nor a note that it is held back');
    return problems;
  });
}

// The title leaves the seed out: Playwright loads this file in two processes, and a random
// seed differs between them (the worker's is the one used and printed).
test(`monkey: ${ACTIONS} random actions`, async ({ page }) => {
  test.setTimeout(Math.max(240_000, ACTIONS * 400));
  console.log(`monkey: MONKEY_SEED=${SEED} MONKEY_ACTIONS=${ACTIONS}`);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.setDefaultTimeout(10_000);
  if (chance(0.5)) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(chance(0.5) ? '' : query());
  await page.locator('[data-app-ready]').waitFor({ timeout: 20_000 });

  const log = [];
  const counts = {};
  const slowest = [];
  const started = Date.now();
  for (let k = 0; k < ACTIONS; k++) {
    const [, name, act] = nextAction();
    let what;
    const t0 = Date.now();
    try {
      what = await within(act(page), 20_000, name);
    } catch (e) {
      what = `${name} failed: ${String(e.message).split('\n').filter((l) => l.trim()).slice(0, 6).join(' | ')}`;
      counts['failed to act'] = (counts['failed to act'] || 0) + 1;
      if (process.env.MONKEY_SHOTS) {
        await page.screenshot({ path: `${process.env.MONKEY_SHOTS}/monkey-${SEED}-${k}.png`, fullPage: true }).catch(() => {});
        console.log(await page.evaluate(() => JSON.stringify([...document.querySelectorAll('#paste ~ button')].map((b) => [b.getBoundingClientRect().toJSON(), getComputedStyle(b).visibility]))));
      }
      if (/did not answer|reload changed/.test(e.message)) errors.push(e.message);
    }
    counts[name] = (counts[name] || 0) + 1;
    try {
      await settle(page);
    } catch (e) {
      errors.push(e.message);
    }
    const ms = Date.now() - t0;
    log.push(`${k}: ${what} (${ms} ms)`);
    slowest.push([ms, log[log.length - 1]]);
    slowest.sort((a, b) => b[0] - a[0]).splice(3);
    const panicked = errors.length ? 0 : await page.locator('[data-testid=panic-notice]').count();
    let inconsistent = [];
    if (!errors.length && !panicked && (k % 100 === 99 || k === ACTIONS - 1)) inconsistent = await checkConsistency(page);
    if (errors.length || panicked || inconsistent.length) {
      const detail = [...errors, ...inconsistent, panicked ? 'the panic notice is shown' : ''].filter(Boolean);
      throw new Error(`monkey (MONKEY_SEED=${SEED}) after action ${k}:\n  ${detail.join('\n  ')}\n`
        + `last actions:\n  ${log.slice(-15).join('\n  ')}`);
    }
  }
  console.log(`monkey: ${ACTIONS} actions in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  if (process.env.MONKEY_LOG) writeFileSync(process.env.MONKEY_LOG, [...log, page.url()].join('\n'));
  console.log(`monkey: slowest actions:\n  ${slowest.map((s) => s[1]).join('\n  ')}`);
  expect(errors).toEqual([]);
});
