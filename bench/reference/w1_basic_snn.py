"""The basic_snn notebook's network with snnTorch: 784-1000-10, two snn.Leaky layers (β = 0.95),
rate-coded input (spikegen.rate, T = 25), cross-entropy on the output spike counts, Adam 5e-4,
batch 128.

Times one training epoch from a fresh network (`--epochs N`: N epochs, each timed, the median
reported) and then the test pass (twice, batch 128), and writes OUT/w1.json.

usage: w1_basic_snn.py [--epochs N] [--seed S] [--limit N] [--data-dir DIR] [--out DIR] [--threads N] [--no-wait]
"""
import time

import refbench


def options(p):
    p.add_argument("--epochs", type=int, default=1, help="training epochs, each timed (default 1)")
    p.add_argument("--seed", type=int, default=0, help="torch seed; the batch order is seeded 123 + seed")


args = refbench.parse_args(__doc__, extra=options)

import snntorch as snn
import torch
import torch.nn as nn
from snntorch import spikegen

torch.set_num_threads(args.threads)
STEPS, BATCH, BETA, LR = 25, 128, 0.95, 5e-4


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.lif1 = nn.Linear(784, 1000), snn.Leaky(beta=BETA)
        self.fc2, self.lif2 = nn.Linear(1000, 10), snn.Leaky(beta=BETA)

    def forward(self, spikes):  # spikes [T, B, 784] → output spikes [T, B, 10]
        mem1, mem2 = self.lif1.init_leaky(), self.lif2.init_leaky()
        out = []
        for t in range(spikes.shape[0]):
            spk1, mem1 = self.lif1(self.fc1(spikes[t]), mem1)
            spk2, mem2 = self.lif2(self.fc2(spk1), mem2)
            out.append(spk2)
        return torch.stack(out)


x_train, y_train, x_test, y_test = refbench.load(args)
test_images, test_labels = torch.from_numpy(x_test), torch.from_numpy(y_test)
loss_fn = nn.CrossEntropyLoss()

torch.manual_seed(args.seed)
net = Net()
optimizer = torch.optim.Adam(net.parameters(), lr=LR, betas=(0.9, 0.999))


def epoch(index):
    last = None
    for x, y in refbench.batches(x_train, y_train, BATCH, seed=123 + args.seed + index):
        counts = net(spikegen.rate(torch.from_numpy(x), num_steps=STEPS)).sum(0)
        loss = loss_fn(counts, torch.from_numpy(y))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        last = loss.item()
    return last


def evaluate():
    correct = 0
    with torch.no_grad():
        for i in range(0, test_images.shape[0], BATCH):
            counts = net(spikegen.rate(test_images[i:i + BATCH], num_steps=STEPS)).sum(0)
            correct += (counts.argmax(1) == test_labels[i:i + BATCH]).sum().item()
    return correct / test_images.shape[0]


epoch_seconds, epoch_foreign, losses = [], [], []
for e in range(args.epochs):
    loss, seconds, foreign, _ = refbench.timed(lambda: epoch(e), tries=2)
    epoch_seconds.append(seconds)
    epoch_foreign.append(foreign)
    losses.append(loss)
    print(f"epoch {e + 1}: {seconds:.2f} s, last batch loss {loss:.4f} (other processes: {foreign:.2f} cores)", flush=True)

infer_seconds, infer_foreign = [], []
for _ in range(2):
    accuracy, seconds, foreign, _ = refbench.timed(evaluate)
    infer_seconds.append(seconds)
    infer_foreign.append(foreign)

# Encoding cost alone (it is part of every batch above).
x = torch.from_numpy(x_train[:BATCH])
t0 = time.perf_counter()
for _ in range(20):
    spikegen.rate(x, num_steps=STEPS)
spikegen_seconds = (time.perf_counter() - t0) / 20

batches = -(-x_train.shape[0] // BATCH)
refbench.save("w1", {
    "workload": "basic_snn: 784-1000-10 Leaky, T = 25",
    "steps": STEPS, "batch": BATCH, "beta": BETA, "lr": LR, "seed": args.seed,
    "n_train": int(x_train.shape[0]), "n_test": int(x_test.shape[0]), "full_epoch_batches": batches,
    "epoch_s_reps": epoch_seconds,
    "epoch_foreign_cores": epoch_foreign,
    "final_batch_loss": losses[-1],
    # The median epoch (the only one unless --epochs), as `spikedown bench` reports its own.
    "full_epoch_train_s": refbench.median(epoch_seconds),
    "full_epoch_foreign_cores": max(epoch_foreign),
    "train_s_per_batch": refbench.median(epoch_seconds) / batches,
    "spikegen_rate_s_per_batch": spikegen_seconds,
    # Over the test images (10,000 unless --limit).
    "infer_s_per_10k_reps": infer_seconds,
    "infer_foreign_cores": infer_foreign,
    "infer_s_per_10k_median": refbench.median(infer_seconds),
    "test_acc": accuracy,
    "test_acc_after_1_epoch_fashion": accuracy if args.epochs == 1 else None,
})
