// Runs the theme's search.js in Node on a built site's exported index, for the parity and
// recall tests: node search-node.mjs <site> <queries.json> <out.json> [limit]
// Each query gives its top `limit` documents (all matches when limit is 0), each as its page
// number and slot (S.place), their URLs as the document chunks give them, and the total.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const [site, queriesFile, outFile, limitArg] = process.argv.slice(2);
const limit = Number(limitArg ?? 10);
globalThis.toumingSearch = {
  load: (path) => {
    vm.runInThisContext(readFileSync(join(site, 'search', path), 'utf8'), { filename: path });
    return Promise.resolve();
  },
};
vm.runInThisContext(readFileSync(join(site, 'assets', 'search.js'), 'utf8'), { filename: 'search.js' });
const S = globalThis.toumingSearch;
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const out = [];
for (const q of queries) {
  const r = await S.search(q);
  const hits = limit ? r.hits.slice(0, limit) : r.hits;
  const docs = hits.map((h) => h.doc);
  // What a result shows comes from the document chunks: each id's URL, for the test to match.
  const urls = (await S.docs(docs)).map((d) => d.url);
  const places = docs.map((d) => S.place(d));
  out.push({ q, total: r.total, places, scores: hits.map((h) => h.score), urls });
}
writeFileSync(outFile, JSON.stringify(out));
