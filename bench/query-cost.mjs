// Bytes and requests of a search, Touming against Pagefind, on one built site served over local
// http (no compression, so bytes are the files' own). Each query runs in a fresh browser context
// (cold cache); then one further query runs in the same page. Prints JSON.
// Usage: node bench/query-cost.mjs SITE_DIR
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { createRequire } from 'node:module';

const site = process.argv[2];
const QUERIES = ['三公经费', '公务接待费', '政府采购', '机关运行经费', '培训', '绩效目标', '办公设备',
  '专项资金', '会议费', '人员经费', '信息化建设', '维修', '公务用车', '项目支出', '2019年'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

await mkdir(join(site, '_bench'), { recursive: true });
await writeFile(join(site, '_bench', 'pagefind.html'), `<!DOCTYPE html><meta charset="utf-8"><title>pagefind</title>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
window.run = async (q) => {
  const r = await pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return { total: r.results.length, shown: data.length };
};
window.ready = true;
</script>`);

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    const body = await readFile(join(site, path.endsWith('/') ? path + 'index.html' : path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

function meter(page, counts) {
  const log = [];
  page.on('response', async (r) => {
    const url = new URL(r.url()).pathname;
    if (!counts(url)) return;
    const entry = { url, bytes: 0 };
    log.push(entry);
    try { entry.bytes = (await r.body()).length; } catch { /* redirects have no body */ }
  });
  return {
    since(mark) {
      const part = log.slice(mark);
      return { requests: part.length, bytes: part.reduce((n, e) => n + e.bytes, 0) };
    },
    get mark() { return log.length; },
  };
}

const settle = (page) => page.waitForLoadState('networkidle');

async function touming(q, next) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const m = meter(page, (u) => u === '/assets/search.js' || u.startsWith('/search/') && !u.endsWith('.html'));
  const start = Date.now();
  await page.goto(`${base}/search/index.html?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('#search-results li, .search-none');
  const ms = Date.now() - start;
  await settle(page);
  const cold = { ...m.since(0), ms };
  const shown = await page.locator('#search-results li').count();
  const mark = m.mark;
  const before = await page.textContent('#search-status');
  await page.fill('#search-q', next);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((b) => document.getElementById('search-status').textContent !== b && !document.getElementById('search-status').textContent.includes('…'), before);
  await page.waitForSelector('#search-results li, .search-none');
  await settle(page);
  const result = { q, cold, next: m.since(mark), shown };
  await context.close();
  return result;
}

async function pagefind(q, next) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const m = meter(page, (u) => u.startsWith('/pagefind/'));
  await page.goto(`${base}/_bench/pagefind.html`);
  await page.waitForFunction(() => window.ready === true);
  const start = Date.now();
  const r = await page.evaluate((q) => window.run(q), q);
  const ms = Date.now() - start;
  await settle(page);
  const cold = { ...m.since(0), ms };
  const mark = m.mark;
  await page.evaluate((q) => window.run(q), next);
  await settle(page);
  const result = { q, cold, next: m.since(mark), shown: r.shown };
  await context.close();
  return result;
}

const out = { version: '', touming: [], pagefind: [] };
try {
  out.version = JSON.parse(await readFile(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')).version;
  for (let i = 0; i < QUERIES.length; i++) {
    const next = QUERIES[(i + 1) % QUERIES.length];
    out.touming.push(await touming(QUERIES[i], next));
    out.pagefind.push(await pagefind(QUERIES[i], next));
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
