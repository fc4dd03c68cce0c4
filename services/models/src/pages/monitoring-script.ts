/**
 * The monitoring page's script (Observable Plot, served locally): per deployed version, live
 * against validation metrics, the drift heatmap, volume with its band and cumulative P&L; then
 * Acknowledge buttons that call the gateway's acknowledgeAlert with the token the page was opened
 * with (`?token=`; a page opened with an Authorization header sends none, as a proxy adds it).
 * Each chart records how many points it drew in `data-count` (`data-cells` for the heatmap).
 */
export const MONITORING_SCRIPT = `
(function () {
  var data = window.PAGE_DATA;
  if (!data) return;
  var W = 520, H = 220;
  function empty(el, text) { var p = document.createElement('p'); p.className = 'empty'; p.textContent = text; el.appendChild(p); }
  function at(e) { return new Date(e.asOf); }
  function lastValue(evals, pick) { for (var i = evals.length - 1; i >= 0; i--) { var v = pick(evals[i]); if (v !== null && v !== undefined) return v; } return null; }

  function metricChart(v, m) {
    var el = document.getElementById('metric-v' + v.number + '-' + m.key);
    var pts = v.evaluations.filter(function (e) { return e.live[m.key] !== null && e.live[m.key] !== undefined; })
      .map(function (e) { return { t: at(e), y: e.live[m.key], outcomes: e.outcomes }; });
    var validation = lastValue(v.evaluations, function (e) { return e.validation[m.key]; });
    el.setAttribute('data-count', String(pts.length));
    if (validation !== null) el.setAttribute('data-validation', String(validation));
    if (pts.length === 0) { empty(el, 'No live ' + m.label + ' yet: it needs predictions joined to realized labels.'); return; }
    var marks = [
      Plot.lineY(pts, { x: 't', y: 'y', stroke: '#2f6db5', strokeWidth: 2 }),
      Plot.dot(pts, { x: 't', y: 'y', fill: '#2f6db5', r: 3, title: function (d) { return m.label + ' ' + d.y.toFixed(4) + ' on ' + d.outcomes + ' outcomes'; } })
    ];
    if (validation !== null) {
      marks.unshift(Plot.ruleY([validation], { stroke: '#c2533a', strokeDasharray: '5,4' }));
      marks.push(Plot.text([validation], { x: pts[0].t, y: function (d) { return d; }, text: function (d) { return 'validation ' + d.toFixed(3); }, dy: -7, textAnchor: 'start', fill: '#c2533a' }));
    }
    el.appendChild(Plot.plot({ width: W, height: H, x: { label: null, type: 'utc' }, y: { label: m.label, grid: true }, marks: marks }));
  }

  function driftChart(v) {
    var el = document.getElementById('drift-v' + v.number);
    var evals = v.evaluations.filter(function (e) { return e.drift.length > 0; });
    var features = [];
    evals.forEach(function (e) { e.drift.forEach(function (d) { if (features.indexOf(d.feature) < 0) features.push(d.feature); }); });
    features.sort(function (a, b) { return (a === 'prediction') - (b === 'prediction') || (a < b ? -1 : a > b ? 1 : 0); });
    var cells = [];
    evals.forEach(function (e) {
      features.forEach(function (f) {
        var d = e.drift.find(function (x) { return x.feature === f; });
        cells.push({ t: e.asOf, feature: f, psi: d ? d.psi : null, marked: !!d && (d.drifted || d.psiAlert),
          tip: d ? f + ' at ' + e.asOf.slice(0, 10) + ': PSI ' + (d.psi === null ? 'n/a' : d.psi.toFixed(3)) + ', ' + d.method + ' ' +
            (d.statistic === null ? 'n/a' : d.statistic.toPrecision(3)) + (d.pValue === null ? '' : ' (p ' + d.pValue.toPrecision(3) + ')') +
            (d.drifted ? ', drifted' : '') : f + ': not tested' });
      });
    });
    el.setAttribute('data-cells', String(cells.length));
    el.setAttribute('data-features', String(features.length));
    el.setAttribute('data-instants', String(evals.length));
    if (cells.length === 0) { empty(el, 'No drift test yet: each needs ' + data.thresholds.minDriftSamples + ' logged predictions.'); return; }
    var maxPsi = Math.max.apply(null, cells.map(function (c) { return c.psi || 0; }).concat([data.thresholds.psiThreshold * 1.5]));
    el.appendChild(Plot.plot({
      width: Math.min(1040, Math.max(W, 160 + 90 * evals.length)), height: 70 + 44 * features.length, marginLeft: 160, marginBottom: 60,
      padding: 0.05,
      x: { label: null, domain: evals.map(function (e) { return e.asOf; }), tickFormat: function (d) { return d.slice(0, 10); }, tickRotate: -35 },
      y: { label: null, domain: features },
      color: { type: 'sqrt', domain: [0, maxPsi], range: ['#f4f7fb', '#c2533a'], legend: true, label: 'PSI' },
      marks: [
        Plot.cell(cells, { x: 't', y: 'feature', fill: function (d) { return d.psi === null ? '#e6e9ef' : d.psi; }, title: 'tip', stroke: '#fff' }),
        Plot.text(cells.filter(function (c) { return c.marked; }), { x: 't', y: 'feature', text: function () { return '×'; }, fontSize: 16, fontWeight: 700, fill: '#1d2330' })
      ]
    }));
  }

  function volumeChart(v) {
    var el = document.getElementById('volume-v' + v.number);
    var pts = v.evaluations.map(function (e) {
      var b = e.volumeBand;
      return { t: at(e), y: e.volume, lo: b ? b[0] : null, hi: b ? b[1] : null, out: !!b && (e.volume < b[0] || e.volume > b[1]) };
    });
    el.setAttribute('data-count', String(pts.length));
    var banded = pts.filter(function (p) { return p.lo !== null; });
    el.setAttribute('data-band', String(banded.length));
    el.appendChild(Plot.plot({
      width: W, height: H, x: { label: null, type: 'utc' }, y: { label: 'predictions', grid: true, zero: true },
      marks: [
        Plot.areaY(banded, { x: 't', y1: 'lo', y2: 'hi', fill: '#cfe3cf', fillOpacity: 0.8 }),
        Plot.lineY(pts, { x: 't', y: 'y', stroke: '#39445a' }),
        Plot.dot(pts, { x: 't', y: 'y', r: 3.5, fill: function (d) { return d.out ? '#c2533a' : '#39445a'; },
          title: function (d) { return d.y + ' predictions' + (d.lo === null ? ' (no band yet)' : ', band [' + d.lo + ', ' + d.hi + ']'); } })
      ]
    }));
  }

  function pnlChart(v) {
    var el = document.getElementById('pnl-v' + v.number);
    var pts = v.evaluations.filter(function (e) { return e.cumulativePnl !== null; })
      .map(function (e) { return { t: at(e), y: e.cumulativePnl }; });
    el.setAttribute('data-count', String(pts.length));
    if (pts.length === 0) { empty(el, 'No P&L yet: it needs predictions joined to realized labels.'); return; }
    el.appendChild(Plot.plot({
      width: W, height: H, x: { label: null, type: 'utc' }, y: { label: 'cumulative P&L', grid: true },
      marks: [Plot.ruleY([0], { stroke: '#8a93a6' }), Plot.lineY(pts, { x: 't', y: 'y', stroke: '#2f8a4f', strokeWidth: 2 }),
        Plot.dot(pts, { x: 't', y: 'y', r: 3, fill: '#2f8a4f', title: function (d) { return d.y.toFixed(5); } })]
    }));
  }

  data.versions.forEach(function (v) {
    if (v.evaluations.length === 0) return;
    data.metrics.forEach(function (m) { metricChart(v, m); });
    driftChart(v); volumeChart(v); pnlChart(v);
  });

  var token = new URLSearchParams(location.search).get('token');
  var MUTATION = 'mutation Acknowledge($id: ID!, $note: String!) { acknowledgeAlert(id: $id, note: $note) { id acknowledgedBy acknowledgedAt acknowledgement } }';
  Array.prototype.forEach.call(document.querySelectorAll('button.ack'), function (button) {
    button.addEventListener('click', function () {
      var row = button.closest('tr');
      var note = row.querySelector('.ack-note').value;
      var error = row.querySelector('.ack-error');
      error.textContent = '';
      button.disabled = true;
      var headers = { 'content-type': 'application/json', accept: 'application/json' };
      if (token) headers.authorization = 'Bearer ' + token;
      fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: MUTATION, variables: { id: button.getAttribute('data-alert'), note: note } }) })
        .then(function (r) { return r.json().catch(function () { return { errors: [{ message: 'HTTP ' + r.status }] }; }); })
        .then(function (body) {
          if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
          var a = body.data.acknowledgeAlert;
          row.setAttribute('data-acknowledged', 'true');
          row.querySelector('.ack-cell').textContent = a.acknowledgedBy + ' at ' + a.acknowledgedAt + ': ' + a.acknowledgement;
        })
        .catch(function (e) { button.disabled = false; error.textContent = e.message; });
    });
  });
  document.body.setAttribute('data-monitoring', 'drawn');
})();`;
