"""Hand-written vectorized reference of the backtest bench: the same daily top-50 / bottom-50
momentum portfolio as the engine (signal $close / Ref($close, 20) - 1 at each close, equal weights
1/100, traded at the next session's open, fractional shares, no costs), in numpy, over the same
CSV. Loops over sessions, vectorized across the 505 symbols. Prints JSON: seconds and the equity.

Run by bench/src/backtest.bench.ts: python3 backtest_reference.py <csv> <from> <to>.
"""
import csv
import gzip
import json
import sys
import time

import numpy as np

path, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
opener = gzip.open if path.endswith('.gz') else open
rows = []
with opener(path, 'rt') as f:
    r = csv.reader(f)
    next(r)
    for date, o, h, l, c, v, name in r:
        if date <= end:
            rows.append((date, name, float(o) if o else np.nan, float(c) if c else np.nan))
dates = sorted({x[0] for x in rows})
symbols = sorted({x[1] for x in rows})
di = {d: i for i, d in enumerate(dates)}
si = {s: j for j, s in enumerate(symbols)}
D, S = len(dates), len(symbols)
open_ = np.full((D, S), np.nan)
close = np.full((D, S), np.nan)
for d, s, o, c in rows:
    open_[di[d], si[s]] = o
    close[di[d], si[s]] = c
t_parse = time.perf_counter() - t0

t1 = time.perf_counter()
# $close / Ref($close, 20) - 1 over each symbol's own bars (Ref counts rows, not sessions).
signal = np.full((D, S), np.nan)
for j in range(S):
    rows_j = np.nonzero(~np.isnan(close[:, j]))[0]
    c = close[rows_j, j]
    v = np.full(len(c), np.nan)
    v[20:] = c[20:] / c[:-20] - 1
    signal[rows_j, j] = v
first = dates.index(next(d for d in dates if d >= start))
sig, op, cl = signal[first:], open_[first:], close[first:]
n = len(sig)
cash = 1_000_000.0
shares = np.zeros(S)
mark = np.full(S, np.nan)
equity = np.zeros(n)
order = np.arange(S)
for t in range(n):
    if t >= 1:
        d = t - 1
        ok = ~np.isnan(sig[d]) & ~np.isnan(cl[d])
        idx = order[ok]
        # Highest signal first, ties by symbol order (as the engine).
        idx = idx[np.lexsort((idx, -sig[d, idx]))]
        w = np.zeros(S)
        k = min(50, len(idx))
        w[idx[:k]] = 1
        ns = min(50, len(idx) - k)
        if ns > 0:
            w[idx[len(idx) - ns:]] = -1
        m = np.count_nonzero(w)
        if m:
            w = w / m
        p = op[t]
        held = shares != 0
        px = np.where(np.isnan(p), mark, p)
        value = cash + np.sum(shares[held] * px[held])
        tradable = p > 0
        qty = np.where(tradable, w * value / np.where(tradable, p, 1) - shares, 0)
        qty[np.abs(qty * np.where(tradable, p, 0)) <= 1e-9 * abs(value)] = 0
        cash -= np.sum(qty * np.where(tradable, p, 0))
        shares = shares + qty
    c = cl[t]
    mark = np.where(np.isnan(c), mark, c)
    equity[t] = cash + np.nansum(shares * np.where(shares != 0, mark, 0))
t_sim = time.perf_counter() - t1
print(json.dumps({"parse_s": t_parse, "simulate_s": t_sim, "final_equity": equity[-1], "equity": equity.tolist(), "sessions": n, "symbols": S}))
