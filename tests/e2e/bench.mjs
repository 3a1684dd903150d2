// Benchmark (not a test): time from a control change to the finished repaint, in headless
// Chromium on the release bundle. Prints one line per scene with the median and p90 in ms
// of two figures: the first repaint (diagrams, grids, ledger, code and printout) and the
// repaint after the plotters charts, which are drawn just after that frame, are done.
// Usage (after `trunk build --release`): node tests/e2e/bench.mjs [runs]
// `bash .ci/bench` builds and runs it with the tools on PATH.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.argv[2] ?? 60);
const PORT = 4174;
const here = fileURLToPath(new URL('.', import.meta.url));
const server = spawn('node', ['serve.mjs', '../../dist', String(PORT), '/upsample-explainer/'], { cwd: here });
await new Promise((r) => server.stdout.once('data', r));

const ramp32 = Array.from({ length: 32 * 32 }, (_, k) => ((k * 37) % 101) / 10).join(',');
const scenes = [
  ['default scene, 4×4 → 8×8, all views', '?preset=seed&mode=bilinear&scale_factor=2'],
  ['large scene, 32×32 → 64×64, all views', `?input=1x1x32x32:${ramp32}&mode=bilinear&scale_factor=2`],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const [name, query] of scenes) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`http://127.0.0.1:${PORT}/upsample-explainer/${query}`);
    await page.locator('[data-app-ready]').waitFor();
    const times = await page.evaluate(async (runs) => {
      // "Finished repaint": the next frame after the change has been produced, i.e. a
      // requestAnimationFrame callback followed by a task (the standard next-paint probe).
      const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
        const ch = new MessageChannel(); ch.port1.onmessage = resolve; ch.port2.postMessage(0);
      }));
      const select = document.getElementById('align_corners');
      const chart = document.querySelector('canvas.profile');
      const chartDrawn = (before) => new Promise((resolve) => {
        const poll = () => (chart.getAttribute('data-drawn') !== before ? resolve() : setTimeout(poll, 0));
        poll();
      });
      const first = [];
      const all = [];
      for (let i = 0; i < runs; i++) {
        await new Promise((r) => setTimeout(r, 30));
        await nextPaint();
        const before = chart.getAttribute('data-drawn');
        const t0 = performance.now();
        select.value = select.value === 'true' ? 'false' : 'true';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await nextPaint();
        first.push(performance.now() - t0);
        await chartDrawn(before);
        await nextPaint();
        all.push(performance.now() - t0);
      }
      return { first, all };
    }, RUNS);
    const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
    console.log(`${name}: median_ms: ${q(times.first, 0.5)}  p90_ms: ${q(times.first, 0.9)}`
      + `  | with charts: median_ms: ${q(times.all, 0.5)}  p90_ms: ${q(times.all, 0.9)}  (${RUNS} align_corners toggles)`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
