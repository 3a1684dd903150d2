// Benchmark (not a test): the image mode's speed target (issue #12), in headless Chromium on
// the release bundle. A 512×512 RGB PNG (made in the page, opaque) is opened through the
// file input with `mode=bilinear&scale_factor=2`; then `align_corners` is toggled RUNS
// times, each change waiting for the last to be drawn and then GAP ms. Prints median and p90
// in ms of:
//   change → painted  the change until the frame after the new output is drawn
//   worker            the worker's own time for the request (`ms` of its reply: the call,
//                     the pixels and the reply), and its parts (`parts` of its reply)
//   to worker / back  the page posting the request after the change, and the reply's
//                     arrival after the worker posted it (clock of the page and the worker
//                     share their time origin's epoch, so `performance.timeOrigin` is used)
//   queued            the request posted until the worker starts on it
//   drawn             the page's handler of the reply (drawing the output on its canvas)
//   painted           the handler done until the next frame is painted
// and every main-thread task over 50 ms (PerformanceObserver 'longtask') during the toggles.
// Usage (after `trunk build --release`): node tests/e2e/bench-pictures.mjs [runs] [gap_ms] [warm]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rgbPng512 } from './picture-png.js';

const RUNS = Number(process.argv[2] ?? 30);
const GAP = Number(process.argv[3] ?? 100);
// Changes not counted first (the browser compiles the module's hot functions again with its
// optimising compiler in the background during the first calls).
const WARM = Number(process.argv[4] ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const here = fileURLToPath(new URL('.', import.meta.url));
const server = spawn('node', ['serve.mjs', '../../dist', String(PORT), '/upsample-explainer/'], { cwd: here });
await new Promise((r) => server.stdout.once('data', r));

// Records, in the page, when a request is posted to a worker and when each reply arrives
// and has been handled (the panel sets `onmessage`).
const instrument = () => {
  const Native = window.Worker;
  window.__pic = { posted: [], arrived: [], handled: [], sent: [], parts: [] };
  window.Worker = class extends Native {
    // Only the image mode's worker (its requests carry `round_trip`), not the charts' worker.
    postMessage(...a) {
      if (a[0] && 'round_trip' in a[0]) { this.picture = true; window.__pic.posted.push(performance.now()); }
      return super.postMessage(...a);
    }
    set onmessage(f) {
      super.onmessage = (e) => {
        if (!this.picture) { f(e); return; }
        const t = performance.now();
        window.__pic.arrived.push(t);
        const sent = e.data && e.data.sent_at;
        window.__pic.sent.push(typeof sent === 'number' ? sent - performance.timeOrigin : NaN);
        window.__pic.parts.push(e.data && e.data.parts);
        f(e);
        window.__pic.handled.push(performance.now() - t);
      };
    }
    get onmessage() { return super.onmessage; }
  };
};

const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const q = (xs, p) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(instrument);
  await page.goto(`http://127.0.0.1:${PORT}/upsample-explainer/?image=grid&mode=bilinear&scale_factor=2&align_corners=false`);
  const mode = page.locator('#picture-mode');
  const replies = async (n) => {
    await page.waitForFunction((n) => {
      const r = document.getElementById('picture-mode');
      return r && Number(r.dataset.replies) >= n && r.getAttribute('aria-busy') === 'false';
    }, n, { timeout: 60_000 });
  };
  await replies(1);
  await page.getByTestId('image-file').setInputFiles(await rgbPng512(page));
  await replies(2);
  const summary = await page.getByTestId('image-summary').textContent();
  if (!summary.includes('(1, 3, 512, 512) → (1, 3, 1024, 1024)')) throw new Error(`unexpected summary: ${summary}`);
  await mode.scrollIntoViewIfNeeded();
  const figures = await page.evaluate(async ({ runs, gap, warm }) => {
    const root = document.getElementById('picture-mode');
    const select = document.getElementById('align_corners');
    const longTasks = [];
    const observer = new PerformanceObserver((l) => longTasks.push(...l.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel(); ch.port1.onmessage = resolve; ch.port2.postMessage(0);
    }));
    const out = { total: [], toWorker: [], queued: [], worker: [], back: [], handled: [], painted: [], parts: [] };
    for (let i = 0; i < runs + warm; i++) {
      await new Promise((r) => setTimeout(r, gap));
      const p = window.__pic;
      const [np, na] = [p.posted.length, p.arrived.length];
      const before = root.dataset.replies;
      const t0 = performance.now();
      select.value = select.value === 'true' ? 'false' : 'true';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => {
        const o = new MutationObserver(() => {
          if (root.dataset.replies !== before && root.getAttribute('aria-busy') === 'false') { o.disconnect(); resolve(); }
        });
        o.observe(root, { attributes: true });
      });
      await nextPaint();
      const t1 = performance.now();
      if (i < warm) { longTasks.length = 0; continue; }
      out.total.push(t1 - t0);
      out.toWorker.push(p.posted[np] - t0);
      out.worker.push(Number(root.dataset.workerMs));
      out.queued.push(p.sent[na] - Number(root.dataset.workerMs) - p.posted[np]);
      out.back.push(p.arrived[na] - p.sent[na]);
      out.painted.push(t1 - (p.arrived[na] + p.handled[na]));
      out.handled.push(p.handled[na]);
      out.parts.push(p.parts[na] || null);
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { ...out, longTasks };
  }, { runs: RUNS, gap: GAP, warm: WARM });
  const line = (name, xs, note = '') => console.log(`  ${name.padEnd(18)} median_ms: ${f(q(xs, 0.5)).padStart(6)}  p90_ms: ${f(q(xs, 0.9)).padStart(6)}${note}`);
  console.log('512×512 RGB, mode=bilinear, scale_factor=2 → 1×3×1024×1024: align_corners change');
  line('change → painted', figures.total, '  (target: median under 50 ms)');
  line('to worker', figures.toWorker, '  (change → request posted)');
  line('queued', figures.queued, '  (request posted → the worker starts on it)');
  line('worker', figures.worker, '  (its reply\'s ms)');
  const parts = figures.parts.filter(Boolean);
  if (parts.length) {
    for (const k of Object.keys(parts[0])) line(`  ${k}`, parts.map((x) => x[k]));
  }
  line('back', figures.back, '  (worker posted → reply arrived on the page)');
  line('drawn', figures.handled, '  (the page\'s handler of the reply)');
  line('painted', figures.painted, '  (handler done → the next frame is painted)');
  const longest = Math.max(0, ...figures.longTasks);
  console.log(`  main-thread tasks over 50 ms: ${figures.longTasks.length} (longest ${f(longest)} ms)  (target: none)`);
  const met = q(figures.total, 0.5) < 50 && figures.longTasks.length === 0;
  console.log(`  first changes counted, in ms: ${figures.total.slice(0, 6).map(f).join(', ')}`);
  console.log(`  target ${met ? 'met' : 'NOT met'} (${RUNS} changes ${GAP} ms apart after ${WARM} uncounted)`);
} finally {
  await browser.close();
  server.kill();
}
