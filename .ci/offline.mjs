// Writes offline.html: the whole app in one file that works when opened from disk
// (file://), with no server and no network, for classrooms without a reliable network.
//
// A Trunk post_build hook (Trunk.toml) runs it on release builds. It lives in .ci/ with the
// other build scripts: it is part of the build, not a test, and not an asset of the page.
//
// Opened from disk, a page has the origin "null", so browsers refuse what index.html loads:
// the module script and the wasm (CORS) and the CSS (its integrity check). offline.html
// carries them inside itself instead: the CSS in a <style>, the wasm-bindgen glue in an
// inline <script type="module">, the wasm as base64 handed to the glue's init as bytes, the
// favicon as a data: URI. Preload links and integrity attributes go (nothing is fetched).
// index.html is left as Trunk wrote it.
//
// Usage: node .ci/offline.mjs [DIR]   DIR: the built (or staged) dist; Trunk passes
// TRUNK_STAGING_DIR. Under Trunk, debug builds are skipped (TRUNK_PROFILE=debug) so that
// `trunk serve` stays fast.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE === 'debug') process.exit(0);

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const fail = (msg) => { console.error(`offline.mjs: ${msg}`); process.exit(1); };

/** Reads a file that index.html references by a relative URL ("./x-HASH.css"). */
function asset(href) {
  const path = join(dir, decodeURI(href.replace(/^\.\//, '')));
  if (href.includes('//') || href.startsWith('/') || !existsSync(path)) fail(`cannot inline ${href}`);
  return readFileSync(path);
}

/** `text` as the content of a <script> or <style> element, where an end tag or a comment
 *  opener would end it early; none occurs in the glue or the CSS today, so refuse, not escape. */
function rawText(text, tag, what) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) fail(`${what} contains </${tag} or <!--`);
  return text;
}

/** An attribute's value, quoted or not (Trunk's `minify` drops the quotes). */
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s">]+))`));
  return m && (m[1] ?? m[2]);
};

if (!existsSync(join(dir, 'index.html'))) fail(`no index.html in ${dir}`);
let html = readFileSync(join(dir, 'index.html'), 'utf8');

// Trunk's loader: `import init, * as bindings from './x.js'; const wasm = await init({ module_or_path: './x_bg.wasm' });`
const loader = html.match(/<script type="?module"?[^>]*>\s*import init(?:, \* as bindings)? from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/);
if (!loader) fail("no Trunk loader script (import init … module_or_path) in index.html");
const [loaderTag, jsHref, wasmHref] = loader;

const glue = asset(jsHref).toString('utf8');
if (/^\s*import\s/m.test(glue)) fail(`${jsHref} imports other files (wasm-bindgen snippets); inline them too`);
const init = glue.match(/export\s*\{[^}]*?\b(\w+)\s+as\s+default\b[^}]*\}/)?.[1] ?? glue.match(/export\s+default\s+(\w+)\s*;/)?.[1];
if (!init) fail(`no default export (the init function) in ${jsHref}`);
const wasmBase64 = asset(wasmHref).toString('base64');

// An inline module may keep the glue's `export`s; nothing imports them. The glue's own
// top-level names (`wasm`, …) share the scope, so the loader's name is one it does not use.
const inlineLoader = `<script type="module">
${rawText(glue, 'script', jsHref)}
const offlineWasm = await ${init}({ module_or_path: Uint8Array.from(atob("${wasmBase64}"), (c) => c.charCodeAt(0)) });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: offlineWasm } }));
</script>`;
html = html.replace(loaderTag, () => inlineLoader);

html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const rel = attr(tag, 'rel');
  const href = attr(tag, 'href');
  if (rel === 'modulepreload' || rel === 'preload') return '';
  if (rel === 'stylesheet') return `<style>\n${rawText(asset(href).toString('utf8'), 'style', href)}\n</style>`;
  if (rel === 'icon') {
    const type = attr(tag, 'type') ?? (href.endsWith('.svg') ? 'image/svg+xml' : 'image/png');
    return `<link rel="icon" type="${type}" href="data:${type};base64,${asset(href).toString('base64')}">`;
  }
  return tag;
});

// What the page fetches when first used travels inside too: the lesson's texts.
const lessonTexts = join(dir, 'lesson-texts.json');
if (!existsSync(lessonTexts)) fail('no lesson-texts.json to inline');
html = html.replace('</body>', () =>
  `<script type="application/json" id="lesson-texts">${rawText(readFileSync(lessonTexts, 'utf8'), 'script', 'lesson-texts.json')}</script>\n</body>`);

// The charts' worker too: a page opened from disk may not start a worker from a file, but
// may from a blob: URL, which the app makes of this script's text (src/ui/plots.rs).
const workerJs = join(dir, 'plots-worker.js');
const workerWasm = join(dir, 'plots-worker_bg.wasm');
if (!existsSync(workerJs) || !existsSync(workerWasm)) fail('no plots-worker.js and plots-worker_bg.wasm to inline');
const workerSource = `${readFileSync(workerJs, 'utf8')}
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${readFileSync(workerWasm).toString('base64')}"), (c) => c.charCodeAt(0)) });`;
html = html.replace('</body>', () =>
  `<script type="text/plain" id="plots-worker-src">${rawText(workerSource, 'script', 'plots-worker.js')}</script>\n</body>`);

// Marks the page for index.html's start-up script: opened from disk, this one works.
html = html.replace(/<html\b/, '<html data-offline');

const left = html.match(/\s(?:src|href)="?\.\/[^"\s>]*|\sintegrity=/);
if (left) fail(`offline.html still refers to a file or checks integrity: ${left[0].trim()}`);
if (!html.includes('data-offline')) fail('no <html> element to mark');

writeFileSync(join(dir, 'offline.html'), html);
console.log(`offline.mjs: wrote ${join(dir, 'offline.html')} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
