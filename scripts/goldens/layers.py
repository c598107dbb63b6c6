#!/usr/bin/env python3
"""PyTorch goldens for the layer catalog's shape and count rules.

Builds every case with torch.nn (torchvision's BasicBlock/Bottleneck for residual blocks, an
Inception module written from DESIGN.md), runs a forward pass on zeros and records the output
shape (channels-last, batch omitted), trainable parameters, non-trainable buffers (BatchNorm
running mean/var) and multiply-accumulates of Conv2d and Linear. TensorFlow 'same' padding is
emulated with explicit asymmetric F.pad, as TF does it.

Run: /usr/bin/python3 scripts/goldens/layers.py  → writes main/network/goldens/layers.json
(then formatted with Prettier when npx is available).
"""
import json
import math
import os
import subprocess

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models.resnet import BasicBlock, Bottleneck

torch.manual_seed(0)


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


class TfSame(nn.Module):
    """Wraps a window op with TensorFlow's 'same' padding (extra pixel at the bottom/right)."""

    def __init__(self, op, k, s, d, value=0.0):
        super().__init__()
        self.op, self.k, self.s, self.d, self.value = op, pair(k), pair(s), pair(d), value

    def forward(self, x):
        pads = []
        for axis in (1, 0):  # F.pad wants (left, right, top, bottom)
            size = x.shape[2 + axis]
            out = math.ceil(size / self.s[axis])
            total = max((out - 1) * self.s[axis] + self.d[axis] * (self.k[axis] - 1) + 1 - size, 0)
            pads += [total // 2, total - total // 2]
        return self.op(F.pad(x, pads, value=self.value))


def window_padding(padding):
    if padding == "valid":
        return (0, 0)
    return pair(padding)


def conv(cin, p):
    k, s, d = pair(p["kernelSize"]), pair(p.get("strides", 1)), pair(p.get("dilation", 1))
    padding = p.get("padding", "valid")
    bias = p.get("useBias", True)
    if padding == "same":
        return TfSame(nn.Conv2d(cin, p["filters"], k, s, 0, d, bias=bias), k, s, d)
    return nn.Conv2d(cin, p["filters"], k, s, window_padding(padding), d, bias=bias)


def pool(kind, p):
    k = pair(p.get("poolSize", 2))
    s = pair(p.get("strides", p.get("poolSize", 2)))
    padding = p.get("padding", "valid")
    if kind == "MaxPool2D":
        if padding == "same":
            return TfSame(nn.MaxPool2d(k, s), k, s, 1, value=float("-inf"))
        return nn.MaxPool2d(k, s, window_padding(padding))
    if padding == "same":
        return TfSame(nn.AvgPool2d(k, s), k, s, 1)
    return nn.AvgPool2d(k, s, window_padding(padding))


class Inception(nn.Module):
    """DESIGN.md's Inception: 1×1 | 1×1→3×3 (pad 1) | 1×1→5×5 (pad 2) | maxpool 3 s1 p1 → 1×1.

    A reduction or pool projection of 0 leaves that 1×1 out (the paper's naive module, Fig. 2a).
    """

    def __init__(self, cin, b1, b3r, b3, b5r, b5, poolProj, batchNorm=False):
        super().__init__()

        def cbr(i, o, k):
            if batchNorm:
                return [nn.Conv2d(i, o, k, padding=k // 2, bias=False), nn.BatchNorm2d(o), nn.ReLU()]
            return [nn.Conv2d(i, o, k, padding=k // 2), nn.ReLU()]

        def reduced(r, o, k):
            return [*cbr(cin, r, 1), *cbr(r, o, k)] if r > 0 else cbr(cin, o, k)

        self.b1 = nn.Sequential(*cbr(cin, b1, 1))
        self.b3 = nn.Sequential(*reduced(b3r, b3, 3))
        self.b5 = nn.Sequential(*reduced(b5r, b5, 5))
        self.bp = nn.Sequential(nn.MaxPool2d(3, 1, 1), *(cbr(cin, poolProj, 1) if poolProj > 0 else []))

    def forward(self, x):
        return torch.cat([self.b1(x), self.b3(x), self.b5(x), self.bp(x)], 1)


def residual(shape, p):
    """torchvision's block; DESIGN.md keeps the identity shortcut whenever the shape is unchanged
    (torchvision projects whenever stride != 1, which differs only on a 1-pixel axis)."""
    h, w, cin = shape
    variant, planes, stride = p.get("variant", "basic"), p["filters"], p.get("strides", 1)
    block = BasicBlock if variant == "basic" else Bottleneck
    out = planes * block.expansion
    down = None
    if -(-h // stride) != h or -(-w // stride) != w or cin != out:
        down = nn.Sequential(nn.Conv2d(cin, out, 1, stride, bias=False), nn.BatchNorm2d(out))
    return block(cin, planes, stride, down)


def build(layer, params, shape):
    c = shape[-1]
    if layer == "Conv2D":
        return conv(c, params)
    if layer in ("MaxPool2D", "AvgPool2D"):
        return pool(layer, params)
    if layer == "GlobalAvgPool2D":
        return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
    if layer == "GlobalMaxPool2D":
        return nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten())
    if layer == "Flatten":
        return nn.Flatten()
    if layer == "Dense":
        return nn.Linear(c, params["units"], bias=params.get("useBias", True))
    if layer == "BatchNorm":
        return nn.BatchNorm2d(c) if len(shape) == 3 else nn.BatchNorm1d(c)
    if layer == "Activation":
        return nn.ReLU()
    if layer == "Dropout":
        return nn.Dropout(params.get("rate", 0.5))
    if layer == "LRN":
        return nn.LocalResponseNorm(2 * params.get("depthRadius", 2) + 1)
    if layer == "Inception":
        return Inception(c, **params)
    if layer == "ResidualBlock":
        return residual(shape, params)
    raise ValueError(layer)


def measure(layer, params, shape):
    model = build(layer, params, shape).eval()
    macs = [0]

    def hook(mod, _inp, out):
        if isinstance(mod, nn.Conv2d):
            kh, kw = mod.kernel_size
            macs[0] += out.numel() * (mod.in_channels // mod.groups) * kh * kw
        elif isinstance(mod, nn.Linear):
            macs[0] += mod.in_features * mod.out_features

    for m in model.modules():
        m.register_forward_hook(hook)
    x = torch.zeros(1, shape[2], shape[0], shape[1]) if len(shape) == 3 else torch.zeros(1, shape[0])
    with torch.no_grad():
        y = model(x)
    out = list(y.shape[1:])
    if len(out) == 3:
        out = [out[1], out[2], out[0]]  # NCHW → HWC
    buffers = sum(b.numel() for n, b in model.named_buffers() if not n.endswith("num_batches_tracked"))
    return {
        "output": out,
        "trainable": sum(p.numel() for p in model.parameters()),
        "nonTrainable": buffers,
        "macs": macs[0],
    }


# (name, layer type, params as in a .netd.json, input shape [H, W, C] or [N])
CASES = [
    ("conv 3x3 valid", "Conv2D", {"filters": 16, "kernelSize": 3}, [32, 32, 3]),
    ("conv 3x3 pad 1", "Conv2D", {"filters": 128, "kernelSize": 3, "padding": 1}, [56, 56, 64]),
    ("conv 3x3 same", "Conv2D", {"filters": 32, "kernelSize": 3, "padding": "same"}, [28, 28, 1]),
    ("conv 3x3 same s2 odd", "Conv2D", {"filters": 8, "kernelSize": 3, "strides": 2, "padding": "same"}, [7, 7, 4]),
    ("conv 5x5 same s2", "Conv2D", {"filters": 24, "kernelSize": 5, "strides": 2, "padding": "same"}, [224, 224, 3]),
    ("resnet stem 7x7 s2 p3", "Conv2D", {"filters": 64, "kernelSize": 7, "strides": 2, "padding": 3, "useBias": False}, [224, 224, 3]),
    ("alexnet conv1 11x11 s4 p2", "Conv2D", {"filters": 64, "kernelSize": 11, "strides": 4, "padding": 2}, [224, 224, 3]),
    ("conv 1x7 pad [0,3]", "Conv2D", {"filters": 32, "kernelSize": [1, 7], "padding": [0, 3]}, [17, 17, 16]),
    ("conv dilation 2 pad 2", "Conv2D", {"filters": 16, "kernelSize": 3, "dilation": 2, "padding": 2}, [20, 20, 8]),
    ("conv dilation 3 valid", "Conv2D", {"filters": 16, "kernelSize": 3, "dilation": 3}, [20, 20, 8]),
    ("conv dilation 2 same s2", "Conv2D", {"filters": 4, "kernelSize": 3, "dilation": 2, "strides": 2, "padding": "same"}, [15, 15, 2]),
    ("conv strides [2,1]", "Conv2D", {"filters": 12, "kernelSize": 3, "strides": [2, 1]}, [16, 16, 6]),
    ("conv 1x1 no bias", "Conv2D", {"filters": 256, "kernelSize": 1, "useBias": False}, [14, 14, 512]),
    ("conv relu activation", "Conv2D", {"filters": 8, "kernelSize": 5, "activation": "relu"}, [28, 28, 1]),
    ("maxpool 2", "MaxPool2D", {"poolSize": 2}, [32, 32, 16]),
    ("maxpool 2 odd", "MaxPool2D", {"poolSize": 2}, [7, 7, 16]),
    ("maxpool 3 s2 alexnet", "MaxPool2D", {"poolSize": 3, "strides": 2}, [55, 55, 64]),
    ("maxpool 3 s2 p1 resnet", "MaxPool2D", {"poolSize": 3, "strides": 2, "padding": 1}, [112, 112, 64]),
    ("maxpool 3 s1 p1", "MaxPool2D", {"poolSize": 3, "strides": 1, "padding": 1}, [28, 28, 192]),
    ("maxpool 3 s2 same", "MaxPool2D", {"poolSize": 3, "strides": 2, "padding": "same"}, [7, 7, 8]),
    ("maxpool [2,3] s[2,1]", "MaxPool2D", {"poolSize": [2, 3], "strides": [2, 1]}, [10, 10, 3]),
    ("avgpool 2", "AvgPool2D", {"poolSize": 2}, [28, 28, 6]),
    ("avgpool 3 s1 p1", "AvgPool2D", {"poolSize": 3, "strides": 1, "padding": 1}, [9, 9, 5]),
    ("avgpool 2 same odd", "AvgPool2D", {"poolSize": 2, "padding": "same"}, [5, 5, 3]),
    ("gap", "GlobalAvgPool2D", {}, [7, 7, 512]),
    ("gmp", "GlobalMaxPool2D", {}, [4, 4, 96]),
    ("flatten", "Flatten", {}, [7, 7, 64]),
    ("flatten flat", "Flatten", {}, [100]),
    ("dense", "Dense", {"units": 128}, [3136]),
    ("dense no bias", "Dense", {"units": 10, "useBias": False}, [84]),
    ("dense softmax", "Dense", {"units": 1000, "activation": "softmax"}, [2048]),
    ("batchnorm 3d", "BatchNorm", {}, [28, 28, 64]),
    ("batchnorm 1d", "BatchNorm", {}, [100]),
    ("activation", "Activation", {"fn": "relu"}, [8, 8, 4]),
    ("dropout", "Dropout", {"rate": 0.4}, [1024]),
    ("lrn", "LRN", {"depthRadius": 2, "bias": 1, "alpha": 1e-4, "beta": 0.75}, [27, 27, 64]),
    ("inception 3a", "Inception", {"b1": 64, "b3r": 96, "b3": 128, "b5r": 16, "b5": 32, "poolProj": 32}, [28, 28, 192]),
    ("inception 5b", "Inception", {"b1": 384, "b3r": 192, "b3": 384, "b5r": 48, "b5": 128, "poolProj": 128}, [7, 7, 832]),
    ("inception bn", "Inception", {"b1": 16, "b3r": 8, "b3": 24, "b5r": 4, "b5": 8, "poolProj": 8, "batchNorm": True}, [12, 12, 20]),
    ("inception naive 3a", "Inception", {"b1": 64, "b3r": 0, "b3": 128, "b5r": 0, "b5": 32, "poolProj": 0}, [28, 28, 192]),
    ("inception naive bn", "Inception", {"b1": 8, "b3r": 0, "b3": 12, "b5r": 0, "b5": 4, "poolProj": 0, "batchNorm": True}, [9, 9, 6]),
    ("inception only 5x5 reduce off", "Inception", {"b1": 16, "b3r": 8, "b3": 24, "b5r": 0, "b5": 8, "poolProj": 8}, [10, 10, 20]),
    ("inception pool proj off", "Inception", {"b1": 16, "b3r": 8, "b3": 24, "b5r": 4, "b5": 8, "poolProj": 0}, [10, 10, 20]),
    ("basic identity", "ResidualBlock", {"variant": "basic", "filters": 64}, [56, 56, 64]),
    ("basic s2", "ResidualBlock", {"variant": "basic", "filters": 128, "strides": 2}, [56, 56, 64]),
    ("basic channel projection", "ResidualBlock", {"variant": "basic", "filters": 32}, [16, 16, 16]),
    ("bottleneck first (projection s1)", "ResidualBlock", {"variant": "bottleneck", "filters": 64}, [56, 56, 64]),
    ("bottleneck identity", "ResidualBlock", {"variant": "bottleneck", "filters": 64}, [56, 56, 256]),
    ("bottleneck s2", "ResidualBlock", {"variant": "bottleneck", "filters": 128, "strides": 2}, [56, 56, 256]),
    ("bottleneck s2 odd", "ResidualBlock", {"variant": "bottleneck", "filters": 8, "strides": 2}, [7, 7, 16]),
    ("basic s2 on 1x1 keeps identity", "ResidualBlock", {"variant": "basic", "filters": 16, "strides": 2}, [1, 1, 16]),
]


def main():
    cases = []
    for name, layer, params, shape in CASES:
        cases.append({"name": name, "type": layer, "params": params, "input": shape, **measure(layer, params, shape)})
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "main", "network", "goldens", "layers.json")
    with open(path, "w") as f:
        json.dump({"generator": "scripts/goldens/layers.py", "torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
    # The repo's format check covers JSON too; let Prettier lay it out when it is installed.
    try:
        subprocess.run(["npx", "prettier", "--write", path], check=False, capture_output=True)
    except OSError:
        pass


if __name__ == "__main__":
    main()
