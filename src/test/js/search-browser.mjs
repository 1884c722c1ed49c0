// The search page in headless Chromium over file://: opens search/index.html?q=..., records what
// the page shows (results, count, marks, filters, keyboard focus, requests), then runs every query
// through the page's own search code. Usage: node search-browser.mjs <site> <queries.json> <out.json> [limit]
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [site, queriesFile, outFile, limitArg] = process.argv.slice(2);
const limit = Number(limitArg ?? 10);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const tab = await (await browser.newContext()).newPage();
  const errors = [];
  const requests = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  tab.on('request', (r) => requests.push(r.url()));
  const page = pathToFileURL(join(site, 'search', 'index.html')).href;
  // The UI is driven with the first query that finds something in Node-free terms: the page decides.
  const probe = queries.find((q) => /\p{Script=Han}{2}/u.test(q)) ?? queries[0];
  await tab.goto(page + '?q=' + encodeURIComponent(probe));
  await tab.waitForFunction(() => {
    const s = document.getElementById('search-status');
    return s && s.textContent && !s.textContent.includes('…');
  });
  await tab.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0 || document.querySelector('.search-none'));
  const ui = await tab.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    links: Array.from(document.querySelectorAll('#search-results li > a')).map((a) => a.getAttribute('href')),
    marks: document.querySelectorAll('#search-results mark').length,
    snippets: Array.from(document.querySelectorAll('#search-results .snippet')).map((p) => p.textContent),
    filters: Array.from(document.querySelectorAll('#search-filters legend')).map((l) => l.textContent),
    input: document.getElementById('search-q').value,
  }));
  ui.query = probe;
  // Keyboard: ↓ from the box reaches the first result, ↓ again the second, Esc returns to the box.
  await tab.focus('#search-q');
  await tab.keyboard.press('ArrowDown');
  ui.focus1 = await tab.evaluate(() => document.activeElement.getAttribute('href'));
  await tab.keyboard.press('ArrowDown');
  ui.focus2 = await tab.evaluate(() => document.activeElement.getAttribute('href'));
  await tab.keyboard.press('Escape');
  ui.focusBack = await tab.evaluate(() => document.activeElement.id);
  // A filter narrows the results to its count.
  const radio = await tab.$('#search-filters fieldset:nth-of-type(1) div:nth-of-type(2) input');
  if (radio) {
    ui.filterLabel = await tab.evaluate((r) => r.labels[0].textContent, radio);
    await radio.click();
    ui.filteredStatus = await tab.evaluate(() => document.getElementById('search-status').textContent);
  }
  // Typing a query that finds nothing shows the message and updates the address.
  await tab.fill('#search-q', '鲸鱼潜艇飞碟');
  await tab.waitForSelector('.search-none');
  ui.none = await tab.evaluate(() => document.getElementById('search-status').textContent);
  ui.location = await tab.evaluate(() => location.search);
  ui.requests = requests.length;
  ui.offsite = requests.filter((u) => !u.startsWith('file:'));
  const results = [];
  for (const q of queries) {
    const r = await tab.evaluate(async ([q, limit]) => {
      const r = await toumingSearch.search(q);
      const hits = limit ? r.hits.slice(0, limit) : r.hits;
      return { q, total: r.total, places: hits.map((h) => toumingSearch.place(h.doc)) };
    }, [q, limit]);
    results.push(r);
  }
  ui.errors = errors;
  writeFileSync(outFile, JSON.stringify({ ui, results }));
} finally {
  await browser.close();
}
