// Benchmark (not a test): what an `align_corners` change costs, in headless Chromium on the
// release bundle, for each scene. Prints, per scene, median and p90 in ms of:
//   work     the renderer's main thread busy from the change until the frame showing it is
//            painted (script, style, layout, paint, commit; from a trace), with its parts.
//            A change whose work fits in 16 ms can be shown in the next frame of a 60 Hz
//            display. The budgets apply to this and to the random-point latency below.
//   latency  change → next painted frame, the change made at a random point of the frame
//            interval (as a person's input arrives), and again just after a frame was
//            painted (the worst point for a light page: it must wait a whole interval for
//            the next frame while the page is still producing frames, e.g. during the
//            sample points' transition from the previous change).
//   idle     the latencies again with the toggles 800 ms apart, so each change meets a page
//            whose animations have ended (a person toggling and looking).
//   charts   change → the frame after the two SVG charts, drawn just after the first
//            frame, are done.
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
  ['default scene, 4×4 → 8×8, all views', '?preset=seed&mode=bilinear&scale_factor=2', 16],
  ['large scene, 32×32 → 64×64, all views', `?input=1x1x32x32:${ramp32}&mode=bilinear&scale_factor=2`, 50],
  // The floor of the measurement itself: a page with nothing but the select.
  ['bare page (a lone <select>, for reference)', null, null],
];

/// Runs `runs` toggles in the page, `gap` ms apart (30: the previous toggle's transition
/// is still running; 800: it has ended and the page is idle); `phase` is 'random' or
/// 'after-frame'. Returns, per toggle,
/// the latency to the first painted frame and to the frame after the charts (if any).
/// Marks `t0`/`t1` around each toggle for the trace.
function toggles(page, runs, phase, gap = 30) {
  return page.evaluate(async ({ runs, phase, gap }) => {
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel(); ch.port1.onmessage = resolve; ch.port2.postMessage(0);
    }));
    const frame = await new Promise((resolve) => requestAnimationFrame((a) => requestAnimationFrame((b) => resolve(b - a))));
    const interval = frame > 4 && frame < 50 ? frame : 1000 / 60;
    const select = document.getElementById('align_corners');
    const chart = document.querySelector('.profile');
    const chartDrawn = (before) => new Promise((resolve) => {
      const poll = () => (chart.getAttribute('data-drawn') !== before ? resolve() : setTimeout(poll, 0));
      poll();
    });
    const first = [];
    const charts = [];
    for (let i = 0; i < runs + 3; i++) {
      await new Promise((r) => setTimeout(r, gap));
      await nextPaint();
      if (phase === 'random') {
        const until = performance.now() + Math.random() * interval;
        while (performance.now() < until) { /* place the change at a random point of the frame */ }
      }
      const before = chart?.getAttribute('data-drawn');
      const warm = i < 3;
      const t0 = performance.now();
      if (!warm) performance.mark('t0');
      select.value = select.value === 'true' ? 'false' : 'true';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await nextPaint();
      if (!warm) performance.mark('t1');
      const t1 = performance.now();
      if (chart) { await chartDrawn(before); await nextPaint(); }
      if (!warm) { first.push(t1 - t0); charts.push(performance.now() - t0); }
    }
    return { first, charts: chart ? charts : null };
  }, { runs, phase, gap });
}

