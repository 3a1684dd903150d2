import { chromium } from '@playwright/test';
const [url, out, w, h, sel] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w || 1400, height: +h || 1000 } });
p.on('console', m => { if (m.type() === 'error') console.log('console', m.text()); });
p.on('pageerror', e => console.log('pageerror', e.message));
await p.goto(url);
await p.locator('[data-app-ready]').waitFor();
if (sel) { await p.locator(sel).scrollIntoViewIfNeeded(); await p.waitForTimeout(1500); await p.locator(sel).screenshot({ path: out }); }
else { await p.waitForTimeout(800); await p.screenshot({ path: out }); }
await b.close();
