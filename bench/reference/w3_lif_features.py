"""Spike-count features through a fixed random LIF layer (the SNN_MNIST_Demo notebook's engine),
written with plain PyTorch the way that notebook computes them: a Bernoulli draw per pixel per
step and a dense matrix product per step.

  W ~ N(0.5, 0.1²) [784 × 1024]; sparse: each weight kept with probability 0.05 (still a dense product)
  input spike probability per 1 ms step: pixel · 100 Hz · 1 ms; T = 100 steps
  v ← refractory ? 0 : v·(1 − dt/τ) + I, τ = 20 ms; spike when v ≥ 1, then v ← 0 and 2 steps refractory

Times the test images twice and the train images once, saves the counts for w3_fit.py
(OUT/feats/MODE_train.npy, MODE_test.npy) and writes OUT/w3_MODE_extract.json.

usage: w3_lif_features.py [dense|sparse] [--limit N] [--data-dir DIR] [--out DIR] [--threads N] [--no-wait]
"""
import os

import refbench

args = refbench.parse_args(__doc__, modes=("dense", "sparse"),
                           extra=lambda p: p.add_argument("--batch", type=int, default=500,
                                                          help="images simulated together (default 500)"))

import numpy as np
import torch

torch.set_num_threads(args.threads)

HIDDEN, TAU, DT, T_REF, V_TH, F_MAX, STEPS = 1024, 20e-3, 1e-3, 2e-3, 1.0, 100.0, 100
REFRACTORY_STEPS = int(round(T_REF / DT))
DECAY = 1.0 - DT / TAU
P_CONNECT = 1.0 if args.mode == "dense" else 0.05

torch.manual_seed(0)
weights = torch.randn(784, HIDDEN) * 0.1 + 0.5
if P_CONNECT < 1:
    weights = weights * (torch.rand(784, HIDDEN) < P_CONNECT).float()


def spike_counts(pixels):
    """Spike counts [B, HIDDEN] of a batch of images [B, 784]."""
    p = pixels * (F_MAX * DT)
    batch = pixels.shape[0]
    v = torch.zeros(batch, HIDDEN)
    refractory = torch.zeros(batch, HIDDEN)
    counts = torch.zeros(batch, HIDDEN)
    zeros = torch.zeros(batch, HIDDEN)
    for _ in range(STEPS):
        spikes_in = (torch.rand_like(p) < p).float()
        current = spikes_in @ weights
        v = torch.where(refractory <= 0, v * DECAY + current, zeros)
        fired = v >= V_TH
        counts += fired
        v = torch.where(fired, zeros, v)
        refractory = torch.where(fired, torch.full_like(refractory, REFRACTORY_STEPS), refractory - 1)
    return counts


def features(images):
    out = torch.empty(images.shape[0], HIDDEN)
    with torch.no_grad():
        for i in range(0, images.shape[0], args.batch):
            out[i:i + args.batch] = spike_counts(images[i:i + args.batch])
    return out


x_train, _, x_test, _ = refbench.load(args)
train_images, test_images = torch.from_numpy(x_train), torch.from_numpy(x_test)
n_train, n_test = train_images.shape[0], test_images.shape[0]

test_seconds, test_foreign = [], []
for rep in range(2):
    torch.manual_seed(1 + rep)
    test_features, seconds, foreign, _ = refbench.timed(lambda: features(test_images))
    test_seconds.append(seconds)
    test_foreign.append(foreign)
    print(f"{args.mode}: {n_test} test images in {seconds:.1f} s (other processes: {foreign:.2f} cores)", flush=True)

torch.manual_seed(3)
train_features, train_seconds, train_foreign, _ = refbench.timed(lambda: features(train_images), threshold=10, tries=1)
print(f"{args.mode}: {n_train} train images in {train_seconds:.1f} s (other processes: {train_foreign:.2f} cores)", flush=True)

feats = os.path.join(args.out, "feats")
os.makedirs(feats, exist_ok=True)
np.save(os.path.join(feats, f"{args.mode}_train.npy"), train_features.numpy())
np.save(os.path.join(feats, f"{args.mode}_test.npy"), test_features.numpy())

test_median = refbench.median(test_seconds)
max_count = (STEPS + REFRACTORY_STEPS) // (REFRACTORY_STEPS + 1)
refbench.save(f"w3_{args.mode}_extract", {
    "workload": f"LIF spike-count features ({args.mode})",
    "hidden": HIDDEN, "steps": STEPS, "batch": args.batch, "p_connect": P_CONNECT,
    "n_train": n_train, "n_test": n_test,
    # The names say 60k and 10k (the full data set); with --limit they cover the limited parts.
    "extract_s_60k_actual": train_seconds,
    "extract_60k_foreign_cores": train_foreign,
    "extract_s_per_10k_reps": test_seconds,
    "extract_foreign_cores": test_foreign,
    "extract_s_per_10k_median": test_median,
    "extract_s_per_70k_extrap": test_median * (n_train + n_test) / n_test,
    "images_per_second": (n_train + n_test) / (train_seconds + test_median),
    "mean_rate_hz": test_features.mean().item() / (STEPS * DT),
    "saturated_fraction": (test_features >= max_count).float().mean().item(),
    "silent_neuron_fraction": (test_features.sum(0) == 0).float().mean().item(),
})
