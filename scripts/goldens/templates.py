#!/usr/bin/env python3
"""Reference counts for NetDesigner's templates, computed with PyTorch (never from our own code).

Run with Debian's python3 (torch 1.13 / torchvision 0.14):

    /usr/bin/python3 scripts/goldens/templates.py

Writes main/templates/goldens.json: for every template, trainable parameters (as
``sum(p.numel() for p in model.parameters())``), non-trainable buffers of BatchNorm (running mean
and variance), conv + linear multiply-accumulates (forward hooks) and the output shape, at the
input and class count named in the entry.
"""
import json
import os
import sys

import torch
from torch import nn
import torchvision.models as tvm


def count(model, input_hwc):
    """Params, BN running stats and conv+linear MACs of one forward pass of a single example."""
    model.eval()
    macs = [0]

    def conv_hook(module, inputs, output):
        kh, kw = module.kernel_size
        cin = module.in_channels // module.groups
        macs[0] += output.numel() * cin * kh * kw

    def linear_hook(module, inputs, output):
        macs[0] += module.in_features * module.out_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear_hook))
    h, w, c = input_hwc
    with torch.no_grad():
        out = model(torch.zeros(1, c, h, w))
    for hk in hooks:
        hk.remove()
    trainable = sum(p.numel() for p in model.parameters())
    non_trainable = sum(
        m.running_mean.numel() + m.running_var.numel()
        for m in model.modules()
        if isinstance(m, nn.BatchNorm2d)
    )
    return {
        "input": list(input_hwc),
        "trainableParams": int(trainable),
        "nonTrainableParams": int(non_trainable),
        "macs": int(macs[0]),
        "outputShape": list(out.shape[1:]),
    }


class Inception(nn.Module):
    """GoogLeNet's module with dimension reduction (Szegedy et al. 2014, Figure 2b)."""

    def __init__(self, cin, b1, b3r, b3, b5r, b5, pool_proj):
        super().__init__()
        self.branch1 = nn.Sequential(nn.Conv2d(cin, b1, 1), nn.ReLU(inplace=True))
        self.branch2 = nn.Sequential(
            nn.Conv2d(cin, b3r, 1), nn.ReLU(inplace=True),
            nn.Conv2d(b3r, b3, 3, padding=1), nn.ReLU(inplace=True))
        self.branch3 = nn.Sequential(
            nn.Conv2d(cin, b5r, 1), nn.ReLU(inplace=True),
            nn.Conv2d(b5r, b5, 5, padding=2), nn.ReLU(inplace=True))
        self.branch4 = nn.Sequential(
            nn.MaxPool2d(3, stride=1, padding=1),
            nn.Conv2d(cin, pool_proj, 1), nn.ReLU(inplace=True))

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)


# Table 1 of "Going deeper with convolutions": (name, #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj)
GOOGLENET_TABLE = [
    ("3a", 64, 96, 128, 16, 32, 32), ("3b", 128, 128, 192, 32, 96, 64), "pool",
    ("4a", 192, 96, 208, 16, 48, 64), ("4b", 160, 112, 224, 24, 64, 64),
    ("4c", 128, 128, 256, 24, 64, 64), ("4d", 112, 144, 288, 32, 64, 64),
    ("4e", 256, 160, 320, 32, 128, 128), "pool",
    ("5a", 256, 160, 320, 32, 128, 128), ("5b", 384, 192, 384, 48, 128, 128),
]


