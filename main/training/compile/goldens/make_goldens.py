#!/usr/bin/env python3
"""Forward-pass golden for compile/pytorchGolden.test.ts, computed with PyTorch.

The design (see GOLDEN_DOC in the test) exercises the semantics the compiler must reproduce:
explicit asymmetric conv padding with a non-square kernel and stride, max pooling padded with -inf
on negative inputs, average pooling that counts the padding (count_include_pad), BatchNorm in
inference mode, dilation, Concat/Add, GELU (exact), leaky ReLU (0.01), ELU, TensorFlow-style LRN,
GAP, Dense with ReLU6. Weights are a deterministic function of each tensor's flat PyTorch index,
so the test can rebuild them in tfjs layouts. Run: python3 make_goldens.py > forward.json
"""
import json
import math

import torch
import torch.nn.functional as F


def fill(shape, seed, scale=0.3, offset=0.0):
    n = math.prod(shape)
    vals = [offset + scale * math.sin(0.37 * i + seed) for i in range(n)]
    return torch.tensor(vals, dtype=torch.float64).reshape(shape)


def lrn_tf(x, radius, bias, alpha, beta):
    # TensorFlow semantics on NCHW: sum of squares over channels c-r..c+r, not averaged.
    sq = x * x
    c = x.shape[1]
    out = torch.empty_like(x)
    for i in range(c):
        lo, hi = max(0, i - radius), min(c, i + radius + 1)
        out[:, i] = x[:, i] / (bias + alpha * sq[:, lo:hi].sum(dim=1)) ** beta
    return out


def main():
    torch.set_default_dtype(torch.float64)
    x = fill((2, 3, 9, 9), 0.5, scale=1.0)  # NCHW input, negative values included
    # c1: Conv2D 4 filters, kernel [3,2], strides 2, padding [1,2]
    c1 = F.conv2d(x, fill((4, 3, 3, 2), 1.0), fill((4,), 2.0), stride=2, padding=(1, 2))
    # bn1: BatchNorm eps 1e-3, inference with given running stats
    bn1 = F.batch_norm(c1, fill((4,), 3.0, 0.1), fill((4,), 4.0, 0.5, 1.0), fill((4,), 5.0, 0.2, 1.0),
                       fill((4,), 6.0, 0.1), training=False, eps=1e-3)
    mp = F.max_pool2d(bn1, 3, 2, padding=1)
    ap = F.avg_pool2d(c1, 3, 2, padding=1, count_include_pad=True)
    cat = torch.cat([mp, ap], dim=1)
    c2 = F.leaky_relu(F.conv2d(cat, fill((8, 8, 3, 3), 7.0, 0.2), fill((8,), 8.0), padding=2, dilation=2), 0.01)
    act = F.gelu(cat)
    add = c2 + act
    e = F.elu(add)
    lrn = lrn_tf(e, 1, 1.5, 0.3, 0.75)
    gap = lrn.mean(dim=(2, 3))
    fc1 = torch.clamp(F.linear(gap, fill((5, 8), 9.0, 0.5), fill((5,), 10.0)), 0, 6)
    out = F.linear(fc1, fill((3, 5), 11.0, 0.5), fill((3,), 12.0))
    print(json.dumps({
        "generatedBy": f"torch {torch.__version__} (make_goldens.py)",
        "inputNHWC": x.permute(0, 2, 3, 1).reshape(-1).tolist(),
        "output": out.reshape(-1).tolist(),
        "c1NHWC": c1.permute(0, 2, 3, 1).reshape(-1).tolist(),
        "catNHWC": cat.permute(0, 2, 3, 1).reshape(-1).tolist(),
    }))


if __name__ == "__main__":
    main()
