"""Layers a NetDesigner design needs beyond torch.nn, written the way torchvision writes its blocks.

The exporter copies the classes a design uses into the generated model file, so that file runs
with nothing but torch installed. Each class reproduces DESIGN.md's semantics exactly.
"""
from collections import OrderedDict
from typing import List, Tuple

import torch
import torch.nn.functional as F
from torch import nn


class TFSameAvgPool2d(nn.Module):
    """Average pooling with TensorFlow's asymmetric 'same' padding.

    TensorFlow puts the odd padding pixel at the bottom/right and leaves padding out of each
    window's divisor; nn.AvgPool2d pads symmetrically only, so windows at the edge are averaged
    over the pixels they actually cover here.
    """

    def __init__(
        self, kernel_size: Tuple[int, int], stride: Tuple[int, int], padding: Tuple[int, int, int, int]
    ) -> None:
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding  # (left, right, top, bottom), as F.pad takes it

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        summed = F.avg_pool2d(F.pad(x, self.padding), self.kernel_size, self.stride, divisor_override=1)
        ones = F.pad(torch.ones_like(x[:1, :1]), self.padding)
        covered = F.avg_pool2d(ones, self.kernel_size, self.stride, divisor_override=1)
        return summed / covered


class ConvUnit(nn.Module):
    """Conv (→ BatchNorm) → ReLU, the unit every Inception branch is built from."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, batch_norm: bool) -> None:
        super().__init__()
        self.conv = nn.Conv2d(
            in_channels, out_channels, kernel_size, padding=(kernel_size - 1) // 2, bias=not batch_norm
        )
        self.bn = nn.BatchNorm2d(out_channels) if batch_norm else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv(x)
        if self.bn is not None:
            x = self.bn(x)
        return F.relu(x)


class Inception(nn.Module):
    """Inception module with dimension reductions (Szegedy et al. 2014).

    Four branches concatenated in this order: 1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 max pool → 1×1.
    A reduction of 0 turns that 1×1 off (the naive module).
    """

    def __init__(
        self,
        in_channels: int,
        b1: int,
        b3r: int,
        b3: int,
        b5r: int,
        b5: int,
        pool_proj: int,
        batch_norm: bool = False,
    ) -> None:
        super().__init__()
        self.b1 = ConvUnit(in_channels, b1, 1, batch_norm)
        self.b3r = ConvUnit(in_channels, b3r, 1, batch_norm) if b3r > 0 else nn.Identity()
        self.b3 = ConvUnit(b3r if b3r > 0 else in_channels, b3, 3, batch_norm)
        self.b5r = ConvUnit(in_channels, b5r, 1, batch_norm) if b5r > 0 else nn.Identity()
        self.b5 = ConvUnit(b5r if b5r > 0 else in_channels, b5, 5, batch_norm)
        self.pool = nn.MaxPool2d(3, stride=1, padding=1)
        self.pool_proj = ConvUnit(in_channels, pool_proj, 1, batch_norm) if pool_proj > 0 else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        branches: List[torch.Tensor] = [
            self.b1(x),
            self.b3(self.b3r(x)),
            self.b5(self.b5r(x)),
            self.pool_proj(self.pool(x)),
        ]
        return torch.cat(branches, 1)


class ResidualBlock(nn.Module):
    """Residual block (He et al. 2015) in torchvision's layout.

    basic: 3×3 (stride) → BN → ReLU → 3×3 → BN; bottleneck: 1×1 → BN → ReLU → 3×3 (stride) → BN →
    ReLU → 1×1 (4·filters) → BN. The shortcut is the identity when the shapes match, else a 1×1
    convolution (stride) → BN. Then add and ReLU.
    """

    def __init__(
        self, in_channels: int, filters: int, stride: int, bottleneck: bool, projection: bool
    ) -> None:
        super().__init__()
        out_channels = 4 * filters if bottleneck else filters
        if bottleneck:
            self.conv1 = nn.Conv2d(in_channels, filters, 1, bias=False)
            self.bn1 = nn.BatchNorm2d(filters)
            self.conv2 = nn.Conv2d(filters, filters, 3, stride=stride, padding=1, bias=False)
            self.bn2 = nn.BatchNorm2d(filters)
            self.conv3: nn.Module = nn.Conv2d(filters, out_channels, 1, bias=False)
            self.bn3: nn.Module = nn.BatchNorm2d(out_channels)
        else:
            self.conv1 = nn.Conv2d(in_channels, filters, 3, stride=stride, padding=1, bias=False)
            self.bn1 = nn.BatchNorm2d(filters)
            self.conv2 = nn.Conv2d(filters, filters, 3, padding=1, bias=False)
            self.bn2 = nn.BatchNorm2d(filters)
            self.conv3 = nn.Identity()
            self.bn3 = nn.Identity()
        self.bottleneck = bottleneck
        self.shortcut: nn.Module = (
            nn.Sequential(
                OrderedDict(
                    conv=nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                    bn=nn.BatchNorm2d(out_channels),
                )
            )
            if projection
            else nn.Identity()
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.bottleneck:
            out = self.bn3(self.conv3(F.relu(out)))
        return F.relu(out + self.shortcut(x))
