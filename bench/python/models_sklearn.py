#!/usr/bin/python3
"""scikit-learn side of bench/src/models.bench.ts, one model per process (its peak memory is its own).

Python here has no pyarrow, so it cannot read the training set's Parquet: the parent read the
Parquet with DuckDB and wrote its rows as raw little-endian float64 files (the same bytes our side
reads); this script reads them with np.fromfile, trains ONE model on TRAIN, scores TEST and writes a
JSON result and the test probabilities next to the data. Single-threaded (n_jobs=1, and the parent
sets OPENBLAS/OMP/MKL threads to 1), like our trainers.

Missing values get the rule our trainers apply inside `train` (a non-finite value becomes its
column's median over the TRAIN rows), inside the timed fit, as scikit-learn 1.2's estimators refuse NaN.

    /usr/bin/python3 bench/python/models_sklearn.py DIR lr-lbfgs|lr-newton|rf [trees=100] [depth=8] [seed=1]
"""
import json
import re
import resource
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score

data = Path(sys.argv[1])
model = sys.argv[2]
trees = int(sys.argv[3]) if len(sys.argv) > 3 else 100
depth = int(sys.argv[4]) if len(sys.argv) > 4 else 8
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb():
    # VmHWM: the high-water mark of this process's RSS (not ru_maxrss, which on Linux includes the
    # RSS of the image before exec, here the parent node process that forked this one).
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1)) / 1024


meta = json.loads((data / "meta.json").read_text())
cols = meta["cols"]
t0 = time.perf_counter()
X_train = np.fromfile(data / "train.X.f64", dtype="<f8").reshape(meta["rows"]["train"], cols)
y_train = np.fromfile(data / "train.y.f64", dtype="<f8")
X_test = np.fromfile(data / "test.X.f64", dtype="<f8").reshape(meta["rows"]["test"], cols)
y_test = np.fromfile(data / "test.y.f64", dtype="<f8")
read_seconds = time.perf_counter() - t0
rss_before = rss_mb()

if model == "lr-lbfgs":
    estimator = LogisticRegression(C=1.0)  # scikit-learn's defaults: lbfgs, max_iter=100, tol=1e-4
elif model == "lr-newton":
    estimator = LogisticRegression(C=1.0, solver="newton-cholesky")  # Newton, as ours
elif model == "rf":
    estimator = RandomForestClassifier(trees, max_depth=depth, n_jobs=1, random_state=seed)
else:
    raise SystemExit(f"unknown model {model}")


def impute(X, medians):
    bad = ~np.isfinite(X)
    if bad.any():
        X = X.copy()
        X[bad] = np.take(medians, np.nonzero(bad)[1])
    return X


started = time.perf_counter()
finite = np.where(np.isfinite(X_train), X_train, np.nan)
medians = np.nan_to_num(np.nanmedian(finite, axis=0), nan=0.0) if np.isnan(finite).any() else np.zeros(cols)
del finite
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", ConvergenceWarning)
    estimator.fit(impute(X_train, medians), y_train)
train_seconds = time.perf_counter() - started
p0 = time.perf_counter()
probability = estimator.predict_proba(impute(X_test, medians))[:, 1]
predict_seconds = time.perf_counter() - p0

result = {
    "side": "sklearn",
    "model": model,
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "readSeconds": read_seconds,
    "trainSeconds": train_seconds,
    "predictSeconds": predict_seconds,
    "rocAuc": roc_auc_score(y_test, probability),
    "accuracy": accuracy_score(y_test, probability > 0.5),
    "logLoss": log_loss(y_test, probability),
    "rssBeforeTrainMB": rss_before,
    "peakRssMB": peak_mb(),
}
if model.startswith("lr"):
    result["detail"] = {
        "iterations": int(np.max(estimator.n_iter_)),
        "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
    }
probability.astype("<f8").tofile(data / f"proba.sklearn.{model}.f64")
(data / f"result.sklearn.{model}.json").write_text(json.dumps(result))
