"""The PyTorch side of `deno task bench`: the same two models, the same data,
the same settings (batch 64, Adam lr 1e-3 eps 1e-7, Glorot-uniform weights,
zero biases), timed the same way (median samples/s over epochs, the first
excluded).

usage: bench_torch.py DIGITS_DIR SPLIT_JSON EPOCHS BATCH [BATCH ...]
Prints one JSON object.
"""
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn

torch.set_num_threads(2)  # this Debian build defaults to 1


def load(digits_dir, split_json):
    pairs = json.load(open(split_json))
    raw = [json.load(open(os.path.join(digits_dir, f"{d}.json")))["data"] for d in range(10)]
    x = torch.tensor([raw[d][i * 784:(i + 1) * 784] for d, i in pairs], dtype=torch.float32)
    y = torch.tensor([d for d, _ in pairs])
    return x.view(-1, 1, 28, 28), y


def init(m):
    if isinstance(m, (nn.Linear, nn.Conv2d)):
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)


def models():
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    cnn = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3), nn.ReLU(),
                        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(800, 10))
    return {"mlp": mlp, "cnn": cnn}


def throughput(model, x, y, epochs, batch):
    torch.manual_seed(0)
    model.apply(init)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    rates = []
    n = x.shape[0]
    for _ in range(epochs):
        order = torch.randperm(n)
        t0 = time.perf_counter()
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates[1:]) if len(rates) > 1 else rates[0]


def main(argv):
    digits_dir, split_json, epochs = argv[0], argv[1], int(argv[2])
    batches = [int(b) for b in argv[3:]]
    x, y = load(digits_dir, split_json)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "train": {}}
    for name, model in models().items():
        for b in batches:
            out["train"][f"{name}@{b}"] = throughput(model, x, y, epochs, b)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
