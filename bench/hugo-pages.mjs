// Writes a built Touming site's disclosures as a Hugo site: one Markdown page per disclosure with
// its narrative and every table (from data/disclosures/*.json), a minimal theme, and a config.
// With --same-outputs, the site also asks Hugo for what Touming's pages alone write beside the
// disclosure pages: a page per department and per region listing its disclosures (taxonomies),
// each disclosure's data as JSON (an output format of the page) and its source YAML (a resource of
// the page's bundle, linked from it, so that Hugo publishes it).
// Usage: node bench/hugo-pages.mjs BUILT_SITE HUGO_DIR [--same-outputs]
import { readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, hugo, mode] = process.argv.slice(2);
const same = mode === '--same-outputs';
mkdirSync(join(hugo, 'content', 'disclosures'), { recursive: true });
mkdirSync(join(hugo, 'layouts', '_default'), { recursive: true });
// timeout is Hugo's guard against loops in shortcodes (there are none here); its default, 30 s,
// fires on a 10,000-page site once memory runs short, which would measure the guard, not the build.
const config = same
  ? 'disableKinds = ["RSS"]\n[taxonomies]\ndepartment = "departments"\nregion = "regions"\n[outputs]\npage = ["HTML", "JSON"]\n'
  : 'disableKinds = ["taxonomy", "term", "RSS"]\n';
writeFileSync(join(hugo, 'hugo.toml'), `baseURL = "/"\nlanguageCode = "zh-CN"\ntitle = "bench"\ntimeout = "30m"\n${config}[markup.goldmark.renderer]\nunsafe = false\n`);
writeFileSync(join(hugo, 'layouts', '_default', 'baseof.html'), '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n');
const downloads = '<ul>{{ range .Resources }}<li><a href="{{ .RelPermalink }}">{{ .Name }}</a></li>{{ end }}{{ with .OutputFormats.Get "json" }}<li><a href="{{ .RelPermalink }}">JSON</a></li>{{ end }}</ul>';
writeFileSync(join(hugo, 'layouts', '_default', 'single.html'), `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}${same ? downloads : ''}{{ end }}\n`);
writeFileSync(join(hugo, 'layouts', '_default', 'list.html'), '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n');
if (same) writeFileSync(join(hugo, 'layouts', '_default', 'single.json'), '{{ .Params.data | jsonify }}\n');

const cell = (v) => String(v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const scalar = (v) => v === null || typeof v !== 'object';

/* Arrays of objects become tables (nested arrays become their own tables); objects become key/value tables. */
function tables(name, value, out) {
  if (Array.isArray(value)) {
    const rows = value.filter((r) => r && typeof r === 'object');
    if (!rows.length) return;
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => scalar(r[k]) || (r[k] && 'amount' in r[k]))))];
    out.push(`\n### ${name}\n\n| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${cols.map((c) => cell(scalar(r[c]) ? r[c] : r[c]?.amount)).join(' | ')} |`);
    for (const r of rows) for (const [k, v] of Object.entries(r)) if (!scalar(v) && !('amount' in v)) tables(`${name} · ${r.name ?? ''} · ${k}`, v, out);
  } else if (value && typeof value === 'object') {
    const flat = Object.entries(value).filter(([, v]) => scalar(v) || 'amount' in v);
    if (flat.length) {
      out.push(`\n### ${name}\n\n| 项目 | 数值 |\n|---|---|`);
      for (const [k, v] of flat) out.push(`| ${k} | ${cell(scalar(v) ? v : v.amount)} |`);
    }
    for (const [k, v] of Object.entries(value)) if (!scalar(v) && !('amount' in v)) tables(`${name} · ${k}`, v, out);
  }
}

let n = 0;
const dir = join(site, 'data', 'disclosures');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const d = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const title = d.disclosure.title || `${d.department.name}${d.disclosure.year}年${d.disclosure.kind}`;
  const name = file.replace(/\.json$/, '');
  const front = same
    ? `${JSON.stringify({ title, departments: [`${d.region.code}-${d.department.code}`], regions: [d.region.code], data: d })}\n`
    : `---\ntitle: ${JSON.stringify(title)}\n---\n`;
  const out = [front];
  for (const [key, text] of Object.entries(d.narrative || {})) out.push(`\n## ${key}\n\n${text}\n`);
  const { provenance, ...figures } = d.disclosure;
  tables('数据', figures, out);
  if (same) {
    const bundle = join(hugo, 'content', 'disclosures', name);
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'index.md'), out.join('\n') + '\n');
    copyFileSync(join(dir, `${name}.yml`), join(bundle, `${name}.yml`));
  } else {
    writeFileSync(join(hugo, 'content', 'disclosures', `${name}.md`), out.join('\n') + '\n');
  }
  n++;
}
console.log(`${n} pages`);
