"""Images/s of NetDesigner's PyTorch engine vs a plain hand-written PyTorch loop on the same model,
data and batch size, in the same process. Prints one JSON object. Figures only: never asserted.

    python bench/engine_vs_plain.py --model model.py --class Net [--batch-size 32] [--images 1024]
"""
import argparse
import contextlib
import io
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "training", "pytorch"))
from netd_torch.data import Rng, load_synthetic, normalize, prepare, shuffled_indices  # noqa: E402
from netd_torch.run import load_class  # noqa: E402
from netd_torch.trainer import cpu_threads, train  # noqa: E402


def engine_rate(cls: type, args: argparse.Namespace) -> float:
    """The engine's best epoch (training images/s, validation excluded) over --epochs epochs."""
    argv = ["--data", "synthetic", "--limit", str(args.images), "--test-limit", "8", "--val-split", "0",
            "--epochs", str(args.epochs), "--batch-size", str(args.batch_size), "--json", "--device", args.device,
            "--workers", str(torch.get_num_threads())]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        train(cls, argv)
    rates = [e["imagesPerSecond"] for e in map(json.loads, out.getvalue().splitlines()) if e["event"] == "epoch"]
    return max(rates)


def plain_rate(cls: type, args: argparse.Namespace) -> float:
    """What a user would write: Adam, cross-entropy, shuffled batches, no framework around it."""
    torch.manual_seed(0)
    device = torch.device(args.device)
    model = cls().to(device)
    c, h, w = model.input_shape
    ds = load_synthetic((h, w, c), args.images, 8, 1)
    p = prepare(ds, 0.0, 1)
    x, y = normalize(ds.train.images, p.mean, p.std), ds.train.labels
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    best = 0.0
    for epoch in range(args.epochs):
        order = np.random.default_rng(epoch).permutation(len(y))
        model.train()
        start = time.perf_counter()
        for i in range(0, len(y), args.batch_size):
            idx = np.sort(order[i : i + args.batch_size])
            xb = torch.from_numpy(x[idx]).permute(0, 3, 1, 2).to(device)
            yb = torch.from_numpy(y[idx]).to(device)
            out = model(xb)
            loss = F.nll_loss(torch.log(out.clamp(1e-7, 1 - 1e-7)), yb) if model.outputs_probabilities else F.cross_entropy(out, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
        loss.item()
        best = max(best, len(y) / (time.perf_counter() - start))
    return best


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--class", dest="class_name", required=True)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--images", type=int, default=1024)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--repeats", type=int, default=2, help="alternate plain/engine this many times; best of each")
    p.add_argument("--device", default="cpu")
    args = p.parse_args()
    cls, _ = load_class(args.model, args.class_name)
    torch.set_num_threads(cpu_threads(0, 1))  # the engine's own choice, for both loops: same work
    plain, engine = [], []
    for _ in range(args.repeats):  # alternating, so a noisy neighbour hurts both alike
        plain.append(plain_rate(cls, args))
        engine.append(engine_rate(cls, args))
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "plain": max(plain),
                      "engine": max(engine), "ratio": max(engine) / max(plain)}))


if __name__ == "__main__":
    main()
