"""The RSNN-with-snnTorch notebook's network on moving digits: a digit bouncing in a 64×64 canvas
for 20 frames (speed 2 px/frame, labelled by its class), frames fed as analog current to
Linear(4096, 256) → RLeaky(β = 0.9, all-to-all) → Linear(256, 10) → RLeaky(β = 0.9, all-to-all),
ATan surrogate (snnTorch's default), cross-entropy on the output spike counts, Adam 1e-3, batch 64.

Times training batches (3 × 20 batches after 2 warm-up ones, the median batch × batches per epoch;
`--epoch`: one real epoch as well, data generation excluded from its time, then the test accuracy)
and the test pass (twice, batch 250, on the first 2,000 test images unless --limit is smaller).
Sequences are made per batch from the base images (`moving_digits`, below), deterministic in
(seed, image index). Writes OUT/w6.json.

usage: w6_rsnn_moving.py [--epoch] [--seed S] [--limit N] [--data-dir DIR] [--out DIR] [--threads N] [--no-wait]
"""
import time

import numpy as np

import refbench


def options(p):
    p.add_argument("--epoch", action="store_true", help="also train one whole epoch and report its test accuracy")
    p.add_argument("--seed", type=int, default=0, help="torch seed; batch order and trajectories derive from it")


args = refbench.parse_args(__doc__, extra=options)

import snntorch as snn
import torch
import torch.nn as nn

torch.set_num_threads(args.threads)
CANVAS, FRAMES, SPEED, HIDDEN, BATCH, BETA, LR = 64, 20, 2.0, 256, 64, 0.9, 1e-3
N_TEST = 2000


def moving_digits(images, indices, seed):
    """images [N, 784] in [0, 1] → [FRAMES, N, CANVAS²]: each digit bouncing, its path fixed by (seed, index)."""
    span = CANVAS - 28
    out = np.zeros((FRAMES, images.shape[0], CANVAS, CANVAS), dtype=np.float32)
    for k, (image, index) in enumerate(zip(images, indices)):
        rng = np.random.default_rng([seed, int(index)])
        angle = rng.uniform(0, 2 * np.pi)
        vx, vy = SPEED * np.cos(angle), SPEED * np.sin(angle)
        x, y = rng.uniform(0, span), rng.uniform(0, span)
        digit = image.reshape(28, 28)
        for t in range(FRAMES):
            c, r = int(np.floor(x + 0.5)), int(np.floor(y + 0.5))
            out[t, k, r:r + 28, c:c + 28] = digit
            x, y = x + vx, y + vy
            if x < 0: x, vx = -x, -vx
            if x > span: x, vx = 2 * span - x, -vx
            if y < 0: y, vy = -y, -vy
            if y > span: y, vy = 2 * span - y, -vy
    return torch.from_numpy(out.reshape(FRAMES, images.shape[0], CANVAS * CANVAS))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(CANVAS * CANVAS, HIDDEN)
        self.rl1 = snn.RLeaky(beta=BETA, all_to_all=True, linear_features=HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, 10)
        self.rl2 = snn.RLeaky(beta=BETA, all_to_all=True, linear_features=10)

    def forward(self, frames):  # [T, B, 4096] → output spike counts [B, 10]
        spk1, mem1 = self.rl1.init_rleaky()
        spk2, mem2 = self.rl2.init_rleaky()
        counts = 0
        for t in range(frames.shape[0]):
            spk1, mem1 = self.rl1(self.fc1(frames[t]), spk1, mem1)
            spk2, mem2 = self.rl2(self.fc2(spk1), spk2, mem2)
            counts = counts + spk2
        return counts


x_train, y_train, x_test, y_test = refbench.load(args)
n_test = min(N_TEST, x_test.shape[0])
test_frames = moving_digits(x_test[:n_test], range(n_test), seed=10**6 + args.seed)
test_labels = torch.from_numpy(y_test[:n_test])
loss_fn = nn.CrossEntropyLoss()


def train_step(net, optimizer, frames, labels):
    loss = loss_fn(net(frames), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def batch_list(seed, count):
    """`count` training batches (order seeded by `seed`), their sequences made now (not timed)."""
    out = []
    order = np.random.default_rng(seed).permutation(x_train.shape[0])
    for k in range(count):
        idx = order[k * BATCH:(k + 1) * BATCH]
        out.append((moving_digits(x_train[idx], idx, seed=args.seed), torch.from_numpy(y_train[idx])))
    return out


def evaluate(net, size=250):
    correct = 0
    with torch.no_grad():
        for i in range(0, n_test, size):
            correct += (net(test_frames[:, i:i + size]).argmax(1) == test_labels[i:i + size]).sum().item()
    return correct / n_test


per_batch, batch_foreign = [], []
for rep in range(3):
    torch.manual_seed(args.seed + rep)
    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    batches = batch_list(123 + rep, 22)
    for frames, labels in batches[:2]:
        train_step(net, optimizer, frames, labels)

    def timed_batches():
        for frames, labels in batches[2:]:
            train_step(net, optimizer, frames, labels)

    _, seconds, foreign, _ = refbench.timed(timed_batches)
    per_batch.append(seconds / 20)
    batch_foreign.append(foreign)
    print(f"rep {rep + 1}: {1000 * seconds / 20:.1f} ms per batch (other processes: {foreign:.2f} cores)", flush=True)

torch.manual_seed(args.seed)
net = Net()
optimizer = torch.optim.Adam(net.parameters(), lr=LR)
result = {}
if args.epoch:
    spent = 0.0
    order = np.random.default_rng(123 + args.seed).permutation(x_train.shape[0])
    for lo in range(0, x_train.shape[0], BATCH):
        idx = order[lo:lo + BATCH]
        frames, labels = moving_digits(x_train[idx], idx, seed=args.seed), torch.from_numpy(y_train[idx])
        t0 = time.perf_counter()
        train_step(net, optimizer, frames, labels)
        spent += time.perf_counter() - t0
    result["full_epoch_train_s_excluding_data"] = spent
    print(f"epoch: {spent:.1f} s of training", flush=True)

infer_seconds, infer_foreign = [], []
for _ in range(2):
    accuracy, seconds, foreign, _ = refbench.timed(lambda: evaluate(net))
    infer_seconds.append(seconds)
    infer_foreign.append(foreign)

epoch_batches = -(-x_train.shape[0] // BATCH)
result.update({
    "workload": "RSNN moving digits: 4096-256-10 RLeaky (all-to-all), T = 20",
    "canvas": CANVAS, "frames": FRAMES, "speed": SPEED, "hidden": HIDDEN, "batch": BATCH, "lr": LR,
    "seed": args.seed, "n_train": int(x_train.shape[0]), "n_test": n_test,
    "train_s_per_batch_reps": per_batch,
    "train_foreign_cores": batch_foreign,
    "train_s_per_batch_median": refbench.median(per_batch),
    "train_s_per_epoch_extrap": refbench.median(per_batch) * epoch_batches,
    "infer_s_reps": infer_seconds,
    "infer_foreign_cores": infer_foreign,
    "infer_s_median": refbench.median(infer_seconds),
    "test_acc" + ("_after_1_epoch" if args.epoch else "_untrained"): accuracy,
})
refbench.save("w6", result)
