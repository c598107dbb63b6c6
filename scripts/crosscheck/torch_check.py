#!/usr/bin/env python3
"""Builds NetDesigner networks (*.netd.json documents) with torch.nn and reports what PyTorch says.

Usage: /usr/bin/python3 scripts/crosscheck/torch_check.py GRAPHS.json

GRAPHS.json is a list of network documents. For each one this runs a forward pass on a zero
batch of one and prints, as JSON on stdout, every node's output shape (channels-last, batch
omitted), trainable parameters, BatchNorm running statistics (non-trainable) and conv + linear
multiply-accumulates. The layer semantics follow DESIGN.md, written from the paper / torchvision
definitions rather than from the TypeScript engine.
"""
import json
import math
import sys

import torch
import torch.nn.functional as F
from torch import nn


def pair(v):
    return (v, v) if isinstance(v, int) else (v[0], v[1])


def activation(name):
    return {
        "linear": nn.Identity(), "relu": nn.ReLU(), "relu6": nn.ReLU6(), "leakyRelu": nn.LeakyReLU(0.2),
        "elu": nn.ELU(), "sigmoid": nn.Sigmoid(), "tanh": nn.Tanh(), "softmax": nn.Softmax(dim=1),
        "gelu": nn.GELU(),
    }[name]


class Window(nn.Module):
    """A conv or pool with DESIGN.md's padding: 'valid', 'same' (TensorFlow, extra pad bottom/right) or int p."""

    def __init__(self, op, k, s, padding, d=(1, 1), fill=0.0):
        super().__init__()
        self.op, self.k, self.s, self.d, self.padding, self.fill = op, k, s, d, padding, fill

    def forward(self, x):
        if self.padding == "same":
            pads = []
            for axis in (1, 0):  # F.pad lists the last axis (width) first
                size = x.shape[2 + axis]
                out = math.ceil(size / self.s[axis])
                total = max((out - 1) * self.s[axis] + self.d[axis] * (self.k[axis] - 1) + 1 - size, 0)
                pads += [total // 2, total - total // 2]
            x = F.pad(x, pads, value=self.fill)
        return self.op(x)


def conv(cin, p, bias_default=True):
    k = pair(p["kernelSize"])
    s = pair(p.get("strides", 1))
    d = pair(p.get("dilation", 1))
    padding = p.get("padding", "valid")
    torch_pad = padding if isinstance(padding, int) else 0
    layer = nn.Conv2d(cin, p["filters"], k, s, torch_pad, d, bias=p.get("useBias", bias_default))
    return nn.Sequential(Window(layer, k, s, padding, d), activation(p.get("activation", "linear")))


def pool(kind, p):
    k = pair(p.get("poolSize", 2))
    s = pair(p.get("strides", p.get("poolSize", 2)))
    padding = p.get("padding", "valid")
    torch_pad = padding if isinstance(padding, int) else 0
    if kind == "MaxPool2D":
        return Window(nn.MaxPool2d(k, s, torch_pad), k, s, padding, fill=float("-inf"))
    return Window(nn.AvgPool2d(k, s, torch_pad), k, s, padding)


class Inception(nn.Module):
    def __init__(self, cin, p):
        super().__init__()
        bn = p.get("batchNorm", False)

        def unit(ci, co, k):
            layers = [nn.Conv2d(ci, co, k, padding=k // 2, bias=not bn)]
            if bn:
                layers.append(nn.BatchNorm2d(co))
            return layers + [nn.ReLU()]

        self.b1 = nn.Sequential(*unit(cin, p["b1"], 1))
        self.b3 = nn.Sequential(*unit(cin, p["b3r"], 1), *unit(p["b3r"], p["b3"], 3))
        self.b5 = nn.Sequential(*unit(cin, p["b5r"], 1), *unit(p["b5r"], p["b5"], 5))
        self.bp = nn.Sequential(nn.MaxPool2d(3, 1, 1), *unit(cin, p["poolProj"], 1))

    def forward(self, x):
        return torch.cat([self.b1(x), self.b3(x), self.b5(x), self.bp(x)], 1)


class Residual(nn.Module):
    """torchvision's BasicBlock / Bottleneck; projection shortcut exactly when the shape changes."""

    def __init__(self, cin, size, p):
        super().__init__()
        f, s = p["filters"], p.get("strides", 1)
        if p.get("variant", "basic") == "basic":
            out = f
            self.body = nn.Sequential(
                nn.Conv2d(cin, f, 3, s, 1, bias=False), nn.BatchNorm2d(f), nn.ReLU(),
                nn.Conv2d(f, f, 3, 1, 1, bias=False), nn.BatchNorm2d(f))
        else:
            out = 4 * f
            self.body = nn.Sequential(
                nn.Conv2d(cin, f, 1, bias=False), nn.BatchNorm2d(f), nn.ReLU(),
                nn.Conv2d(f, f, 3, s, 1, bias=False), nn.BatchNorm2d(f), nn.ReLU(),
                nn.Conv2d(f, out, 1, bias=False), nn.BatchNorm2d(out))
        h, w = size
        same = cin == out and (h - 1) // s + 1 == h and (w - 1) // s + 1 == w
        self.shortcut = nn.Identity() if same else nn.Sequential(
            nn.Conv2d(cin, out, 1, s, bias=False), nn.BatchNorm2d(out))

    def forward(self, x):
        return F.relu(self.body(x) + self.shortcut(x))


class FlattenHWC(nn.Module):
    def forward(self, x):
        return x.permute(0, 2, 3, 1).flatten(1) if x.dim() == 4 else x


def build_module(node, inputs):
    """The torch module for one node, given its input tensors (NCHW or NC)."""
    t, p = node["type"], node.get("params", {})
    x = inputs[0] if inputs else None
    if t == "Conv2D":
        return conv(x.shape[1], p)
    if t in ("MaxPool2D", "AvgPool2D"):
        return pool(t, p)
    if t == "GlobalAvgPool2D":
        return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
    if t == "GlobalMaxPool2D":
        return nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten())
    if t == "Flatten":
        return FlattenHWC()
    if t == "Dense":
        return nn.Sequential(nn.Linear(x.shape[1], p["units"], bias=p.get("useBias", True)),
                             activation(p.get("activation", "linear")))
    if t == "BatchNorm":
        return nn.BatchNorm2d(x.shape[1]) if x.dim() == 4 else nn.BatchNorm1d(x.shape[1])
    if t == "Activation":
        return activation(p.get("fn", "relu"))
    if t == "Dropout":
        return nn.Dropout(p.get("rate", 0.5))
    if t == "LRN":
        n = 2 * p.get("depthRadius", 2) + 1
        # TensorFlow sums alpha·x² over the window; PyTorch divides alpha by the window size.
        return nn.LocalResponseNorm(n, p.get("alpha", 1e-4) * n, p.get("beta", 0.75), p.get("bias", 1.0))
    if t == "Inception":
        return Inception(x.shape[1], p)
    if t == "ResidualBlock":
        return Residual(x.shape[1], (x.shape[2], x.shape[3]), p)
    raise ValueError(f"unsupported node type {t}")


def run(doc):
    nodes = {n["id"]: n for n in doc["nodes"]}
    incoming = {n["id"]: [] for n in doc["nodes"]}
    for e in doc["edges"]:
        incoming[e["target"]].append(e["source"])
    done, order = set(), []
    while len(order) < len(nodes):
        ready = [i for i in nodes if i not in done and all(s in done for s in incoming[i])]
        if not ready:
            raise ValueError("graph has a cycle")
        for i in ready:
            done.add(i)
            order.append(i)

    tensors, report = {}, {}
    with torch.no_grad():
        for nid in order:
            node = nodes[nid]
            inputs = [tensors[s] for s in incoming[nid]]
            macs = [0]
            trainable = non_trainable = 0
            if node["type"] == "Input":
                h, w, c = node["params"]["shape"]
                y = torch.zeros(1, c, h, w)
            elif node["type"] == "Add":
                y = sum(inputs[1:], inputs[0])
            elif node["type"] == "Concat":
                y = torch.cat(inputs, 1)
            else:
                module = build_module(node, inputs)
                module.eval()

                def conv_hook(m, i, o):
                    macs[0] += o.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

                def linear_hook(m, i, o):
                    macs[0] += m.in_features * m.out_features

                for m in module.modules():
                    if isinstance(m, nn.Conv2d):
                        m.register_forward_hook(conv_hook)
                    elif isinstance(m, nn.Linear):
                        m.register_forward_hook(linear_hook)
                y = module(inputs[0])
                trainable = sum(q.numel() for q in module.parameters())
                non_trainable = sum(m.running_mean.numel() + m.running_var.numel()
                                    for m in module.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm))
            tensors[nid] = y
            shape = [y.shape[2], y.shape[3], y.shape[1]] if y.dim() == 4 else [y.shape[1]]
            report[nid] = {"outputShape": [int(v) for v in shape], "trainableParams": int(trainable),
                           "nonTrainableParams": int(non_trainable), "macs": int(macs[0])}
    return report


def main():
    with open(sys.argv[1]) as f:
        docs = json.load(f)
    results = []
    for doc in docs:
        try:
            results.append({"name": doc["name"], "nodes": run(doc), "error": None})
        except Exception as exc:  # report per graph; one bad graph must not hide the others
            results.append({"name": doc["name"], "nodes": {}, "error": f"{type(exc).__name__}: {exc}"})
    json.dump({"torch": torch.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
