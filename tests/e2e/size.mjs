// Prints the gzip size of every file the first load fetches (index.html and what it names:
// CSS, icon, glue, wasm) and fails when the total exceeds the budget. Files the page loads
// only when first used (the lesson's texts, the picture mode's worker) are listed after it,
// and offline.html (the whole app in one file, for classrooms without a network;
// .ci/offline.mjs) is a download, never part of a visit: neither is counted.
// Usage: node tests/e2e/size.mjs dist
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const dir = process.argv[2] ?? 'dist';
const DOWNLOADS = ['offline.html'];
const all = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !DOWNLOADS.includes(f));
const index = readFileSync(join(dir, 'index.html'), 'utf8');
const named = (f) => f === 'index.html' || index.includes(`./${f}`) || index.includes(`"${f}"`);
const files = all.filter(named);
const later = all.filter((f) => !named(f));
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

let raw = 0, gz = 0;
console.log('file'.padEnd(48) + '    raw KB   gzip KB');
for (const f of files.sort()) {
  const bytes = readFileSync(join(dir, f));
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length; gz += g;
  console.log(f.padEnd(48) + kb(bytes.length) + '   ' + kb(g));
}
console.log('first load'.padEnd(48) + kb(raw) + '   ' + kb(gz) + `   (budget ${BUDGET_BYTES / 1024} KB gzip)`);
for (const f of later.sort()) {
  const bytes = readFileSync(join(dir, f));
  console.log(f.padEnd(48) + kb(bytes.length) + '   ' + kb(gzipSync(bytes, { level: 9 }).length) + '   (loaded when first used)');
}
for (const f of DOWNLOADS.filter((f) => existsSync(join(dir, f)))) {
  const bytes = readFileSync(join(dir, f));
  console.log(f.padEnd(48) + kb(bytes.length) + '   ' + kb(gzipSync(bytes, { level: 9 }).length) +
    '   (a download for offline use, not part of the first load)');
}
for (const ext of ['.wasm', '.js', '.css']) {
  if (!files.some((f) => extname(f) === ext)) { console.error(`no ${ext} file in ${dir}`); process.exit(1); }
}
if (gz > BUDGET_BYTES) { console.error('first-load size is over budget'); process.exit(1); }
