"""Building blocks that NetDesigner's Keras export copies into the files it writes.

Each definition is cut out by name (see main/export/keras/generateKeras.ts), so a generated file is
self-contained: it needs Keras 3 and NumPy, nothing from NetDesigner. Layer names follow the design's
node ids ("/" becomes "_"), so the weights NetDesigner saves (`<nodeId>/<weight>`, channels-last,
float32) load by name.
"""

from __future__ import annotations

import json
import struct
from typing import Any

import keras
import numpy as np
from keras import layers, ops


class LocalResponseNormalization(layers.Layer):
    """TensorFlow's `local_response_normalization` over the channel axis (AlexNet's LRN)."""

    def __init__(
        self, depth_radius: int = 2, bias: float = 1.0, alpha: float = 1e-4, beta: float = 0.75, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, x: Any) -> Any:
        r = self.depth_radius
        channels = x.shape[-1]
        squares = ops.pad(ops.square(x), [[0, 0], [0, 0], [0, 0], [r, r]])
        window = sum(squares[..., i : i + channels] for i in range(2 * r + 1))
        return x / ops.power(self.bias + self.alpha * window, self.beta)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "depth_radius": self.depth_radius,
            "bias": self.bias,
            "alpha": self.alpha,
            "beta": self.beta,
        }


class MaxPoolPadding2D(layers.Layer):
    """Pads height and width with -inf, as PyTorch's max pooling does, so padding never wins a max."""

    def __init__(self, padding: int | tuple[int, int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.padding = (padding, padding) if isinstance(padding, int) else tuple(padding)

    def call(self, x: Any) -> Any:
        ph, pw = self.padding
        return ops.pad(x, [[0, 0], [ph, ph], [pw, pw], [0, 0]], constant_values=float("-inf"))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "padding": self.padding}


def padded_conv(x: Any, filters: int, kernel_size: int, strides: int, name: str) -> Any:
    """Convolution without bias after PyTorch's zero padding of kernel_size // 2 on each side."""
    if kernel_size > 1:
        x = layers.ZeroPadding2D(kernel_size // 2, name=f"{name}_pad")(x)
    x = layers.Conv2D(filters, kernel_size, strides=strides, use_bias=False, name=name)(x)
    return x


def residual_block(x: Any, filters: int, strides: int = 1, variant: str = "basic", name: str = "block") -> Any:
    """He et al. 2015, torchvision's layout: basic = two 3x3 convs, bottleneck = 1x1, 3x3, 1x1 (4x filters).

    The shortcut is the input itself when shapes match, else a strided 1x1 convolution with batch norm.
    Batch norms use NetDesigner's defaults (PyTorch's eps 1e-5 and momentum 0.1 = Keras momentum 0.9).
    """
    if variant == "basic":
        convs = [(filters, 3, strides), (filters, 3, 1)]
    else:
        convs = [(filters, 1, 1), (filters, 3, strides), (4 * filters, 1, 1)]
    shortcut = x
    for i, (f, k, s) in enumerate(convs, start=1):
        x = padded_conv(x, f, k, s, name=f"{name}_conv{i}")
        x = layers.BatchNormalization(epsilon=1e-5, momentum=0.9, name=f"{name}_bn{i}")(x)
        if i < len(convs):
            x = layers.Activation("relu", name=f"{name}_relu{i}")(x)
    out_channels = convs[-1][0]
    if strides != 1 or shortcut.shape[-1] != out_channels:
        shortcut = padded_conv(shortcut, out_channels, 1, strides, name=f"{name}_shortcut_conv")
        shortcut = layers.BatchNormalization(epsilon=1e-5, momentum=0.9, name=f"{name}_shortcut_bn")(shortcut)
    x = layers.Add(name=f"{name}_add")([x, shortcut])
    return layers.Activation("relu", name=f"{name}_relu")(x)


def inception_module(
    x: Any, b1: int, b3r: int, b3: int, b5r: int, b5: int, pool_proj: int, batch_norm: bool = False,
    name: str = "inception") -> Any:
    """Szegedy et al. 2014, module with dimension reduction: 1x1 | 1x1 -> 3x3 | 1x1 -> 5x5 | pool -> 1x1.

    A reduction (b3r, b5r, pool_proj) of 0 leaves that 1x1 out, as in the naive module.
    """

    def unit(inputs: Any, filters: int, k: int, unit_name: str) -> Any:
        if k > 1:
            inputs = layers.ZeroPadding2D(k // 2, name=f"{unit_name}_pad")(inputs)
        if not batch_norm:
            return layers.Conv2D(filters, k, activation="relu", name=unit_name)(inputs)
        y = layers.Conv2D(filters, k, use_bias=False, name=unit_name)(inputs)
        y = layers.BatchNormalization(epsilon=1e-5, momentum=0.9, name=f"{unit_name}_bn")(y)
        return layers.Activation("relu", name=f"{unit_name}_relu")(y)

    branch1 = unit(x, b1, 1, f"{name}_b1")
    branch3 = unit(unit(x, b3r, 1, f"{name}_b3r") if b3r > 0 else x, b3, 3, f"{name}_b3")
    branch5 = unit(unit(x, b5r, 1, f"{name}_b5r") if b5r > 0 else x, b5, 5, f"{name}_b5")
    pooled = layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    branch_pool = unit(pooled, pool_proj, 1, f"{name}_poolProj") if pool_proj > 0 else pooled
    return layers.Concatenate(name=f"{name}_concat")([branch1, branch3, branch5, branch_pool])


def load_netdesigner_weights(model: keras.Model, path: str) -> None:
    """Loads NetDesigner's weights (safetensors: `<nodeId>/<weight>`, float32, channels-last) by layer name."""
    with open(path, "rb") as f:
        raw = f.read()
    (header_length,) = struct.unpack("<Q", raw[:8])
    header: dict[str, Any] = json.loads(raw[8 : 8 + header_length])
    data = raw[8 + header_length :]
    tensors: dict[str, np.ndarray] = {}
    for key, entry in header.items():
        if key == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        tensors[key] = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
    order = ["kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance"]
    by_layer: dict[str, dict[str, np.ndarray]] = {}
    for key, value in tensors.items():
        node_id, weight = key.rsplit("/", 1)
        by_layer.setdefault(node_id.replace("/", "_"), {})[weight] = value
    for layer_name, weights in by_layer.items():
        layer = model.get_layer(layer_name)
        layer.set_weights([weights[w] for w in order if w in weights])
