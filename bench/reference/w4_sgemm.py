"""Dense single-precision matrix product throughput (the machine's arithmetic ceiling, for scale):
torch.mm (MKL or OpenBLAS, as torch was built) or numpy.dot (numpy's BLAS), n × n × n.

`spikedown bench` has no reference row for its `sgemm` workload; run this by hand beside it.
Run each library in its own process (`torch`, then `numpy`): two BLAS thread pools in one process
compete for the cores. Writes OUT/w4_LIB.json.

usage: w4_sgemm.py [torch|numpy] [--n 2048] [--repeats 5] [--threads N] [--out DIR] [--no-wait]
"""
import time

import refbench


def options(p):
    p.add_argument("--n", type=int, default=2048, help="matrix size (default 2048, as spikedown bench)")
    p.add_argument("--repeats", type=int, default=5, help="timed products after one warm-up; the best counts")


args = refbench.parse_args(__doc__, modes=("torch", "numpy"), extra=options)

import numpy as np

rng = np.random.default_rng(1)
n = args.n
a = (rng.random((n, n), dtype=np.float32) - 0.5)
b = (rng.random((n, n), dtype=np.float32) - 0.5)
c = np.empty((n, n), dtype=np.float32)
if args.mode == "torch":
    import torch
    torch.set_num_threads(args.threads)
    ta, tb, tc = torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)
    product, library = (lambda: torch.mm(ta, tb, out=tc)), "torch.mm"
else:
    product, library = (lambda: np.dot(a, b, out=c)), "numpy.dot"


def run():
    product()
    seconds = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        product()
        seconds.append(time.perf_counter() - t0)
    return seconds


seconds, _, foreign, _ = refbench.timed(run)
best = min(seconds)
refbench.save(f"w4_{args.mode}", {
    "workload": f"sgemm {n}×{n}×{n}", "library": library, "n": n,
    "s_reps": seconds, "s_best": best, "foreign_cores": foreign,
    "gflops": 2.0 * n ** 3 / best / 1e9,
})
