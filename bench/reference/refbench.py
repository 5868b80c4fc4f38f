"""Shared plumbing of the reference scripts: command line, data, load monitor, timing, results.

Every script takes the same options (each also read from an environment variable, which is how
`spikedown bench --python PY` passes them):

  --data-dir DIR  (BENCH_DATA)     folder of the IDX files: DIR/fashion-mnist/, then DIR itself;
                                   default /usr/share/datasets/fashion-mnist (Debian's
                                   dataset-fashion-mnist). Files may be gzip (`x.gz`) or plain.
  --out DIR       (BENCH_OUT)      where results (JSON) and saved features go; default results/
                                   beside the scripts.
  --limit N       (BENCH_LIMIT)    use only the first N train and the first N test images.
  --threads N     (BENCH_THREADS)  compute threads (torch, OpenMP, BLAS); default 2.
  --no-wait       (BENCH_NO_WAIT=1) time at once instead of waiting for a quiet machine.
  --max-wait S    (BENCH_MAX_WAIT) longest wait for a quiet machine, seconds; default 300.

This module imports neither numpy nor torch before `parse_args` has set the thread counts.
"""
import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def _env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def parse_args(description, modes=None, extra=None):
    """Parses the common options (and a MODE argument when `modes` is given), sets the thread
    environment of OpenMP/BLAS and returns the namespace. `extra(parser)` may add options."""
    text = "\n".join(line for line in (description or "").splitlines() if not line.startswith("usage:"))
    p = argparse.ArgumentParser(description=text.strip(), formatter_class=argparse.RawDescriptionHelpFormatter)
    if modes:
        p.add_argument("mode", nargs="?", default=modes[0], choices=modes, help=f"default {modes[0]}")
    p.add_argument("--data-dir", metavar="DIR", default=os.environ.get("BENCH_DATA") or DEFAULT_DATA,
                   help="IDX files in DIR/fashion-mnist/ or DIR (BENCH_DATA; default %(default)s)")
    p.add_argument("--out", metavar="DIR", default=os.environ.get("BENCH_OUT") or os.path.join(HERE, "results"),
                   help="results and saved features (BENCH_OUT; default results/ beside the scripts)")
    p.add_argument("--limit", metavar="N", type=int, default=_env_int("BENCH_LIMIT", None),
                   help="only the first N train and N test images (BENCH_LIMIT)")
    p.add_argument("--threads", metavar="N", type=int, default=_env_int("BENCH_THREADS", 2),
                   help="compute threads (BENCH_THREADS; default 2)")
    p.add_argument("--no-wait", action="store_true", default=os.environ.get("BENCH_NO_WAIT", "") not in ("", "0"),
                   help="time at once, without waiting for a quiet machine (BENCH_NO_WAIT=1)")
    p.add_argument("--max-wait", metavar="S", type=float, default=float(os.environ.get("BENCH_MAX_WAIT") or 300),
                   help="longest wait for a quiet machine, seconds (BENCH_MAX_WAIT; default 300)")
    if extra:
        extra(p)
    args = p.parse_args()
    if args.limit is not None and args.limit < 1:
        p.error("--limit must be at least 1")
    if args.threads < 1:
        p.error("--threads must be at least 1")
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    os.makedirs(args.out, exist_ok=True)
    global _ARGS
    _ARGS = args
    return args


_ARGS = None


# ---- data -------------------------------------------------------------------------------------

def _open(path):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def _find(directory, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.isfile(path):
            return path
    return None


def data_files(data_dir):
    """The four IDX files, from DIR/fashion-mnist/ or DIR (the first folder holding all four)."""
    for directory in (os.path.join(data_dir, "fashion-mnist"), data_dir):
        paths = {key: _find(directory, name) for key, name in FILES.items()}
        if all(paths.values()):
            return paths
    sys.exit(f"no Fashion-MNIST IDX files ({', '.join(FILES.values())}, gzip or plain) in "
             f"{os.path.join(data_dir, 'fashion-mnist')} or {data_dir}: install Debian's "
             f"dataset-fashion-mnist or pass --data-dir / BENCH_DATA")


def _read_idx(path, expected_magic):
    import numpy as np
    with _open(path) as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    if magic != expected_magic:
        sys.exit(f"{path}: not an IDX file of the expected kind (magic {magic:#x}, expected {expected_magic:#x})")
    dims = magic & 0xFF
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    array = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims)
    if array.size != int(np.prod(shape)):
        sys.exit(f"{path}: {array.size} bytes of data, the header says {shape}")
    return array.reshape(shape[0], -1) if dims > 1 else array


