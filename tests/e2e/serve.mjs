// Serves a built `dist/` under a sub-path, as GitHub Pages serves a project site
// (https://USER.github.io/upsample-explainer/). Anything outside the sub-path is a 404,
// so an asset URL that forgets the sub-path fails the end-to-end tests.
// Usage: node serve.mjs DIST PORT [BASE]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';

const [dist = '../../dist', port = '4173', base = '/upsample-explainer/'] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.json': 'application/json', '.woff2': 'font/woff2',
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith(base)) { res.writeHead(404).end('outside ' + base); return; }
  let rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
  if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
  try {
    const body = await readFile(join(dist, rel));
    res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dist} at http://127.0.0.1:${port}${base}`));
