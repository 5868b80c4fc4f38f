"""The readout of the SNN_MNIST_Demo notebook: StandardScaler + scikit-learn's LogisticRegression
(lbfgs, l2, C = 1, tol 1e-4, max_iter 1000) on the spike counts saved by w3_lif_features.py.

Runs in its own process, without torch, so that torch's OpenMP threads and scipy's BLAS threads do
not compete for the cores. Times the fit only and writes OUT/w3_MODE_fit.json.

usage: w3_fit.py [dense|sparse] [--max-iter N] [--pixels] [--limit N] [--data-dir DIR] [--out DIR] [--threads N] [--no-wait]
"""
import os
import sys

import refbench


def options(p):
    p.add_argument("--max-iter", type=int, default=int(os.environ.get("BENCH_MAX_ITER") or 1000),
                   help="L-BFGS iteration limit (BENCH_MAX_ITER; default 1000)")
    p.add_argument("--pixels", action="store_true", help="also fit the same readout on the raw pixels, for context")


args = refbench.parse_args(__doc__, modes=("dense", "sparse"), extra=options)

import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

# Hitting the iteration limit is part of the workload (the result records `n_iter` and `converged`).
warnings.filterwarnings("ignore", category=ConvergenceWarning)

feats = os.path.join(args.out, "feats")
paths = [os.path.join(feats, f"{args.mode}_{part}.npy") for part in ("train", "test")]
if not all(os.path.isfile(p) for p in paths):
    sys.exit(f"no saved features in {feats}: run w3_lif_features.py {args.mode} with the same --out first")
f_train, f_test = (np.load(p) for p in paths)
x_train, y_train, x_test, y_test = refbench.load(args)
if f_train.shape[0] != y_train.shape[0] or f_test.shape[0] != y_test.shape[0]:
    sys.exit(f"the saved features ({f_train.shape[0]} train, {f_test.shape[0]} test) were made with another --limit "
             f"than this run ({y_train.shape[0]}, {y_test.shape[0]})")


def fit(a, y):
    return LogisticRegression(solver="lbfgs", C=1.0, tol=1e-4, max_iter=args.max_iter).fit(a, y)


scaler = StandardScaler().fit(f_train)
a_train, a_test = scaler.transform(f_train), scaler.transform(f_test)
model, seconds, foreign, _ = refbench.timed(lambda: fit(a_train, y_train), tries=2)
result = {
    "workload": f"readout on LIF features ({args.mode})",
    "n_train": int(a_train.shape[0]), "n_test": int(a_test.shape[0]), "features": int(a_train.shape[1]),
    "max_iter": args.max_iter,
    "fit_s": seconds,
    "fit_foreign_cores": foreign,
    "n_iter": int(np.max(model.n_iter_)),
    "converged": bool(np.max(model.n_iter_) < args.max_iter),
    "train_acc": float(model.score(a_train, y_train)),
    "test_acc": float(model.score(a_test, y_test)),
    "sklearn": sklearn.__version__,
}
if args.pixels:
    pixel_scaler = StandardScaler().fit(x_train)
    pixel_model, pixel_seconds, _, _ = refbench.timed(lambda: fit(pixel_scaler.transform(x_train), y_train), tries=1)
    result["pixel_baseline_fit_s"] = pixel_seconds
    result["pixel_baseline_test_acc"] = float(pixel_model.score(pixel_scaler.transform(x_test), y_test))
refbench.save(f"w3_{args.mode}_fit", result)