def load(args=None):
    """(train images, train labels, test images, test labels): float32 pixels in [0, 1] as
    [N, 784] and int64 labels, the first `--limit` of each part."""
    import numpy as np
    args = args or _ARGS
    paths = data_files(args.data_dir)
    x_train = _read_idx(paths["train_images"], 0x00000803)
    y_train = _read_idx(paths["train_labels"], 0x00000801)
    x_test = _read_idx(paths["test_images"], 0x00000803)
    y_test = _read_idx(paths["test_labels"], 0x00000801)
    if args.limit:
        x_train, y_train = x_train[:args.limit], y_train[:args.limit]
        x_test, y_test = x_test[:args.limit], y_test[:args.limit]
    return (x_train.astype(np.float32) / 255.0, y_train.astype(np.int64),
            x_test.astype(np.float32) / 255.0, y_test.astype(np.int64))


def batches(x, y, size, seed):
    """Shuffled mini-batches (numpy views), the order drawn from `seed`."""
    import numpy as np
    order = np.random.default_rng(seed).permutation(x.shape[0])
    return [(x[order[i:i + size]], y[order[i:i + size]]) for i in range(0, x.shape[0], size)]


# ---- load monitor and timing --------------------------------------------------------------------

_HZ = os.sysconf("SC_CLK_TCK")


def _snapshot():
    """(busy ticks of the machine, ticks of this process, wall time)."""
    with open("/proc/stat") as f:
        ticks = list(map(int, f.readline().split()[1:]))
    busy = sum(ticks[:8]) - ticks[3] - ticks[4]           # all but idle and iowait
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    mine = int(fields[11]) + int(fields[12])                # utime + stime
    return busy, mine, time.perf_counter()


def foreign_cores(before, after):
    """Mean number of cores other processes used between two snapshots."""
    seconds = after[2] - before[2]
    if seconds <= 0:
        return 0.0
    return max(0.0, ((after[0] - before[0]) - (after[1] - before[1])) / _HZ / seconds)


def wait_quiet(threshold=0.1, probe=2.0):
    """Waits until other processes use less than `threshold` cores (at most `--max-wait` s)."""
    if _ARGS is not None and _ARGS.no_wait:
        return None
    limit = _ARGS.max_wait if _ARGS is not None else 300
    start = time.perf_counter()
    while True:
        before = _snapshot()
        time.sleep(probe)
        load = foreign_cores(before, _snapshot())
        if load < threshold or time.perf_counter() - start > limit:
            return load
        print(f"[wait] other processes use {load:.2f} cores; waiting", file=sys.stderr, flush=True)


def timed(fn, threshold=0.15, tries=3):
    """Runs `fn()` on a quiet machine; runs it again (up to `tries` times) when other processes
    used more than `threshold` cores meanwhile. Returns (value, seconds, foreign cores, attempts)."""
    for attempt in range(1, tries + 1):
        wait_quiet()
        before = _snapshot()
        value = fn()
        after = _snapshot()
        load = foreign_cores(before, after)
        if load <= threshold or attempt == tries or (_ARGS is not None and _ARGS.no_wait):
            return value, after[2] - before[2], round(load, 3), attempt
        print(f"[timed] other processes used {load:.2f} cores meanwhile; timing again", file=sys.stderr, flush=True)


def median(values):
    return statistics.median(values)


# ---- results ------------------------------------------------------------------------------------

def environment():
    import importlib
    info = {"python": platform.python_version(), "machine": platform.machine(),
            "threads": _ARGS.threads if _ARGS else None}
    for module in ("numpy", "torch", "snntorch", "sklearn", "scipy"):
        if module in sys.modules:
            info[module] = getattr(importlib.import_module(module), "__version__", "?")
    if "torch" in sys.modules:
        torch = sys.modules["torch"]
        info["torch_threads"] = torch.get_num_threads()
        try:
            info["torch_cpu_capability"] = torch.backends.cpu.get_cpu_capability()
        except Exception:
            pass
    return info


def save(name, result, args=None):
    """Writes `result` (plus the environment and the data used) to OUT/name.json and prints it."""
    args = args or _ARGS
    result["limit"] = args.limit
    result["data_dir"] = args.data_dir
    result["env"] = environment()
    path = os.path.join(args.out, name + ".json")
    with open(path + ".part", "w") as f:
        json.dump(result, f, indent=2)
    os.replace(path + ".part", path)
    print(json.dumps(result, indent=2), flush=True)
    return path
