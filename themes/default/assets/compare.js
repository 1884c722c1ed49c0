/* Touming: compare any departments or regions on one figure. Plain JavaScript, no framework.
   Reads window.TOUMING_COMPARE (compare/interactive/data.js); the selection lives in the URL
   hash (#figure=…&kind=…&s=id,id), so it can be shared and survives a reload, also from disk.
   All text goes in through textContent: author text never becomes markup. */
(function () {
  'use strict';
  var data = window.TOUMING_COMPARE;
  var app = document.getElementById('compare-app');
  if (!data || !app) { return; }
  var SVG = 'http://www.w3.org/2000/svg';
  var COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
  var label = function (name) { return app.getAttribute('data-label-' + name) || name; };
  var byId = {};
  data.subjects.forEach(function (s) { byId[s.id] = s; });

  function readState() {
    var state = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var i = pair.indexOf('=');
      if (i > 0) { state[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1)); }
    });
    var figure = data.figures.some(function (f) { return f.key === state.figure; }) ? state.figure : data.figures[0].key;
    var kind = data.kinds.some(function (k) { return k.key === state.kind; }) ? state.kind : (data.kinds[0] || {}).key;
    var chosen = (state.s ? state.s.split(',') : []).filter(function (id) { return byId[id]; });
    if (!state.s) {
      chosen = data.subjects.filter(function (s) { return s.type === 'region'; }).slice(0, 2).map(function (s) { return s.id; });
    }
    return { figure: figure, kind: kind, chosen: chosen };
  }

  var state = readState();

  function writeState() {
    var hash = '#figure=' + encodeURIComponent(state.figure) + '&kind=' + encodeURIComponent(state.kind) +
      '&s=' + state.chosen.map(encodeURIComponent).join(',');
    if (location.hash !== hash) { location.replace(hash); }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function group(v) {
    var parts = String(v).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return parts.join('.');
  }

  function select(name, options, value, onChange) {
    var wrap = el('label', { 'class': 'control' }, label(name) + ' ');
    var s = el('select', { id: 'compare-' + name });
    options.forEach(function (o) {
      var opt = el('option', { value: o.key }, o.label);
      if (o.key === value) { opt.selected = true; }
      s.appendChild(opt);
    });
    s.addEventListener('change', function () { onChange(s.value); });
    wrap.appendChild(s);
    return wrap;
  }

  var controls = el('div', { 'class': 'compare-controls' });
  var output = el('div', { 'class': 'compare-output', 'aria-live': 'polite' });
  app.appendChild(controls);
  app.appendChild(output);

  function buildControls() {
    controls.textContent = '';
    controls.appendChild(select('figure', data.figures, state.figure, function (v) { state.figure = v; update(); }));
    controls.appendChild(select('kind', data.kinds, state.kind, function (v) { state.kind = v; update(); }));
    var filter = el('input', { type: 'search', id: 'compare-filter', 'aria-label': label('filter'), placeholder: label('filter') });
    controls.appendChild(filter);
    var fieldset = el('fieldset', { 'class': 'compare-subjects' });
    fieldset.appendChild(el('legend', {}, label('subjects')));
    data.subjects.forEach(function (s) {
      var id = 'subject-' + s.id.replace(':', '-');
      var row = el('div', { 'class': 'subject ' + s.type, 'data-name': s.name });
      var box = el('input', { type: 'checkbox', id: id, value: s.id });
      box.checked = state.chosen.indexOf(s.id) >= 0;
      box.addEventListener('change', function () {
        state.chosen = state.chosen.filter(function (x) { return x !== s.id; });
        if (box.checked) { state.chosen.push(s.id); }
        update();
      });
      row.appendChild(box);
      row.appendChild(el('label', { 'for': id }, s.name));
      fieldset.appendChild(row);
    });
    filter.addEventListener('input', function () {
      var q = filter.value.trim();
      Array.prototype.forEach.call(fieldset.querySelectorAll('.subject'), function (row) {
        row.hidden = q !== '' && row.getAttribute('data-name').indexOf(q) < 0;
      });
    });
    controls.appendChild(fieldset);
  }

  function seriesOf(id) {
    var values = byId[id].values[state.kind] || {};
    return values[state.figure] || [];
  }

  function render() {
    output.textContent = '';
    var figure = data.figures.filter(function (f) { return f.key === state.figure; })[0];
    var kind = data.kinds.filter(function (k) { return k.key === state.kind; })[0];
    var chosen = state.chosen.filter(function (id) { return seriesOf(id).length > 0; });
    if (chosen.length === 0) {
      output.appendChild(el('p', { id: 'compare-empty' }, label('empty')));
      return;
    }
    var years = [];
    chosen.forEach(function (id) { seriesOf(id).forEach(function (p) { if (years.indexOf(p[0]) < 0) { years.push(p[0]); } }); });
    years.sort();
    var title = figure.label + '（' + kind.label + '，万元）';
    output.appendChild(chart(title, chosen, years));
    var table = el('table', { id: 'compare-table' });
    table.appendChild(el('caption', {}, title));
    var head = el('tr');
    head.appendChild(el('th', { scope: 'col' }, ''));
    years.forEach(function (y) { head.appendChild(el('th', { scope: 'col' }, y + ' 年')); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    chosen.forEach(function (id) {
      var tr = el('tr', { 'data-subject': id });
      tr.appendChild(el('th', { scope: 'row' }, byId[id].name));
      years.forEach(function (y) {
        var p = seriesOf(id).filter(function (x) { return x[0] === y; })[0];
        tr.appendChild(el('td', { 'class': 'num' }, p ? group(p[1]) + (p[2] ? '（推算）' : '') + (byId[id].type === 'region' ? '（' + p[3] + '）' : '') : ''));
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    var wrap = el('div', { 'class': 'table-wrap', tabindex: '0', role: 'region', 'aria-label': title });
    wrap.appendChild(table);
    output.appendChild(wrap);
    output.appendChild(el('p', { 'class': 'note' }, label('derived')));
  }

  function chart(title, chosen, years) {
    var W = 640, H = 280, L = 78, R = 16, T = 28, P = 190;
    var max = 0;
    chosen.forEach(function (id) { seriesOf(id).forEach(function (p) { max = Math.max(max, p[1]); }); });
    var top = niceCeiling(max || 1);
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('role', 'img');
    svg.setAttribute('class', 'chart');
    svg.setAttribute('aria-label', title);
    var x = function (i) { return years.length === 1 ? L + (W - L - R) / 2 : L + 20 + (W - L - R - 40) * i / (years.length - 1); };
    var y = function (v) { return T + P * (1 - v / top); };
    for (var t = 0; t <= top + 1e-9; t += top / 4) {
      line(svg, L, y(t), W - R, y(t), '#d0d7de', false);
      text(svg, L - 6, y(t) + 4, group(Math.round(t * 100) / 100), 'end');
    }
    years.forEach(function (yr, i) { text(svg, x(i), T + P + 18, String(yr), 'middle'); });
    chosen.forEach(function (id, n) {
      var colour = COLOURS[n % COLOURS.length];
      var pts = seriesOf(id);
      pts.forEach(function (p, i) {
        var prev = pts[i - 1];
        if (prev && p[0] === prev[0] + 1) {
          line(svg, x(years.indexOf(prev[0])), y(prev[1]), x(years.indexOf(p[0])), y(p[1]), colour, p[2] || prev[2]);
        }
      });
      pts.forEach(function (p) {
        var c = document.createElementNS(SVG, 'circle');
        c.setAttribute('cx', x(years.indexOf(p[0])));
        c.setAttribute('cy', y(p[1]));
        c.setAttribute('r', 4.5);
        c.setAttribute('fill', p[2] ? '#ffffff' : colour);
        c.setAttribute('stroke', colour);
        c.setAttribute('stroke-width', 2);
        var tt = document.createElementNS(SVG, 'title');
        tt.textContent = byId[id].name + ' ' + p[0] + ' 年：' + group(p[1]) + ' 万元' + (p[2] ? '（推算）' : '');
        c.appendChild(tt);
        svg.appendChild(c);
      });
      text(svg, L + (n % 3) * 180 + 16, T + P + 40 + Math.floor(n / 3) * 18, byId[id].name, 'start', colour);
    });
    return svg;
  }

  function niceCeiling(v) {
    var power = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * power >= v) { return steps[i] * power; } }
    return 10 * power;
  }

  function line(svg, x1, y1, x2, y2, colour, dashed) {
    var l = document.createElementNS(SVG, 'line');
    [['x1', x1], ['y1', y1], ['x2', x2], ['y2', y2], ['stroke', colour], ['stroke-width', dashed === false ? 1 : 2]].forEach(function (a) { l.setAttribute(a[0], a[1]); });
    if (dashed) { l.setAttribute('stroke-dasharray', '5 4'); }
    svg.appendChild(l);
  }

  function text(svg, x, y, s, anchor, colour) {
    var t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', x);
    t.setAttribute('y', y);
    t.setAttribute('text-anchor', anchor);
    t.setAttribute('font-size', '12');
    t.setAttribute('fill', colour || '#1f2328');
    t.textContent = s;
    svg.appendChild(t);
  }

  function update() {
    writeState();
    render();
  }

  window.addEventListener('hashchange', function () { state = readState(); buildControls(); render(); });
  buildControls();
  update();
}());
