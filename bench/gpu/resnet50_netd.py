"""ResNet-50 — exported from NetDesigner (r50c4.netd.json).

Input: 224×224×3 images, given channels first as (N, 3, 224, 224). Output: 4 class probabilities
(the design ends in softmax). Trainable parameters: 23,516,228; BatchNorm running statistics:
53,120.
Every layer computes what the designer and its TensorFlow.js engine compute: TensorFlow-style
"same" padding, −∞ max-pool padding, channels-last (H·W·C) flatten order — so NetDesigner
weights (DESIGN_LAYERS below) load unchanged.
"""
from collections import OrderedDict
from typing import List, Tuple

import torch
import torch.nn.functional as F
from torch import nn


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


class ResNet50(nn.Module):
    """
    He et al. 2015, 50-layer ResNet (bottleneck blocks), as torchvision builds it: bias-free
    convolutions with batch norm, 7×7/2 stem and 3×3/2 max pool, stride on the bottleneck's
    3×3 (the "v1.5" variant), 1×1 projection shortcuts only where the shape changes (option
    B), global average pooling and a linear layer with softmax. For inputs under 64×64 the
    stem becomes a 3×3 stride 1 conv without the max pool, as in the paper's CIFAR
    experiments.
    """

    input_shape = (3, 224, 224)  # (C, H, W)
    num_classes = 4
    outputs_probabilities = True  # forward ends in softmax

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)         # 112×112×64 · 9,408 params
        self.bn1 = nn.BatchNorm2d(64)                                             # 112×112×64 · 128 params · 128 running stats
        self.relu = nn.ReLU()                                                     # 112×112×64
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)                       # 56×56×64
        self.layer1_0 = ResidualBlock(64, 64, stride=1, bottleneck=True, projection=True)  # 56×56×256 · 75,008 params · 1,280 running stats
        self.layer1_1 = ResidualBlock(256, 64, stride=1, bottleneck=True, projection=False)  # 56×56×256 · 70,400 params · 768 running stats
        self.layer1_2 = ResidualBlock(256, 64, stride=1, bottleneck=True, projection=False)  # 56×56×256 · 70,400 params · 768 running stats
        self.layer2_0 = ResidualBlock(256, 128, stride=2, bottleneck=True, projection=True)  # 28×28×512 · 379,392 params · 2,560 running stats
        self.layer2_1 = ResidualBlock(512, 128, stride=1, bottleneck=True, projection=False)  # 28×28×512 · 280,064 params · 1,536 running stats
        self.layer2_2 = ResidualBlock(512, 128, stride=1, bottleneck=True, projection=False)  # 28×28×512 · 280,064 params · 1,536 running stats
        self.layer2_3 = ResidualBlock(512, 128, stride=1, bottleneck=True, projection=False)  # 28×28×512 · 280,064 params · 1,536 running stats
        self.layer3_0 = ResidualBlock(512, 256, stride=2, bottleneck=True, projection=True)  # 14×14×1024 · 1,512,448 params · 5,120 running stats
        self.layer3_1 = ResidualBlock(1024, 256, stride=1, bottleneck=True, projection=False)  # 14×14×1024 · 1,117,184 params · 3,072 running stats
        self.layer3_2 = ResidualBlock(1024, 256, stride=1, bottleneck=True, projection=False)  # 14×14×1024 · 1,117,184 params · 3,072 running stats
        self.layer3_3 = ResidualBlock(1024, 256, stride=1, bottleneck=True, projection=False)  # 14×14×1024 · 1,117,184 params · 3,072 running stats
        self.layer3_4 = ResidualBlock(1024, 256, stride=1, bottleneck=True, projection=False)  # 14×14×1024 · 1,117,184 params · 3,072 running stats
        self.layer3_5 = ResidualBlock(1024, 256, stride=1, bottleneck=True, projection=False)  # 14×14×1024 · 1,117,184 params · 3,072 running stats
        self.layer4_0 = ResidualBlock(1024, 512, stride=2, bottleneck=True, projection=True)  # 7×7×2048 · 6,039,552 params · 10,240 running stats
        self.layer4_1 = ResidualBlock(2048, 512, stride=1, bottleneck=True, projection=False)  # 7×7×2048 · 4,462,592 params · 6,144 running stats
        self.layer4_2 = ResidualBlock(2048, 512, stride=1, bottleneck=True, projection=False)  # 7×7×2048 · 4,462,592 params · 6,144 running stats
        self.avgpool = nn.AdaptiveAvgPool2d(1)                                    # 2048
        self.fc = nn.Linear(2048, 4)                                              # 4 · 8,196 params

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv1(x)                      # 112×112×64
        x = self.bn1(x)                        # 112×112×64
        x = self.relu(x)                       # 112×112×64
        x = self.maxpool(x)                    # 56×56×64
        x = self.layer1_0(x)                   # 56×56×256
        x = self.layer1_1(x)                   # 56×56×256
        x = self.layer1_2(x)                   # 56×56×256
        x = self.layer2_0(x)                   # 28×28×512
        x = self.layer2_1(x)                   # 28×28×512
        x = self.layer2_2(x)                   # 28×28×512
        x = self.layer2_3(x)                   # 28×28×512
        x = self.layer3_0(x)                   # 14×14×1024
        x = self.layer3_1(x)                   # 14×14×1024
        x = self.layer3_2(x)                   # 14×14×1024
        x = self.layer3_3(x)                   # 14×14×1024
        x = self.layer3_4(x)                   # 14×14×1024
        x = self.layer3_5(x)                   # 14×14×1024
        x = self.layer4_0(x)                   # 7×7×2048
        x = self.layer4_1(x)                   # 7×7×2048
        x = self.layer4_2(x)                   # 7×7×2048
        x = torch.flatten(self.avgpool(x), 1)  # 2048
        x = F.softmax(self.fc(x), dim=1)       # 4
        return x


