/**
 * The report's charts, drawn in the browser with Observable Plot (served by this service, no CDN)
 * from `window.PAGE_DATA`. Each chart's container gets `data-count`, the number of data marks it
 * drew (points, months, configurations, splits), so a test can check the charts drew real data.
 */
export const REPORT_SCRIPT = `
(function () {
  var data = window.PAGE_DATA || {};
  var A = data.annualization || 252;
  function el(id) { return document.getElementById(id); }
  function done(id, n) { var e = el(id); if (e) { e.setAttribute('data-count', String(n)); e.setAttribute('data-drawn', 'true'); } }
  function pct(v) { return v == null ? '' : (v * 100).toFixed(2) + '%'; }
  var bt = data.backtest;
  if (bt && bt.equity && bt.equity.length > 1) {
    var eq = bt.equity.map(function (d) { return { date: new Date(d.date), equity: d.equity, benchmark: d.benchmark }; });
    var series = [];
    eq.forEach(function (d) {
      series.push({ date: d.date, value: d.equity, series: 'strategy' });
      if (d.benchmark != null) series.push({ date: d.date, value: d.benchmark, series: 'buy and hold' });
    });
    el('equity').appendChild(Plot.plot({
      width: 1000, height: 320, marginLeft: 80, y: { grid: true, label: 'equity' }, color: { legend: true, domain: ['strategy', 'buy and hold'], range: ['#2f6db5', '#9aa5b1'] },
      marks: [Plot.line(series, { x: 'date', y: 'value', stroke: 'series' })]
    }));
    done('equity', eq.length);
    var peak = -Infinity;
    var dd = eq.map(function (d) { peak = Math.max(peak, d.equity); return { date: d.date, dd: d.equity / peak - 1 }; });
    el('drawdown').appendChild(Plot.plot({
      width: 1000, height: 200, y: { grid: true, label: 'drawdown', tickFormat: '%' },
      marks: [Plot.areaY(dd, { x: 'date', y: 'dd', fill: '#c2533a', fillOpacity: 0.5 }), Plot.ruleY([0])]
    }));
    done('drawdown', dd.length);
    // Monthly returns: last equity of each month against the last of the previous month (the first month against its first day).
    var months = [];
    var prevEnd = eq[0].equity;
    for (var i = 0; i < eq.length; i++) {
      var d = eq[i].date;
      var last = i === eq.length - 1 || eq[i + 1].date.getUTCMonth() !== d.getUTCMonth();
      if (last) { months.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, ret: eq[i].equity / prevEnd - 1 }); prevEnd = eq[i].equity; }
    }
    var m = Math.max.apply(null, months.map(function (x) { return Math.abs(x.ret); }).concat([0.01]));
    el('monthly').appendChild(Plot.plot({
      width: 1000, height: 40 + 28 * new Set(months.map(function (x) { return x.year; })).size, padding: 0.05,
      x: { label: 'month', domain: [1,2,3,4,5,6,7,8,9,10,11,12] }, y: { label: 'year', type: 'band' },
      color: { type: 'diverging', scheme: 'RdYlGn', domain: [-m, m] },
      marks: [Plot.cell(months, { x: 'month', y: 'year', fill: 'ret', title: function (x) { return x.year + '-' + x.month + ': ' + pct(x.ret); } }),
              Plot.text(months, { x: 'month', y: 'year', text: function (x) { return (x.ret * 100).toFixed(1); }, fontSize: 9 })]
    }));
    done('monthly', months.length);
    var W = 63, rolling = [];
    var rets = eq.slice(1).map(function (d, k) { return d.equity / eq[k].equity - 1; });
    for (var t = W; t <= rets.length; t++) {
      var w = rets.slice(t - W, t), mean = w.reduce(function (a, b) { return a + b; }, 0) / W;
      var sd = Math.sqrt(w.reduce(function (a, b) { return a + (b - mean) * (b - mean); }, 0) / (W - 1));
      if (sd > 0) rolling.push({ date: eq[t].date, sharpe: mean / sd * Math.sqrt(A) });
    }
    el('rolling').appendChild(Plot.plot({
      width: 1000, height: 200, y: { grid: true, label: 'Sharpe' },
      marks: [Plot.line(rolling, { x: 'date', y: 'sharpe', stroke: '#14213d' }), Plot.ruleY([0])]
    }));
    done('rolling', rolling.length);
  } else if (bt) {
    ['equity', 'drawdown', 'monthly', 'rolling'].forEach(function (id) { if (el(id)) el(id).textContent = 'No equity yet: the run has not succeeded.'; });
  }
  if (bt && el('trades')) {
    var rows = (bt.trades || []).map(function (t) {
      return '<tr><td>' + t.tradeNo + '</td><td>' + t.symbol + '</td><td class="num">' + t.size.toFixed(2) + '</td><td>' + t.entryTime.slice(0, 10) +
        '</td><td class="num">' + t.entryPrice.toFixed(2) + '</td><td>' + t.exitTime.slice(0, 10) + '</td><td class="num">' + t.exitPrice.toFixed(2) +
        '</td><td class="num">' + t.costs.toFixed(2) + '</td><td class="num">' + t.pnl.toFixed(2) + '</td><td class="num">' + pct(t.return) + '</td><td>' + (t.open ? 'open' : '') + '</td></tr>';
    });
    el('trades').innerHTML = '<p>' + bt.tradeCount + ' closed trades' + (rows.length < (bt.trades || []).length ? '' : '') + (rows.length ? ', the first ' + rows.length + ' rows:' : '') + '</p>' +
      '<table id="trades-table"><tr><th>#</th><th>symbol</th><th>size</th><th>entry</th><th>price</th><th>exit</th><th>price</th><th>costs</th><th>P&amp;L</th><th>return</th><th></th></tr>' + rows.join('') + '</table>';
    done('trades', rows.length);
  }
  var sw = data.sweep;
  if (sw) {
    var axes = sw.grid || [];
    var ok = (sw.configurations || []).filter(function (c) { return c.sharpe != null; });
    if (axes.length >= 2) {
      var a = axes[0].name, b = axes[1].name, cells = {};
      ok.forEach(function (c) {
        var k = c.parameters[a] + '|' + c.parameters[b];
        if (!cells[k] || c.sharpe > cells[k].sharpe) cells[k] = { x: c.parameters[a], y: c.parameters[b], sharpe: c.sharpe, best: c.index === sw.best };
      });
      var grid = Object.keys(cells).map(function (k) { return cells[k]; });
      el('heatmap').appendChild(Plot.plot({
        width: 800, height: 60 + 40 * axes[1].values.length, padding: 0.05,
        x: { label: a, type: 'band' }, y: { label: b, type: 'band' }, color: { scheme: 'Viridis', legend: true, label: 'Sharpe' },
        marks: [Plot.cell(grid, { x: 'x', y: 'y', fill: 'sharpe', stroke: function (d) { return d.best ? 'red' : 'none'; }, strokeWidth: 3,
                  title: function (d) { return a + '=' + d.x + ', ' + b + '=' + d.y + ': Sharpe ' + d.sharpe.toFixed(3); } }),
                Plot.text(grid, { x: 'x', y: 'y', text: function (d) { return d.sharpe.toFixed(2); }, fill: 'white', fontSize: 10 })]
      }));
      done('heatmap', grid.length);
    } else if (axes.length === 1) {
      var n = axes[0].name;
      el('heatmap').appendChild(Plot.plot({
        width: 800, height: 240, x: { label: n, type: 'band' }, y: { grid: true, label: 'Sharpe' },
        marks: [Plot.barY(ok, { x: function (c) { return c.parameters[n]; }, y: 'sharpe', fill: function (c) { return c.index === sw.best ? '#c2533a' : '#2f6db5'; } }), Plot.ruleY([0])]
      }));
      done('heatmap', ok.length);
    }
    var logits = sw.logits || [];
    if (logits.length > 0) {
      el('logits').appendChild(Plot.plot({
        width: 800, height: 240, x: { label: 'logit λ (≤ 0: the in-sample best ranked below the median out of sample)' }, y: { grid: true, label: 'splits' },
        marks: [Plot.rectY(logits, Plot.binX({ y: 'count' }, { x: function (v) { return v; }, fill: function (v) { return v <= 0 ? '#c2533a' : '#2f6db5'; }, thresholds: 30 })), Plot.ruleX([0]), Plot.ruleY([0])]
      }));
    }
    done('logits', logits.length);
  }
  document.body.setAttribute('data-report', 'drawn');
})();`;
