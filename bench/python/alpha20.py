"""The 20-feature Alpha158 subset of bench/src/materialize.bench.ts in pandas (groupby + rolling).

Usage: python3 alpha20.py <all_stocks_5yr.csv[.gz]> <out.csv|-> ; prints one JSON line of timings. The output
(full precision CSV: Debian ships pandas without a Parquet engine) lets the bench compare values.
Windows follow Qlib's pandas operators: rolling(N, min_periods=1), sample std (ddof=1), shift for Ref.
"""
import json
import sys
import time

import numpy as np
import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path, usecols=["date", "open", "high", "low", "close", "volume", "Name"])
df = df.rename(columns={"Name": "symbol"}).sort_values(["symbol", "date"], kind="stable").reset_index(drop=True)
t1 = time.perf_counter()

o, h, l, c, v = (df[k].astype(float) for k in ("open", "high", "low", "close", "volume"))
g = df.groupby("symbol", sort=False)


def roll(col, n, fn):
    r = g[col].rolling(n, min_periods=1)
    return getattr(r, fn)().reset_index(level=0, drop=True).sort_index()


out = pd.DataFrame({"symbol": df["symbol"], "date": df["date"]})
out["kmid"] = (c - o) / o
out["klen"] = (h - l) / o
out["kmid2"] = (c - o) / (h - l + 1e-12)
out["kup"] = (h - np.maximum(o, c)) / o
out["klow"] = (np.minimum(o, c) - l) / o
out["ksft"] = (2 * c - h - l) / o
out["open0"] = o / c
out["high0"] = h / c
out["low0"] = l / c
out["roc5"] = g["close"].shift(5) / c
out["roc20"] = g["close"].shift(20) / c
out["ma5"] = roll("close", 5, "mean") / c
out["ma20"] = roll("close", 20, "mean") / c
out["ma60"] = roll("close", 60, "mean") / c
out["std5"] = roll("close", 5, "std") / c
out["std20"] = roll("close", 20, "std") / c
out["max20"] = roll("high", 20, "max") / c
out["min20"] = roll("low", 20, "min") / c
out["vma20"] = roll("volume", 20, "mean") / (v + 1e-12)
out["vstd20"] = roll("volume", 20, "std") / (v + 1e-12)
t2 = time.perf_counter()

if len(sys.argv) > 2 and sys.argv[2] != "-":
    out.to_csv(sys.argv[2], index=False, float_format="%.17g")
print(json.dumps({"rows": int(len(out)), "read_s": t1 - t0, "compute_s": t2 - t1, "pandas": pd.__version__}))
