// End-to-end: `framework=` links against the real libraries (issue #13). Each link in
// framework-links.json opens the page on a fixture's input (tests/golden/frameworks.json),
// with a PyTorch call whose counterpart in the library (with the card's options changed as
// the link says) is the fixture's call; the card's printout (`framework-repr`) must show
// the output the real library wrote, to the printout's precision. tests/framework_links.rs
// checks the same links natively, to the character.
import { test, expect } from '@playwright/test';
import { open } from './open.js';
import { readFileSync } from 'node:fs';

const json = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const { links } = json('./framework-links.json');
const cases = new Map(json('../golden/frameworks.json').cases.map((c) => [c.id, c]));

/** The link's query, as tests/framework_links.rs builds it. */
function query(link, c) {
  const input = `${c.input.shape.join('x')}:${c.input.data.map((v) => String(Math.fround(v))).join(',')}`;
  let q = `?input=${input}&${link.call}&framework=${link.framework}`;
  if (link.framework_args) q += `&framework_args=${link.framework_args}`;
  return q + '&lang=en';
}

/** Every number a printout shows, with the half-unit of its last printed digit. */
function printed(text) {
  const body = text.replace(/^tensor\(/, '');
  return [...body.matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g)].map(([t]) => {
    const [mantissa, exponent = '0'] = t.split('e');
    const decimals = (mantissa.split('.')[1] || '').length;
    return { value: Number(t), half: 0.5 * 10 ** (-decimals + Number(exponent)) };
  });
}

for (const link of links) {
  test(`${link.framework} link prints the library's output: ${link.id}`, async ({ page }) => {
    const c = cases.get(link.id);
    expect(c, `fixture ${link.id}`).toBeTruthy();
    const problems = await open(page, query(link, c));
    const repr = page.getByTestId('framework-repr');
    await expect(repr).toBeVisible({ timeout: 20_000 });
    await expect(page.locator(`#elsewhere article.focus[data-framework="${link.framework}"]`)).toBeInViewport();
    const numbers = printed(await repr.textContent());
    const expected = c.expected.data;
    expect(numbers.length, 'one printed number per output element').toBe(expected.length);
    numbers.forEach(({ value, half }, i) => {
      // JAX is reproduced within the parity tolerance, so its last digit may differ by one.
      const slack = link.framework === 'jax' ? 2.01 * half : 1.0001 * half;
      expect(Math.abs(value - expected[i]), `element ${i}: printed ${value}, the library wrote ${expected[i]}`)
        .toBeLessThanOrEqual(slack + 1e-12);
    });
    expect(problems).toEqual([]);
  });
}
