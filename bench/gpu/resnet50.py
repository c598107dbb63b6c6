"""ResNet-50 at 224×224 on a CUDA GPU: NetDesigner's PyTorch engine vs a plain torchvision loop.

Both train the same architecture on the same synthetic images with the same batch size, bf16
autocast (fp16 where the GPU lacks bf16) and channels_last; the engine trains NetDesigner's
exported ResNet-50 (resnet50_netd.py, written by `netd export --to pytorch`) through
netd_torch's trainer, the plain loop trains torchvision.models.resnet50 (or the same layout
written out here when torchvision is not installed). Needs only Python and torch 2.x (1.13 works).
Prints the device, each rate and the ratio (target ≥ 0.95×). Figures only.

    python bench/gpu/resnet50.py [--batch-size 128] [--epochs 12]
"""
import argparse
import contextlib
import io
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "main", "training", "pytorch"))
sys.path.insert(0, HERE)
from netd_torch.data import load_synthetic, prepare  # noqa: E402
from netd_torch.trainer import train  # noqa: E402
from resnet50_netd import ResNet50  # noqa: E402


def torchvision_resnet50(classes: int) -> nn.Module:
    try:
        from torchvision.models import resnet50

        return resnet50(num_classes=classes)
    except ImportError:
        return _ResNet50(classes)


class _Bottleneck(nn.Module):
    """torchvision's Bottleneck (stride on the 3×3), for machines without torchvision."""

    def __init__(self, cin: int, width: int, stride: int) -> None:
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(cin, width, 1, bias=False), nn.BatchNorm2d(width)
        self.conv2, self.bn2 = nn.Conv2d(width, width, 3, stride, 1, bias=False), nn.BatchNorm2d(width)
        self.conv3, self.bn3 = nn.Conv2d(width, 4 * width, 1, bias=False), nn.BatchNorm2d(4 * width)
        self.down = (
            nn.Sequential(nn.Conv2d(cin, 4 * width, 1, stride, bias=False), nn.BatchNorm2d(4 * width))
            if stride != 1 or cin != 4 * width
            else nn.Identity()
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        return F.relu(self.bn3(self.conv3(out)) + self.down(x))


class _ResNet50(nn.Module):
    def __init__(self, classes: int) -> None:
        super().__init__()
        layers = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1)]
        cin = 64
        for width, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
            for i in range(blocks):
                layers.append(_Bottleneck(cin, width, stride if i == 0 else 1))
                cin = 4 * width
        self.body = nn.Sequential(*layers)
        self.fc = nn.Linear(2048, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(self.body(x), 1), 1))


def plain_rate(x: np.ndarray, y: np.ndarray, args: argparse.Namespace, dtype: torch.dtype) -> float:
    """A hand-written loop: the median images/s of epochs 3.. over the same images."""
    device = torch.device("cuda")
    torch.backends.cudnn.benchmark = True
    model = torchvision_resnet50(4).to(device, memory_format=torch.channels_last)
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    scaler = torch.cuda.amp.GradScaler(enabled=dtype == torch.float16)
    rates = []
    for epoch in range(args.epochs):
        order = np.random.default_rng(epoch).permutation(len(y))
        torch.cuda.synchronize()
        start = time.perf_counter()
        for i in range(0, len(y), args.batch_size):
            idx = np.sort(order[i : i + args.batch_size])
            xb = torch.from_numpy(x[idx]).permute(0, 3, 1, 2).pin_memory().to(device, non_blocking=True)
            xb = xb.contiguous(memory_format=torch.channels_last)
            yb = torch.from_numpy(y[idx]).pin_memory().to(device, non_blocking=True)
            with torch.autocast("cuda", dtype=dtype):
                loss = F.cross_entropy(model(xb).float(), yb)
            opt.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
        torch.cuda.synchronize()
        rates.append(len(y) / (time.perf_counter() - start))
    return statistics.median(rates[2:])


def engine_rate(args: argparse.Namespace) -> float:
    """NetDesigner's trainer on its exported ResNet-50: the median epoch images/s from epoch 3 on."""
    argv = ["--data", "synthetic", "--limit", "0", "--test-limit", "8", "--val-split", "0",
            "--epochs", str(args.epochs), "--batch-size", str(args.batch_size), "--json", "--device", "cuda"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = train(ResNet50, argv)
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    if code != 0:
        raise SystemExit(f"the engine failed: {events[-1] if events else 'no output'}")
    rates = [e["imagesPerSecond"] for e in events if e["event"] == "epoch"]
    return statistics.median(rates[2:])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--epochs", type=int, default=12, help="each is one pass over the ~530 synthetic images")
    p.add_argument("--repeats", type=int, default=2)
    args = p.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("bench/gpu/resnet50.py needs a CUDA GPU (torch.cuda.is_available() is False)")
    bf16 = torch.cuda.is_bf16_supported()
    dtype = torch.bfloat16 if bf16 else torch.float16
    # The same images the engine trains on: NetDesigner's synthetic set at 224×224×3, normalised.
    ds = load_synthetic((224, 224, 3), 0, 8, 1)
    prepare(ds, 0.0, 1)
    plain, engine = [], []
    for _ in range(args.repeats):
        plain.append(plain_rate(ds.train.images, ds.train.labels, args, dtype))
        engine.append(engine_rate(args))
    result = {
        "device": torch.cuda.get_device_name(0),
        "torch": torch.__version__,
        "precision": "bf16" if bf16 else "fp16",
        "batch": args.batch_size,
        "images": int(len(ds.train.labels)),
        "plain_torchvision_img_s": round(max(plain), 1),
        "netdesigner_engine_img_s": round(max(engine), 1),
        "ratio": round(max(engine) / max(plain), 3),
    }
    print(f"{result['device']} · torch {result['torch']} · {result['precision']} autocast + channels_last · batch {args.batch_size}")
    print(f"  plain torchvision resnet50 loop : {result['plain_torchvision_img_s']:8.1f} img/s")
    print(f"  NetDesigner PyTorch engine      : {result['netdesigner_engine_img_s']:8.1f} img/s")
    print(f"  engine / plain                  : {result['ratio']:.3f}×")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
