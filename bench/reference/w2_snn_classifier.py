"""The snn-mnist-classifier notebook's networks: the same 784-256-128-10 network as

  a 100-step SNN with snnTorch: three snn.Leaky layers (β = 0.9, init_hidden), rate-coded input
    (spikegen.rate, T = 100), cross-entropy on the output membrane averaged over time, Adam 1e-4;
  an ANN with ReLU in PyTorch, cross-entropy, Adam 1e-3;

both with batch 128. An SNN epoch is long, so it is timed by batches: `--reps` (default 3) runs
of `--batches` (default 20) training batches after 2 warm-up batches, each from a fresh network;
the median batch times the number of batches of an epoch (469 for 60,000 images) gives the epoch,
and the same batches without gradients give the test pass (× test images / 128). The ANN trains
`--ann-epochs` (default 3) whole epochs, each timed, and its test pass is the whole test set in
one batch (median of 3). Writes OUT/w2.json.

usage: w2_snn_classifier.py [--batches N] [--reps N] [--ann-epochs N] [--snn-only] [--limit N] [--data-dir DIR] [--out DIR] [--threads N] [--no-wait]
"""
import os
import time

import refbench


def options(p):
    p.add_argument("--batches", type=int, default=20, help="timed SNN training batches per repetition (default 20)")
    p.add_argument("--reps", type=int, default=int(os.environ.get("REPS") or 3), help="SNN repetitions (default 3)")
    p.add_argument("--ann-epochs", type=int, default=3, help="ANN epochs, each timed (default 3)")
    p.add_argument("--snn-only", action="store_true", help="skip the ANN")


args = refbench.parse_args(__doc__, extra=options)

import snntorch as snn
import torch
import torch.nn as nn
from snntorch import spikegen, utils

torch.set_num_threads(args.threads)
STEPS, BATCH, BETA = 100, 128, 0.9
WARM_UP = 2

x_train, y_train, x_test, y_test = refbench.load(args)
n_train, n_test = x_train.shape[0], x_test.shape[0]
epoch_batches = -(-n_train // BATCH)
loss_fn = nn.CrossEntropyLoss()


# ---- 100-step SNN ----

def snn_network():
    return nn.Sequential(nn.Linear(784, 256), snn.Leaky(beta=BETA, init_hidden=True),
                         nn.Linear(256, 128), snn.Leaky(beta=BETA, init_hidden=True),
                         nn.Linear(128, 10), snn.Leaky(beta=BETA, init_hidden=True, output=True))


def snn_logits(net, x):
    utils.reset(net)
    spikes = spikegen.rate(x, num_steps=STEPS)
    membranes = []
    for t in range(STEPS):
        _, mem = net(spikes[t])
        membranes.append(mem)
    return torch.stack(membranes).mean(0)


def snn_repetition(rep):
    torch.manual_seed(rep)
    net = snn_network()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-4)
    shuffled = refbench.batches(x_train, y_train, BATCH, seed=rep)
    chosen = [shuffled[i % len(shuffled)] for i in range(WARM_UP + args.batches)]
    chosen = [(torch.from_numpy(x), torch.from_numpy(y)) for x, y in chosen]

    def step(x, y):
        loss = loss_fn(snn_logits(net, x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    for x, y in chosen[:WARM_UP]:
        step(x, y)

    def train():
        for x, y in chosen[WARM_UP:]:
            step(x, y)

    def infer():
        with torch.no_grad():
            for x, _ in chosen[WARM_UP:]:
                snn_logits(net, x)

    _, train_seconds, train_foreign, _ = refbench.timed(train)
    _, infer_seconds, infer_foreign, _ = refbench.timed(infer)
    print(f"SNN repetition {rep + 1}: {train_seconds / args.batches:.3f} s per training batch, "
          f"{infer_seconds / args.batches:.3f} s per test batch", flush=True)
    return train_seconds / args.batches, infer_seconds / args.batches, (train_foreign, infer_foreign)


reps = [snn_repetition(r) for r in range(args.reps)]
train_batch = refbench.median([r[0] for r in reps])
infer_batch = refbench.median([r[1] for r in reps])
x = torch.from_numpy(x_train[:BATCH])
t0 = time.perf_counter()
for _ in range(10):
    spikegen.rate(x, num_steps=STEPS)
result = {
    "workload": "snn-mnist-classifier: 784-256-128-10, 100-step SNN and ReLU ANN",
    "steps": STEPS, "batch": BATCH, "beta": BETA,
    "n_train": int(n_train), "n_test": int(n_test), "epoch_batches": epoch_batches,
    "snn_timed_batches": args.batches,
    "spikegen_rate_s_per_batch": (time.perf_counter() - t0) / 10,
    "snn_train_s_per_batch_reps": [r[0] for r in reps],
    "snn_infer_s_per_batch_reps": [r[1] for r in reps],
    "snn_foreign_cores_train_infer": [r[2] for r in reps],
    "snn_train_s_per_batch_median": train_batch,
    "snn_infer_s_per_batch_median": infer_batch,
    # Named for the full data set (469 batches, 10,000 test images); with --limit they are the
    # epoch and test pass of the limited parts.
    "snn_train_s_per_epoch_extrap_469": train_batch * epoch_batches,
    "snn_infer_s_per_10k_extrap": infer_batch * n_test / BATCH,
}

# ---- ANN ----

if not args.snn_only:
    torch.manual_seed(0)
    ann = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(ann.parameters(), lr=1e-3)
    test_images, test_labels = torch.from_numpy(x_test), torch.from_numpy(y_test)

    def ann_epoch(index):
        for x, y in refbench.batches(x_train, y_train, BATCH, seed=100 + index):
            loss = loss_fn(ann(torch.from_numpy(x)), torch.from_numpy(y))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    def ann_accuracy():
        with torch.no_grad():
            return (ann(test_images).argmax(1) == test_labels).float().mean().item()

    epoch_seconds, epoch_foreign, accuracies = [], [], []
    for e in range(args.ann_epochs):
        _, seconds, foreign, _ = refbench.timed(lambda: ann_epoch(e))
        epoch_seconds.append(seconds)
        epoch_foreign.append(foreign)
        accuracies.append(ann_accuracy())
        print(f"ANN epoch {e + 1}: {seconds:.2f} s, test accuracy {accuracies[-1]:.4f}", flush=True)
    infer_seconds = [refbench.timed(ann_accuracy)[1] for _ in range(3)]
    result.update({
        "ann_epochs": args.ann_epochs,
        "ann_s_per_epoch_reps": epoch_seconds,
        "ann_epoch_foreign_cores": epoch_foreign,
        "ann_s_per_epoch_median": refbench.median(epoch_seconds),
        "ann_s_per_batch": refbench.median(epoch_seconds) / epoch_batches,
        "ann_test_acc_per_epoch": accuracies,
        "ann_test_acc_final": accuracies[-1],
        # The whole test set (10,000 unless --limit) in one batch.
        "ann_infer_s_per_10k_single_batch": refbench.median(infer_seconds),
    })

refbench.save("w2", result)