def googlenet_2014(num_classes=1000):
    """The paper's GoogLeNet: biases, no BN, 5x5 branches, no auxiliary heads, LRN, dropout 0.4."""
    # Max pools 3x3/2 with ceil-style output (112 -> 56 -> 28 -> 14 -> 7), as the table's sizes.
    def pool():
        return nn.MaxPool2d(3, stride=2, padding=1)

    layers = [
        nn.Conv2d(3, 64, 7, stride=2, padding=3), nn.ReLU(inplace=True), pool(),
        nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0),
        nn.Conv2d(64, 64, 1), nn.ReLU(inplace=True),
        nn.Conv2d(64, 192, 3, padding=1), nn.ReLU(inplace=True),
        nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0), pool(),
    ]
    cin = 192
    for row in GOOGLENET_TABLE:
        if row == "pool":
            layers.append(pool())
            continue
        _, b1, b3r, b3, b5r, b5, pp = row
        layers.append(Inception(cin, b1, b3r, b3, b5r, b5, pp))
        cin = b1 + b3 + b5 + pp
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.4), nn.Linear(cin, num_classes)]
    return nn.Sequential(*layers)


def lenet5(num_classes=10):
    """LeNet-5 (LeCun et al. 1998) in its common modern form: full C3, tanh, avg pools, linear output."""
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2),
        nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2),
        nn.Conv2d(16, 120, 5), nn.Tanh(), nn.Flatten(),
        nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, num_classes))


def cifar_small(num_classes=10):
    """NetDesigner's quick-training CIFAR net: 3 stages of two 3x3 conv-BN-ReLU, max pool, GAP, linear."""
    layers, cin = [], 3
    for i, width in enumerate((32, 64, 128)):
        for _ in range(2):
            layers += [nn.Conv2d(cin, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
            cin = width
        if i < 2:
            layers.append(nn.MaxPool2d(2))
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(cin, num_classes)]
    return nn.Sequential(*layers)


def resnet_small_stem(builder, num_classes):
    """torchvision ResNet with the CIFAR-style stem NetDesigner uses for small inputs."""
    model = builder(num_classes=num_classes)
    model.conv1 = nn.Conv2d(3, 64, 3, stride=1, padding=1, bias=False)
    model.maxpool = nn.Identity()
    return model


def main():
    torch.manual_seed(0)
    imagenet = (224, 224, 3)
    entries = {}
    for name in ("alexnet", "vgg11", "vgg13", "vgg16", "vgg19",
                 "resnet18", "resnet34", "resnet50", "resnet101", "resnet152"):
        model = getattr(tvm, name)(weights=None)
        entries[name] = {"source": f"torchvision.models.{name}", **count(model, imagenet)}
        print(name, entries[name], file=sys.stderr)
    entries["googlenet"] = {"source": "Szegedy et al. 2014, Table 1 (built here)",
                            **count(googlenet_2014(), imagenet)}
    entries["lenet5"] = {"source": "LeCun et al. 1998, modern form (built here)",
                         **count(lenet5(), (32, 32, 1))}
    entries["cifar-small"] = {"source": "NetDesigner quick CIFAR net (built here)",
                              **count(cifar_small(), (32, 32, 3))}
    # Adapted variants: what buildTemplate must produce for small inputs.
    entries["resnet18@32x32x3/10"] = {
        "source": "torchvision.models.resnet18, conv1 3x3/1, no max pool, 10 classes",
        **count(resnet_small_stem(tvm.resnet18, 10), (32, 32, 3))}
    entries["resnet50@32x32x3/10"] = {
        "source": "torchvision.models.resnet50, conv1 3x3/1, no max pool, 10 classes",
        **count(resnet_small_stem(tvm.resnet50, 10), (32, 32, 3))}
    for key in ("googlenet", "lenet5", "cifar-small", "resnet18@32x32x3/10", "resnet50@32x32x3/10"):
        print(key, entries[key], file=sys.stderr)

    out = os.path.join(os.path.dirname(__file__), "..", "..", "main", "templates", "goldens.json")
    doc = {
        "generatedBy": "scripts/goldens/templates.py",
        "torch": torch.__version__,
        "torchvision": __import__("torchvision").__version__,
        "templates": entries,
    }
    with open(os.path.normpath(out), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    print("wrote", os.path.normpath(out), file=sys.stderr)


if __name__ == "__main__":
    main()