/// Length of the union of [ts, ts + dur) intervals, clipped to [lo, hi).
function covered(events, lo, hi) {
  const spans = events.map((e) => [Math.max(lo, e.ts), Math.min(hi, e.ts + e.dur)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0, end = -Infinity;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total / 1000;
}

/// Main-thread work per toggle, from a trace of `toggles`: busy time between each `t0` and
/// `t1` mark, and its style, layout and paint (prepaint, paint, layerize, commit) parts.
function work(trace) {
  const ev = trace.traceEvents;
  const marks = (name) => ev.filter((e) => e.name === name && e.ph !== 'M').sort((a, b) => a.ts - b.ts);
  const [t0s, t1s] = [marks('t0'), marks('t1')];
  if (!t0s.length) return null;
  const { pid, tid } = t0s[0];
  const main = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur);
  const of = (names) => main.filter((e) => names.includes(e.name));
  const tasks = of(['RunTask', 'ThreadControllerImpl::RunTask']);
  const style = of(['UpdateLayoutTree']);
  const layout = of(['Layout']);
  const paint = of(['PrePaint', 'Paint', 'Layerize', 'Commit']);
  const out = { busy: [], style: [], layout: [], paint: [] };
  t0s.forEach((t0, i) => {
    const [lo, hi] = [t0.ts, t1s[i].ts];
    out.busy.push(covered(tasks, lo, hi));
    out.style.push(covered(style, lo, hi));
    out.layout.push(covered(layout, lo, hi));
    out.paint.push(covered(paint, lo, hi));
  });
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const f = (x) => x.toFixed(1);
try {
  for (const [name, query, budget] of scenes) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    if (query) {
      await page.goto(`http://127.0.0.1:${PORT}/upsample-explainer/${query}`);
      await page.locator('[data-app-ready]').waitFor();
      // The charts' worker starts when they are first seen: show them once, then go back up.
      await page.locator('section.plots').scrollIntoViewIfNeeded();
      await page.locator('.profile[data-drawn]').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
    } else {
      await page.setContent('<select id="align_corners"><option>true</option><option>false</option></select>');
    }
    await page.waitForTimeout(300);
    // Warm-up, not counted: the browser compiles the module's hot functions again with its
    // optimising compiler in the background during the first changes.
    await toggles(page, 30, 'random');
    const random = await toggles(page, RUNS, 'random');
    const after = await toggles(page, RUNS, 'after-frame');
    const IDLE_RUNS = Math.ceil(RUNS / 3);
    const idle = await toggles(page, IDLE_RUNS, 'random', 800);
    const idleAfter = await toggles(page, IDLE_RUNS, 'after-frame', 800);
    await browser.startTracing(page, { categories: (process.env.CATS ?? 'toplevel,blink.user_timing,devtools.timeline').split(',') });
    await toggles(page, RUNS, 'random');
    const w = work(JSON.parse((await browser.stopTracing()).toString()));
    // The budget holds when both the work and the latency (at a random point of the frame,
    // as input arrives) have medians under it.
    const met = q(w.busy, 0.5) < budget && q(random.first, 0.5) < budget;
    const verdict = budget ? `  budget ${budget} ms: ${met ? 'met' : 'NOT met'} (work and random-point latency medians)` : '';
    console.log(`${name}:`);
    console.log(`  work:    median_ms: ${f(q(w.busy, 0.5))}  p90_ms: ${f(q(w.busy, 0.9))}  [style ${f(q(w.style, 0.5))}, layout ${f(q(w.layout, 0.5))}, paint and commit ${f(q(w.paint, 0.5))}; the rest is script]`);
    console.log(`  latency: median_ms: ${f(q(random.first, 0.5))}  p90_ms: ${f(q(random.first, 0.9))}  (change at a random point of the frame)`
      + `  |  median_ms: ${f(q(after.first, 0.5))}  p90_ms: ${f(q(after.first, 0.9))}  (change just after a frame)`);
    console.log(`  idle:    median_ms: ${f(q(idle.first, 0.5))}  p90_ms: ${f(q(idle.first, 0.9))}  (latency, change at a random point)`
      + `  |  median_ms: ${f(q(idleAfter.first, 0.5))}  p90_ms: ${f(q(idleAfter.first, 0.9))}  (just after a frame; ${IDLE_RUNS} toggles 800 ms apart)`);
    if (random.charts) console.log(`  charts:  median_ms: ${f(q(random.charts, 0.5))}  p90_ms: ${f(q(random.charts, 0.9))}  (change → frame after the charts are drawn)`);
    if (verdict) console.log(verdict);
    await page.close();
  }
  console.log(`(${RUNS} align_corners toggles per figure, 1400×1000 viewport)`);
} finally {
  await browser.close();
  server.kill();
}
