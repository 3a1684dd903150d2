// Diagnostic (not a test): one align_corners toggle in a scene, traced; prints where the
// time goes (script, style, layout, paint) and the heaviest script functions.
// Usage (after `trunk build --release`): node tests/e2e/profile.mjs '<query>'
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const query = process.argv[2] ?? '?preset=seed&mode=bilinear&scale_factor=2';
const PORT = 4175;
const here = fileURLToPath(new URL('.', import.meta.url));
const server = spawn('node', ['serve.mjs', process.env.DIST || '../../dist', String(PORT), '/upsample-explainer/'], { cwd: here });
await new Promise((r) => server.stdout.once('data', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`http://127.0.0.1:${PORT}/upsample-explainer/${query}`);
  await page.locator('[data-app-ready]').waitFor();
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(async () => {
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel(); ch.port1.onmessage = resolve; ch.port2.postMessage(0);
    }));
    await nextPaint();
    const t0 = performance.now();
    const select = document.getElementById('align_corners');
    select.value = select.value === 'true' ? 'false' : 'true';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await nextPaint();
    return performance.now() - t0;
  });
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString());
  console.log(`toggle to repaint: ${ms.toFixed(1)} ms`);
  const byName = {};
  for (const e of trace.traceEvents) {
    if (e.ph === 'X' && e.dur && ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RecalculateStyles', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'HitTest', 'ParseHTML', 'UpdateLayerTree'].includes(e.name)) {
      byName[e.name] = (byName[e.name] || 0) + e.dur / 1000;
    }
  }
  console.log('trace totals (ms, nested events overlap):', Object.entries(byName).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
  const self = {};
  const dt = profile.timeDeltas; const idToNode = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = idToNode.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self[k] = (self[k] || 0) + (dt[i] || 0) / 1000; });
  console.log('top self time (ms):');
  for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(1)}  ${k}`);
  // With WHO=<function name>: the call chains its self time came from.
  if (process.env.WHO) {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const chains = {};
    profile.samples.forEach((id, i) => {
      if (idToNode.get(id).callFrame.functionName !== process.env.WHO) return;
      const names = [];
      for (let p = parent.get(id); p !== undefined && names.length < 6; p = parent.get(p)) names.push(idToNode.get(p).callFrame.functionName.slice(0, 90));
      const k = names.join(' < ');
      chains[k] = (chains[k] || 0) + (dt[i] || 0) / 1000;
    });
    console.log(`callers of ${process.env.WHO}:`);
    for (const [k, v] of Object.entries(chains).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${v.toFixed(1)}  ${k}`);
  }
} finally {
  await browser.close();
  server.kill();
}
