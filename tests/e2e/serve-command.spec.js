// The README's first command, run as a user runs it: `bash .ci/serve` in a fresh copy of the
// tree (no target/, no node_modules, nothing an earlier step left behind), on a free port.
// It must build, serve, answer with the app, reload on a change, and work with --release too.
// Only the compiled crates are shared (CARGO_TARGET_DIR points at this checkout's target/),
// so the copy's own target/ never exists, which is the state that broke `trunk serve`.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, appendFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/interpolate.json')));
const nearestRepr = golden.cases.find((c) => c.id === 'seed-nearest').expected.repr;
const QUERY = '?preset=seed&mode=nearest&scale_factor=2';
const BUILD_TIMEOUT = 15 * 60_000;

/** Copies the files git knows of (tracked, or new and not ignored) into a fresh folder. */
function cleanCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'upsample-serve-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter((f) => f && existsSync(join(ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(dir, f));
  }
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `bash .ci/serve ARGS` in `dir` as its own process group; collects its output. */
function startServe(dir, args) {
  // The user's PATH: without this checkout's npm tools, so the copy must install its own.
  const PATH = process.env.PATH.split(':').filter((p) => !p.includes('node_modules')).join(':');
  const child = spawn('bash', ['.ci/serve', ...args], {
    cwd: dir,
    detached: true,
    env: { ...process.env, PATH, CARGO_TARGET_DIR: join(ROOT, 'target') },
  });
  const run = { child, output: '', exited: null };
  child.stdout.on('data', (d) => (run.output += d));
  child.stderr.on('data', (d) => (run.output += d));
  child.on('exit', (code, signal) => (run.exited = `exit ${code ?? signal}`));
  return run;
}

async function stopServe(run) {
  if (run.exited) return;
  const done = new Promise((resolve) => run.child.once('exit', resolve));
  try { process.kill(-run.child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const timer = setTimeout(() => { try { process.kill(-run.child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
  await done;
  clearTimeout(timer);
}

/** Waits until the server answers `/` with the app's page, or fails with the command's output. */
async function waitForPage(run, origin) {
  const deadline = Date.now() + BUILD_TIMEOUT;
  while (Date.now() < deadline) {
    if (run.exited) throw new Error(`.ci/serve stopped (${run.exited}) before serving:\n${run.output.slice(-4000)}`);
    try {
      const res = await fetch(origin + '/');
      if (res.ok && (await res.text()).includes('.wasm')) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`.ci/serve did not serve the app within ${BUILD_TIMEOUT / 60_000} minutes:\n${run.output.slice(-4000)}`);
}

/** Opens the served app, asserting it starts with no error and prints PyTorch's output. */
async function checkApp(page, origin) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(origin + '/' + QUERY);
  await page.locator('[data-app-ready]').waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('torch-repr')).toHaveText(nearestRepr, { useInnerText: true });
  expect(problems).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

let copy;
test.beforeAll(() => { copy = cleanCopy(); });
test.afterAll(() => { if (copy) rmSync(copy, { recursive: true, force: true }); });

test('`bash .ci/serve --port N` on a fresh copy serves the app and reloads on a change', async ({ page }) => {
  test.setTimeout(BUILD_TIMEOUT + 5 * 60_000);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const run = startServe(copy, ['--port', String(port)]);
  try {
    await waitForPage(run, origin);
    expect(run.output).toContain(`serving on ${origin}/`);
    await checkApp(page, origin);

    // Live reload: a change to a watched file rebuilds, and the open page reloads itself.
    const reloaded = page.waitForEvent('load', { timeout: 5 * 60_000 });
    appendFileSync(join(copy, 'www/style.css'), '\n/* live-reload probe */\n');
    await reloaded;
    await page.locator('[data-app-ready]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('torch-repr')).toHaveText(nearestRepr, { useInnerText: true });
  } finally {
    await stopServe(run);
  }
});

test('`bash .ci/serve --release --port=N` on the same copy serves the release build', async ({ page }) => {
  test.setTimeout(BUILD_TIMEOUT + 60_000);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const run = startServe(copy, ['--release', `--port=${port}`]);
  try {
    await waitForPage(run, origin);
    expect(run.output).toContain(`serving on ${origin}/`);
    await checkApp(page, origin);
  } finally {
    await stopServe(run);
  }
});
