// Drives the interactive compare page over file:// in headless Chromium: opens it with a
// selection in the URL, ticks one more subject, reloads, and prints what the page showed as
// one JSON line. Usage: node compare-check.mjs PAGE_FILE
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const page = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const rows = async (p) => p.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
try {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requests = [];
  tab.on('request', (r) => requests.push(r.url()));
  await tab.goto(pathToFileURL(page).href + '#figure=expenditure-total&kind=budget&s=r:131003,r:131082');
  await tab.waitForSelector('#compare-table');
  const first = await rows(tab);
  await tab.check('#subject-131003-260');
  await tab.waitForFunction(() => document.querySelectorAll('#compare-table tbody tr').length === 3);
  const hash = await tab.evaluate(() => location.hash);
  await tab.reload();
  await tab.waitForSelector('#compare-table');
  const reloaded = await rows(tab);
  const checked = await tab.$$eval('input[type=checkbox]:checked', (bs) => bs.map((b) => b.value));
  await tab.selectOption('#compare-figure', 'three-public-total');
  await tab.waitForFunction(() => location.hash.includes('three-public-total'));
  const threePublic = await rows(tab);
  const offsite = requests.filter((u) => !u.startsWith('file:'));
  console.log(JSON.stringify({ first, hash, reloaded, checked, threePublic, errors, offsite }));
} finally {
  await browser.close();
}
