// Minifies the wasm-bindgen glue (the app's one JavaScript file) and updates its integrity
// hash in index.html: Trunk's own JS minifier fails on the glue's `export default`, and the
// unminified glue was about 2 KB of the 300 KB gzip first-load budget.
//
// A Trunk post_build hook (Trunk.toml), before offline.mjs; release builds only.
// Usage: node .ci/minify-glue.mjs [DIR]   DIR: Trunk's TRUNK_STAGING_DIR, or dist.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.TRUNK_PROFILE === 'debug') process.exit(0);

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const fail = (msg) => { console.error(`minify-glue.mjs: ${msg}`); process.exit(1); };
// terser is installed with the other npm build tools in tests/e2e (README).
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../tests/e2e/package.json'));
const { minify } = require('terser');

const indexPath = join(dir, 'index.html');
if (!existsSync(indexPath)) fail(`no index.html in ${dir}`);
let html = readFileSync(indexPath, 'utf8');
const href = html.match(/import init(?:, \* as bindings)? from '\.\/([^']+\.js)'/)?.[1];
if (!href) fail('no Trunk loader script in index.html');
const path = join(dir, href);
const glue = readFileSync(path, 'utf8');
const out = await minify(glue, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
if (!out.code) fail(`terser returned nothing for ${href}`);
writeFileSync(path, out.code);

const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');
const before = sri(glue);
if (!html.includes(before)) fail(`index.html has no integrity ${before} for ${href}`);
html = html.replaceAll(before, sri(out.code));
writeFileSync(indexPath, html);
console.log(`minify-glue.mjs: ${href} ${(glue.length / 1024).toFixed(1)} KB -> ${(out.code.length / 1024).toFixed(1)} KB`);
