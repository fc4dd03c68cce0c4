#!/usr/bin/python3
"""scikit-learn side of train.bench.ts: same data (same LCG), same models, single-threaded (n_jobs=1).

    /usr/bin/python3 packages/ml/bench/sklearn_bench.py [rows=250000] [cols=50] [name filter] [trees=100]
"""
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.tree import DecisionTreeClassifier

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
cols = int(sys.argv[2]) if len(sys.argv) > 2 else 50
only = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
trees = int(sys.argv[4]) if len(sys.argv) > 4 else 100

state = 12345
flat = np.empty(rows * cols)
for i in range(rows * cols):
    state = (state * 1103515245 + 12345) & 0xFFFFFFFF
    flat[i] = state / 4294967296
X = flat.reshape(rows, cols)
r = X[:, :5]
score = 2 * r[:, 0] - r[:, 1] + (r[:, 2] > 0.5) + r[:, 3] * r[:, 4] - 1
noise = np.sin(97 * (np.arange(rows) % 1013)) * 0.5
y_cls = (score + noise > 0).astype(float)

for label, model, y in [
    ("logistic regression", LogisticRegression(), y_cls),
    ("linear regression", LinearRegression(), score),
    ("decision tree depth 8", DecisionTreeClassifier(max_depth=8), y_cls),
    (f"random forest {trees} x depth 8 (cls, sqrt)", RandomForestClassifier(trees, max_depth=8, n_jobs=1), y_cls),
    (f"random forest {trees} x depth 8 (reg, all)", RandomForestRegressor(trees, max_depth=8, n_jobs=1), score),
]:
    if only is not None and only not in label:
        continue
    t0 = time.perf_counter()
    model.fit(X, y)
    t1 = time.perf_counter()
    model.predict(X)
    t2 = time.perf_counter()
    print(f"{label}: train {t1 - t0:.2f} s, predict {t2 - t1:.2f} s", flush=True)