# Where each weighted layer of the design lives in this module. NetDesigner stores weights as
# "<layer>/<weight>" in TensorFlow.js layouts (kernel [kh, kw, in, out], dense kernel [in, out]).
DESIGN_LAYERS = {
    "conv1": "conv1",
    "bn1": "bn1",
    "layer1.0/conv1": "layer1_0.conv1",
    "layer1.0/bn1": "layer1_0.bn1",
    "layer1.0/conv2": "layer1_0.conv2",
    "layer1.0/bn2": "layer1_0.bn2",
    "layer1.0/conv3": "layer1_0.conv3",
    "layer1.0/bn3": "layer1_0.bn3",
    "layer1.0/shortcut/conv": "layer1_0.shortcut.conv",
    "layer1.0/shortcut/bn": "layer1_0.shortcut.bn",
    "layer1.1/conv1": "layer1_1.conv1",
    "layer1.1/bn1": "layer1_1.bn1",
    "layer1.1/conv2": "layer1_1.conv2",
    "layer1.1/bn2": "layer1_1.bn2",
    "layer1.1/conv3": "layer1_1.conv3",
    "layer1.1/bn3": "layer1_1.bn3",
    "layer1.2/conv1": "layer1_2.conv1",
    "layer1.2/bn1": "layer1_2.bn1",
    "layer1.2/conv2": "layer1_2.conv2",
    "layer1.2/bn2": "layer1_2.bn2",
    "layer1.2/conv3": "layer1_2.conv3",
    "layer1.2/bn3": "layer1_2.bn3",
    "layer2.0/conv1": "layer2_0.conv1",
    "layer2.0/bn1": "layer2_0.bn1",
    "layer2.0/conv2": "layer2_0.conv2",
    "layer2.0/bn2": "layer2_0.bn2",
    "layer2.0/conv3": "layer2_0.conv3",
    "layer2.0/bn3": "layer2_0.bn3",
    "layer2.0/shortcut/conv": "layer2_0.shortcut.conv",
    "layer2.0/shortcut/bn": "layer2_0.shortcut.bn",
    "layer2.1/conv1": "layer2_1.conv1",
    "layer2.1/bn1": "layer2_1.bn1",
    "layer2.1/conv2": "layer2_1.conv2",
    "layer2.1/bn2": "layer2_1.bn2",
    "layer2.1/conv3": "layer2_1.conv3",
    "layer2.1/bn3": "layer2_1.bn3",
    "layer2.2/conv1": "layer2_2.conv1",
    "layer2.2/bn1": "layer2_2.bn1",
    "layer2.2/conv2": "layer2_2.conv2",
    "layer2.2/bn2": "layer2_2.bn2",
    "layer2.2/conv3": "layer2_2.conv3",
    "layer2.2/bn3": "layer2_2.bn3",
    "layer2.3/conv1": "layer2_3.conv1",
    "layer2.3/bn1": "layer2_3.bn1",
    "layer2.3/conv2": "layer2_3.conv2",
    "layer2.3/bn2": "layer2_3.bn2",
    "layer2.3/conv3": "layer2_3.conv3",
    "layer2.3/bn3": "layer2_3.bn3",
    "layer3.0/conv1": "layer3_0.conv1",
    "layer3.0/bn1": "layer3_0.bn1",
    "layer3.0/conv2": "layer3_0.conv2",
    "layer3.0/bn2": "layer3_0.bn2",
    "layer3.0/conv3": "layer3_0.conv3",
    "layer3.0/bn3": "layer3_0.bn3",
    "layer3.0/shortcut/conv": "layer3_0.shortcut.conv",
    "layer3.0/shortcut/bn": "layer3_0.shortcut.bn",
    "layer3.1/conv1": "layer3_1.conv1",
    "layer3.1/bn1": "layer3_1.bn1",
    "layer3.1/conv2": "layer3_1.conv2",
    "layer3.1/bn2": "layer3_1.bn2",
    "layer3.1/conv3": "layer3_1.conv3",
    "layer3.1/bn3": "layer3_1.bn3",
    "layer3.2/conv1": "layer3_2.conv1",
    "layer3.2/bn1": "layer3_2.bn1",
    "layer3.2/conv2": "layer3_2.conv2",
    "layer3.2/bn2": "layer3_2.bn2",
    "layer3.2/conv3": "layer3_2.conv3",
    "layer3.2/bn3": "layer3_2.bn3",
    "layer3.3/conv1": "layer3_3.conv1",
    "layer3.3/bn1": "layer3_3.bn1",
    "layer3.3/conv2": "layer3_3.conv2",
    "layer3.3/bn2": "layer3_3.bn2",
    "layer3.3/conv3": "layer3_3.conv3",
    "layer3.3/bn3": "layer3_3.bn3",
    "layer3.4/conv1": "layer3_4.conv1",
    "layer3.4/bn1": "layer3_4.bn1",
    "layer3.4/conv2": "layer3_4.conv2",
    "layer3.4/bn2": "layer3_4.bn2",
    "layer3.4/conv3": "layer3_4.conv3",
    "layer3.4/bn3": "layer3_4.bn3",
    "layer3.5/conv1": "layer3_5.conv1",
    "layer3.5/bn1": "layer3_5.bn1",
    "layer3.5/conv2": "layer3_5.conv2",
    "layer3.5/bn2": "layer3_5.bn2",
    "layer3.5/conv3": "layer3_5.conv3",
    "layer3.5/bn3": "layer3_5.bn3",
    "layer4.0/conv1": "layer4_0.conv1",
    "layer4.0/bn1": "layer4_0.bn1",
    "layer4.0/conv2": "layer4_0.conv2",
    "layer4.0/bn2": "layer4_0.bn2",
    "layer4.0/conv3": "layer4_0.conv3",
    "layer4.0/bn3": "layer4_0.bn3",
    "layer4.0/shortcut/conv": "layer4_0.shortcut.conv",
    "layer4.0/shortcut/bn": "layer4_0.shortcut.bn",
    "layer4.1/conv1": "layer4_1.conv1",
    "layer4.1/bn1": "layer4_1.bn1",
    "layer4.1/conv2": "layer4_1.conv2",
    "layer4.1/bn2": "layer4_1.bn2",
    "layer4.1/conv3": "layer4_1.conv3",
    "layer4.1/bn3": "layer4_1.bn3",
    "layer4.2/conv1": "layer4_2.conv1",
    "layer4.2/bn1": "layer4_2.bn1",
    "layer4.2/conv2": "layer4_2.conv2",
    "layer4.2/bn2": "layer4_2.bn2",
    "layer4.2/conv3": "layer4_2.conv3",
    "layer4.2/bn3": "layer4_2.bn3",
    "fc": "fc",
}


if __name__ == "__main__":
    model = ResNet50()
    print(model)
    print(model(torch.zeros(2, *ResNet50.input_shape)).shape)
