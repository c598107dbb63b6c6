#!/usr/bin/env python3
"""PyTorch (CPU) training throughput for the architectures bench/train.ts measures in tfjs.

Prints one JSON object: {"torch": version, "threads": n, "results": [{"model", "imagesPerSecond",
"batches", "batchSize"}]}. The models mirror NetDesigner's `lenet5` and `cifar-small` templates
at their default inputs (32x32x1 and 32x32x3, 10 classes), trained with SGD + momentum on
synthetic data, like the tfjs side.
"""
import argparse
import json
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:  # the caller checks for this message
    print(json.dumps({"error": "torch is not installed"}))
    sys.exit(3)


def lenet5(classes: int) -> nn.Module:
    # C1 6@5x5, S2 avg 2x2, C3 16@5x5, S4, C5 120@5x5, F6 84, tanh; softmax lives in the loss.
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2),
        nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2),
        nn.Conv2d(16, 120, 5), nn.Tanh(), nn.Flatten(),
        nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, classes),
    )


def cifar_small(classes: int) -> nn.Module:
    layers: list[nn.Module] = []
    cin = 3
    for stage, width in enumerate((32, 64, 128)):
        for _ in range(2):
            # TF 'same' with stride 1 and a 3x3 kernel is padding 1.
            layers += [nn.Conv2d(cin, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
            cin = width
        if stage < 2:
            layers.append(nn.MaxPool2d(2))
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, classes)]
    return nn.Sequential(*layers)


MODELS = {"lenet5": (lenet5, (1, 32, 32)), "cifar-small": (cifar_small, (3, 32, 32))}


def bench(name: str, batch: int, seconds: float) -> dict:
    build, shape = MODELS[name]
    model = build(10)
    model.train()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(batch, *shape)
    y = torch.randint(0, 10, (batch,))

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()

    for _ in range(3):  # warm-up: allocator, oneDNN primitive caches
        step()
    batches = 0
    start = time.perf_counter()
    while True:
        step()
        batches += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and batches >= 3:
            break
    return {"model": name, "imagesPerSecond": batches * batch / elapsed, "batches": batches, "batchSize": batch}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="lenet5,cifar-small")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0 = torch's default)")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    names = [m for m in args.models.split(",") if m]
    unknown = [m for m in names if m not in MODELS]
    if unknown:
        print(json.dumps({"error": f"unknown model(s) {unknown}; known: {sorted(MODELS)}"}))
        sys.exit(2)
    results = [bench(m, args.batch, args.seconds) for m in names]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()
