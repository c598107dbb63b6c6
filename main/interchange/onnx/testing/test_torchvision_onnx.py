"""Tests of torchvision_onnx.py's argument handling and its PyTorch-side counts."""

import unittest

import torch

from torchvision_onnx import main, parse_request, running_stat_count


class ParseRequestTest(unittest.TestCase):
    def test_name_and_size(self) -> None:
        self.assertEqual(parse_request("resnet18:64"), ("resnet18", 64))

    def test_rejects_unknown_model_and_bad_size(self) -> None:
        self.assertIsNone(parse_request("resnet19:64"))
        self.assertIsNone(parse_request("resnet18:big"))
        self.assertIsNone(parse_request("resnet18"))

    def test_usage_error_exit_status(self) -> None:
        self.assertEqual(main(["/tmp/x", "nope:1"]), 2)


class RunningStatCountTest(unittest.TestCase):
    def test_counts_mean_and_variance_only(self) -> None:
        model = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.BatchNorm2d(8))
        self.assertEqual(running_stat_count(model), 16)


if __name__ == "__main__":
    unittest.main()
