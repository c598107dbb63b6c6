"""netd_torch.layers against torchvision's blocks and a brute-force TensorFlow 'same' average pool."""
import unittest

import numpy as np
import torch
from torchvision.models import resnet

from netd_torch.layers import Inception, ResidualBlock, TFSameAvgPool2d


def count(m: torch.nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())


class ResidualBlockTest(unittest.TestCase):
    def test_basic_block_matches_torchvision(self) -> None:
        ours = ResidualBlock(64, 128, stride=2, bottleneck=False, projection=True)
        down = torch.nn.Sequential(torch.nn.Conv2d(64, 128, 1, 2, bias=False), torch.nn.BatchNorm2d(128))
        theirs = resnet.BasicBlock(64, 128, stride=2, downsample=down)
        self.assertEqual(count(ours), count(theirs))
        theirs.load_state_dict({k.replace("shortcut.conv", "downsample.0").replace("shortcut.bn", "downsample.1"): v
                                for k, v in ours.state_dict().items()})
        x = torch.randn(2, 64, 9, 9)
        ours.eval(), theirs.eval()
        torch.testing.assert_close(ours(x), theirs(x))

    def test_bottleneck_matches_torchvision(self) -> None:
        ours = ResidualBlock(256, 64, stride=1, bottleneck=True, projection=False)
        theirs = resnet.Bottleneck(256, 64)
        theirs.load_state_dict(ours.state_dict())
        x = torch.randn(2, 256, 7, 7)
        ours.eval(), theirs.eval()
        torch.testing.assert_close(ours(x), theirs(x))


class InceptionTest(unittest.TestCase):
    def test_inception_3a_counts_like_the_paper(self) -> None:
        # GoogLeNet inception (3a): 192 → 64 | 96→128 | 16→32 | pool→32 = 256 channels, biases, no BN.
        block = Inception(192, b1=64, b3r=96, b3=128, b5r=16, b5=32, pool_proj=32)
        self.assertEqual(block(torch.zeros(1, 192, 28, 28)).shape, (1, 256, 28, 28))
        convs = [(192, 64, 1), (192, 96, 1), (96, 128, 3), (192, 16, 1), (16, 32, 5), (192, 32, 1)]
        self.assertEqual(count(block), sum(i * o * k * k + o for i, o, k in convs))


class TFSameAvgPoolTest(unittest.TestCase):
    def test_windows_average_only_the_pixels_they_cover(self) -> None:
        x = torch.randn(1, 2, 6, 5)
        # TF 'same', k=3, s=2: out 3×3; height pads (0, 1)... computed as TF does.
        pool = TFSameAvgPool2d((3, 3), (2, 2), (1, 1, 0, 1))
        got = pool(x).numpy()
        a = x.numpy()
        want = np.zeros((1, 2, 3, 3), dtype=np.float32)
        for i in range(3):
            for j in range(3):
                r0, c0 = i * 2 - 0, j * 2 - 1
                win = a[:, :, max(r0, 0) : min(r0 + 3, 6), max(c0, 0) : min(c0 + 3, 5)]
                want[:, :, i, j] = win.mean(axis=(2, 3))
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


if __name__ == "__main__":
    unittest.main()
