/* Touming search: runs the site's exported Lucene index in the browser, with no server.
   The query is cut exactly as org.touming.search.QueryPlan cuts it and scored with Lucene's BM25
   in 32-bit floats, so the ranking is IndexSearcher's. Index files are scripts that call
   toumingSearch.m/t/d when loaded: no fetch, so the site also works opened from disk. */
(function (global) {
  'use strict';
  var S = global.toumingSearch || (global.toumingSearch = {});
  var fround = Math.fround;
  var HAN = /\p{Script=Han}/u;
  var FIELDS = ['title', 'text', 'bigrams'];
  var meta = null;
  var termChunks = {};
  var docChunks = {};
  var loading = {};

  function bytes(base64) {
    var s = global.atob(base64);
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  /* A reader of unsigned LEB128 varints. */
  function Reader(data, at) { this.data = data; this.at = at || 0; }
  Reader.prototype.v = function () {
    var value = 0, shift = 0, b;
    do { b = this.data[this.at++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return value;
  };

  S.m = function (m) {
    var K1 = fround(m.k1), B = fround(m.b);
    m.stats = FIELDS.map(function (f) {
      var docCount = m.fields[f][0], sum = m.fields[f][1];
      var avgdl = fround(sum / docCount);
      var cache = new Float64Array(256);
      for (var i = 0; i < 256; i++) {
        var part = fround(fround(B * fround(m.lengths[i])) / avgdl);
        cache[i] = fround(1 / fround(K1 * fround(fround(1 - B) + part)));
      }
      return { docCount: docCount, cache: cache };
    });
    // A document's id is its page's first id plus its slot in the page: each page spans its
    // greatest slot plus one ids, some of which no document has.
    var r = new Reader(bytes(m.pages)), p, d;
    m.pageBase = new Int32Array(m.pageCount + 1);
    m.docPage = new Int32Array(m.docs);
    for (p = 0; p < m.pageCount; p++) {
      m.pageBase[p + 1] = m.pageBase[p] + r.v();
      for (d = m.pageBase[p]; d < m.pageBase[p + 1]; d++) m.docPage[d] = p;
    }
    // Filter values come per run of pages with the same.
    var start = 0;
    r = new Reader(bytes(m.groups));
    m.g = { start: [], region: [], department: [], year: [], kind: [] };
    for (var g = 0; g < m.groupCount; g++) {
      start += r.v();
      m.g.start.push(start); m.g.region.push(r.v()); m.g.department.push(r.v());
      m.g.year.push(r.v()); m.g.kind.push(r.v());
    }
    m.pageGroup = new Int32Array(m.pageCount);
    for (g = 0; g < m.groupCount; g++) {
      var end = g + 1 < m.groupCount ? m.g.start[g + 1] : m.pageCount;
      for (p = m.g.start[g]; p < end; p++) m.pageGroup[p] = g;
    }
    m.termChunks = m.termChunks ? m.termChunks.split(' ') : [];
    meta = m;
  };

  S.t = function (name, terms, data) {
    var list = terms ? terms.split(' ') : [];
    var buf = bytes(data), r = new Reader(buf), index = new Map();
    for (var i = 0; i < list.length; i++) {
      var mask = buf[r.at++], at = [-1, -1, -1];
      for (var f = 0; f < 3; f++) {
        if (!(mask & (1 << f))) continue;
        at[f] = r.at;
        for (var df = r.v(); df > 0; df--) {
          var code = r.v();
          if (!(code & 1)) r.v();
          if (!(code & 2)) r.v();
          r.at++;
        }
      }
      index.set(list[i], at);
    }
    termChunks[name] = { data: buf, index: index };
  };

  S.d = function (name, docs) { docChunks[name] = docs; };

  /* The chunk file that holds a document, and the document's place in it: neighbours in one of
     the page's slot lists share a chunk (IndexExport.chunk). */
  function docChunk(id) {
    var p = meta.docPage[id], slot = id - meta.pageBase[p];
    var list = slot % meta.lists, index = Math.floor(slot / meta.lists);
    var k = Math.floor(index / meta.docsPerChunk) * meta.lists + list;
    return { name: p + '-' + k, at: index % meta.docsPerChunk };
  }

  /* Where the index files are, relative to the page; set by the page or a test. */
  S.base = '';

  /* Loads one index file once; a test replaces this to read files from disk. */
  S.load = S.load || function (path) {
    return new Promise(function (resolve, reject) {
      var el = global.document.createElement('script');
      el.src = S.base + path;
      el.onload = resolve;
      el.onerror = function () { el.remove(); reject(new Error(path)); };
      global.document.head.appendChild(el);
    });
  };

  function need(path, ready) {
    if (ready()) return Promise.resolve();
    if (!loading[path]) {
      loading[path] = S.load(path).catch(function (e) { delete loading[path]; throw e; });
    }
    return loading[path];
  }

  function ensureMeta() { return need('meta.js', function () { return meta !== null; }); }

  /* Code point order, as Lucene sorts terms: a surrogate pair comes after U+E000-U+FFFF. */
  function cmp(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      if (x >= 0xd800 && y >= 0xd800) {
        var xs = x <= 0xdfff, ys = y <= 0xdfff;
        if (xs !== ys) return xs ? 1 : -1;
      }
      return x - y;
    }
    return a.length - b.length;
  }

  /* The last term chunk whose first term is at most key (0 when none is). */
  function chunkOf(starts, key) {
    var lo = 0, hi = starts.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cmp(starts[mid], key) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /* A term chunk's file: the hexadecimal first code point of its first term, and its place among
     the chunks whose first terms begin with it (so an edit renames few files). */
  function chunkName(starts, n) {
    var first = function (s) { return s.length ? s.codePointAt(0) : 0; };
    var cp = first(starts[n]), j = n;
    while (j > 0 && first(starts[j - 1]) === cp) j--;
    return cp.toString(16) + '-' + (n - j);
  }

  function loadTermChunk(n) {
    var name = chunkName(meta.termChunks, n);
    return need('t/' + name + '.js', function () { return !!termChunks[name]; });
  }

  function fold(c) {
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) c -= 0xfee0;
    return c >= 65 && c <= 90 ? c + 32 : c;
  }

  function kindOf(c) {
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return 'alnum';
    return HAN.test(String.fromCodePoint(c)) ? 'han' : 'other';
  }

  /* Maximal runs of Han characters or ASCII letters and digits, folded (Grams.runs). */
  function runs(text) {
    var out = [], current = 'other', chars = [];
    for (var ch of text) {
      var c = fold(ch.codePointAt(0)), k = kindOf(c);
      if (k !== current && chars.length) { out.push({ kind: current, chars: chars }); chars = []; }
      current = k;
      if (k !== 'other') chars.push(String.fromCodePoint(c));
    }
    if (chars.length) out.push({ kind: current, chars: chars });
    return out;
  }

  function truncate(q) {
    var cps = Array.from(q);
    return cps.length > meta.maxQuery ? cps.slice(0, meta.maxQuery).join('') : q;
  }

  /* The term chunks a query needs: those that would hold each substring it may look up. */
  function chunksFor(q) {
    var set = new Set(), starts = meta.termChunks;
    if (!starts.length) return [];
    runs(truncate(q)).forEach(function (run) {
      var c = run.chars;
      if (run.kind === 'alnum' || c.length === 1) { set.add(chunkOf(starts, c.join(''))); return; }
      for (var i = 0; i + 1 < c.length; i++) {
        for (var l = 2; l <= meta.maxWord && i + l <= c.length; l++) set.add(chunkOf(starts, c.slice(i, i + l).join('')));
      }
    });
    return Array.from(set).sort(function (a, b) { return a - b; });
  }

  /* A term's chunk data and where its postings start per field (-1 where absent), if it exists. */
  function entry(term) {
    var chunk = termChunks[chunkName(meta.termChunks, chunkOf(meta.termChunks, term))];
    var at = chunk && chunk.index.get(term);
    return at && { data: chunk.data, at: at };
  }

  function isWord(w) {
    var e = entry(w);
    return !!e && (e.at[0] >= 0 || e.at[1] >= 0);
  }

  /* QueryPlan.of: bigrams that must match; words that rank in the title and in the text. */
  function plan(q) {
    var grams = [], title = [], text = [];
    function add(list, t) { if (list.indexOf(t) < 0) list.push(t); }
    runs(truncate(q)).forEach(function (run) {
      var c = run.chars, i;
      if (run.kind === 'alnum') { add(grams, c.join('')); add(title, c.join('')); return; }
      if (c.length === 1) { add(title, c[0]); add(text, c[0]); return; }
      for (i = 0; i + 1 < c.length; i++) add(grams, c[i] + c[i + 1]);
      for (i = 0; i < c.length;) {
        var length = Math.min(meta.maxWord, c.length - i);
        while (length > 1 && !isWord(c.slice(i, i + length).join(''))) length--;
        if (length > 1) {
          add(title, c.slice(i, i + length).join(''));
          if (length > 2) add(text, c.slice(i, i + length).join(''));
        }
        i += length;
      }
    });
    return { grams: grams, title: title, text: text };
  }

  /* One term clause, scored as Lucene's BM25Similarity does, float for float: idf, then
     weight - weight / (1 + freq / norm) for each posting: a code (bit 0: frequency one; bit 1:
     the previous posting's page, the rest the slot gap less one, else the page gap less one),
     the frequency unless one, the slot on a new page, and the norm byte (TermChunks.add). */
  function clause(term, field, boost, sums, hits) {
    var e = entry(term);
    if (!e || e.at[field] < 0) return false;
    var stats = meta.stats[field], r = new Reader(e.data, e.at[field]), df = r.v();
    var page = -1, slot = 0;
    var idf = fround(Math.log(1 + (stats.docCount - df + 0.5) / (df + 0.5)));
    var weight = fround(boost * idf);
    for (var i = 0; i < df; i++) {
      var code = r.v(), gap = Math.floor(code / 4) + 1;
      if (code & 2) slot += gap; else page += gap;
      var freq = code & 1 ? 1 : r.v();
      if (!(code & 2)) slot = r.v();
      var doc = meta.pageBase[page] + slot;
      var norm = e.data[r.at++];
      sums[doc] += fround(weight - fround(weight / fround(1 + fround(freq * stats.cache[norm]))));
      hits[doc]++;
    }
    return true;
  }

  function rank(p) {
    var n = meta.docs, must = new Float64Array(n), mustHits = new Uint16Array(n);
    var should = new Float64Array(n), shouldHits = new Uint16Array(n), matched = [], doc;
    for (var i = 0; i < p.grams.length; i++) {
      if (!clause(p.grams[i], 2, 1, must, mustHits)) return [];
    }
    p.title.forEach(function (w) { clause(w, 0, fround(meta.titleBoost), should, shouldHits); });
    p.text.forEach(function (w) { clause(w, 1, 1, should, shouldHits); });
    for (doc = 0; doc < n; doc++) {
      if (p.grams.length ? mustHits[doc] === p.grams.length : shouldHits[doc] > 0) {
        var score = p.grams.length
          ? fround(fround(must[doc]) + (shouldHits[doc] ? fround(should[doc]) : 0))
          : fround(should[doc]);
        matched.push({ doc: doc, score: score });
      }
    }
    matched.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return matched;
  }

  /* Filter values of a document: region index, department index + 1, year, kind (0 for none). */
  S.facets = function (doc) {
    var g = meta.pageGroup[meta.docPage[doc]];
    return { region: meta.g.region[g], department: meta.g.department[g], year: meta.g.year[g], kind: meta.g.kind[g] };
  };

  S.meta = function () { return meta; };

  /* A document's page number and slot, as the export numbers it. */
  S.place = function (doc) {
    var p = meta.docPage[doc];
    return p + ':' + (doc - meta.pageBase[p]);
  };
  S.cmp = cmp;

  /* Resolves to {plan, hits: [{doc, score}], total} ranked as Lucene ranks them. */
  S.search = function (q) {
    return ensureMeta().then(function () {
      return Promise.all(chunksFor(q).map(loadTermChunk));
    }).then(function () {
      var p = plan(q);
      var hits = p.grams.length || p.title.length || p.text.length ? rank(p) : [];
      return { plan: p, hits: hits, total: hits.length };
    });
  };

  /* Resolves to the stored [url, title, text] of each document id. */
  S.docs = function (ids) {
    return ensureMeta().then(function () {
      var chunks = new Set(ids.map(function (id) { return docChunk(id).name; }));
      return Promise.all(Array.from(chunks).map(function (name) {
        return need('d/' + name + '.js', function () { return !!docChunks[name]; });
      }));
    }).then(function () {
      return ids.map(function (id) {
        var c = docChunk(id);
        var d = docChunks[c.name][c.at];
        return { url: d[0], title: d[1], text: d[2] };
      });
    });
  };

  S.fold = function (text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += String.fromCharCode(fold(text.charCodeAt(i)));
    return out;
  };

  if (global.document) global.document.addEventListener('DOMContentLoaded', function () { ui(global.document); });

  function ui(doc) {
    var app = doc.getElementById('search-app');
    if (!app) return;
    S.base = app.dataset.index || '';
    var root = app.dataset.root || '';
    var input = doc.getElementById('search-q');
    var form = doc.getElementById('search-form');
    var status = doc.getElementById('search-status');
    var list = doc.getElementById('search-results');
    var filtersBox = doc.getElementById('search-filters');
    var moreBox = doc.getElementById('search-more');
    var label = function (key, values) {
      return (app.dataset['label' + key] || '').replace(/\{(\w+)\}/g, function (_, k) { return values && k in values ? values[k] : ''; });
    };
    var state = { q: '', result: null, filters: {}, shown: 0, seq: 0 };
    var timer = 0;

    function el(name, attrs, text) {
      var e = doc.createElement(name);
      Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) e.textContent = text;
      return e;
    }

    function run(q, push) {
      var seq = ++state.seq;
      state.q = q;
      state.filters = {};
      if (push !== false) {
        try { global.history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : '?'); } catch (e) { /* file: URLs may refuse */ }
      }
      if (!q.trim()) { state.result = null; render(); return; }
      status.textContent = label('Loading');
      S.search(q).then(function (result) {
        if (seq !== state.seq) return;
        state.result = result;
        render();
      }).catch(function (e) {
        if (seq === state.seq) status.textContent = label('Error', { f: e && e.message });
      });
    }

    function visible() {
      var f = state.filters;
      return state.result.hits.filter(function (h) { return passes(S.facets(h.doc), f, null); });
    }

    function passes(v, f, except) {
      return Object.keys(f).every(function (k) { return k === except || v[k] === f[k]; });
    }

    function render() {
      list.textContent = '';
      filtersBox.textContent = '';
      moreBox.textContent = '';
      state.shown = 0;
      if (!state.result) { status.textContent = ''; return; }
      var hits = visible();
      if (!hits.length) {
        status.textContent = '';
        status.appendChild(el('p', { 'class': 'search-none' }, label('None', { q: state.q })));
        status.appendChild(el('p', {}, label('NoneHint')));
        if (Object.keys(state.filters).length) status.appendChild(clearButton());
      } else {
        status.textContent = label('Count', { n: hits.length.toLocaleString('zh-CN') });
      }
      renderFilters();
      more(hits);
    }

    function clearButton() {
      var b = el('button', { type: 'button', 'class': 'search-clear' }, label('Clear'));
      b.addEventListener('click', function () { state.filters = {}; render(); });
      return b;
    }

    function renderFilters() {
      var m = S.meta(), hits = state.result.hits;
      if (!hits.length) return;
      var groups = [
        ['region', label('Region'), function (v) { return m.regions[v][1]; }],
        ['department', label('Department'), function (v) { return v ? m.departments[v - 1][2] : null; }],
        ['year', label('Year'), function (v) { return v ? String(v) : null; }],
        ['kind', label('Kind'), function (v) { return v ? m.kinds[v - 1] : null; }]
      ];
      filtersBox.appendChild(el('h2', { 'class': 'visually-hidden' }, label('Filters')));
      groups.forEach(function (g) {
        var key = g[0], counts = new Map();
        hits.forEach(function (h) {
          var v = S.facets(h.doc);
          if (passes(v, state.filters, key) && g[2](v[key]) !== null) counts.set(v[key], (counts.get(v[key]) || 0) + 1);
        });
        if (counts.size < 2 && !(key in state.filters)) return;
        var values = Array.from(counts.keys()).sort(function (a, b) {
          return key === 'year' ? b - a : counts.get(b) - counts.get(a) || a - b;
        }).slice(0, 12);
        var set = el('fieldset', { 'class': 'search-filter' });
        set.appendChild(el('legend', {}, g[1]));
        var options = [[null, '全部']].concat(values.map(function (v) { return [v, g[2](v) + ' (' + counts.get(v) + ')']; }));
        options.forEach(function (o, i) {
          var id = 'f-' + key + '-' + i;
          var radio = el('input', { type: 'radio', name: 'f-' + key, id: id });
          radio.checked = o[0] === null ? !(key in state.filters) : state.filters[key] === o[0];
          radio.addEventListener('change', function () {
            if (o[0] === null) delete state.filters[key]; else state.filters[key] = o[0];
            render();
            var again = doc.getElementById(id);
            if (again) again.focus();
          });
          var line = el('div');
          line.appendChild(radio);
          line.appendChild(el('label', { 'for': id }, o[1]));
          set.appendChild(line);
        });
        filtersBox.appendChild(set);
      });
      if (Object.keys(state.filters).length) filtersBox.appendChild(clearButton());
    }

    function more(hits) {
      var page = hits.slice(state.shown, state.shown + 10), seq = state.seq;
      state.shown += page.length;
      moreBox.textContent = '';
      if (!page.length) return;
      S.docs(page.map(function (h) { return h.doc; })).then(function (docs) {
        if (seq !== state.seq) return;
        var terms = highlights(state.result.plan, state.q);
        docs.forEach(function (d, i) { list.appendChild(item(d, page[i].doc, terms)); });
        if (state.shown < hits.length) {
          var b = el('button', { type: 'button' }, label('More'));
          b.addEventListener('click', function () {
            var next = list.children.length;
            more(hits);
            setTimeout(function () { var a = list.querySelectorAll('a')[next]; if (a) a.focus(); }, 50);
          });
          moreBox.appendChild(b);
        }
      }).catch(function (e) { status.textContent = label('Error', { f: e && e.message }); });
    }

    function item(d, id, terms) {
      var m = S.meta(), v = S.facets(id), li = el('li');
      var a = el('a', { href: root + d.url });
      mark(a, d.title, terms);
      li.appendChild(a);
      var p = el('p', { 'class': 'snippet' });
      mark(p, snippet(d.text, terms), terms);
      li.appendChild(p);
      var where = [m.regions[v.region][1]];
      if (v.year) where.push(v.year + '年' + (v.kind ? m.kinds[v.kind - 1] : ''));
      li.appendChild(el('p', { 'class': 'where' }, where.join(' · ')));
      return li;
    }

    function highlights(p, q) {
      var out = p.title.concat(p.text);
      runs(q).forEach(function (r) { out.push(r.chars.join('')); });
      return out.filter(function (t, i) { return out.indexOf(t) === i; }).sort(function (a, b) { return b.length - a.length; });
    }

    function snippet(text, terms) {
      var folded = S.fold(text), first = -1;
      terms.forEach(function (t) {
        var at = folded.indexOf(t);
        if (at >= 0 && (first < 0 || at < first)) first = at;
      });
      var start = Math.max(0, first - 30), end = Math.min(text.length, start + 140);
      return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
    }

    /* Appends text to parent with each term occurrence in a <mark>; text only, never markup. */
    function mark(parent, text, terms) {
      var folded = S.fold(text), i = 0, plain = 0;
      while (i < text.length) {
        var hit = '';
        for (var k = 0; k < terms.length && !hit; k++) if (terms[k] && folded.startsWith(terms[k], i)) hit = terms[k];
        if (!hit) { i++; continue; }
        if (i > plain) parent.appendChild(doc.createTextNode(text.slice(plain, i)));
        parent.appendChild(el('mark', {}, text.slice(i, i + hit.length)));
        i += hit.length;
        plain = i;
      }
      if (plain < text.length) parent.appendChild(doc.createTextNode(text.slice(plain)));
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run(input.value);
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 150);
    });
    doc.addEventListener('keydown', function (e) {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var at = links.indexOf(doc.activeElement);
      if (e.key === 'ArrowDown' && (doc.activeElement === input || at >= 0) && links.length) {
        e.preventDefault();
        links[Math.min(links.length - 1, at + 1)].focus();
      } else if (e.key === 'ArrowUp' && at >= 0) {
        e.preventDefault();
        if (at === 0) input.focus(); else links[at - 1].focus();
      } else if (e.key === 'Escape' && (at >= 0 || doc.activeElement === input)) {
        if (doc.activeElement === input) input.value = ''; else input.focus();
      } else if ((e.key === '/' || (e.key === 'k' && (e.ctrlKey || e.metaKey))) && doc.activeElement !== input) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
    var q = new URLSearchParams(global.location.search).get('q') || '';
    input.value = q;
    if (q) run(q, false);
  }
})(typeof window !== 'undefined' ? window : globalThis);
