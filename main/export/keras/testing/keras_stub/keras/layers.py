"""The Keras layers NetDesigner's export writes, with Keras 3's shape and weight rules."""

from __future__ import annotations

import math
from typing import Any

from .core import Layer, Tensor


def _pair(v: Any) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def _window(size: int, k: int, s: int, d: int, padding: str) -> int:
    if padding == "same":
        return math.ceil(size / s)
    assert padding == "valid", padding
    return (size - d * (k - 1) - 1) // s + 1


class Conv2D(Layer):
    def __init__(self, filters: int, kernel_size: Any, strides: Any = 1, padding: str = "valid",
                 dilation_rate: Any = 1, activation: str | None = None, use_bias: bool = True, **kw: Any) -> None:
        super().__init__(**kw)
        self.filters, self.k, self.s, self.d = filters, _pair(kernel_size), _pair(strides), _pair(dilation_rate)
        self.padding, self.use_bias = padding, use_bias

    def call(self, x: Tensor) -> Tensor:
        h, w, c = x.dims
        self.weight_shapes = [("kernel", (*self.k, c, self.filters), True)]
        if self.use_bias:
            self.weight_shapes.append(("bias", (self.filters,), True))
        oh = _window(h, self.k[0], self.s[0], self.d[0], self.padding)
        ow = _window(w, self.k[1], self.s[1], self.d[1], self.padding)
        assert oh >= 1 and ow >= 1, f"{self.name}: output {oh}x{ow}"
        return Tensor((oh, ow, self.filters))


class Dense(Layer):
    def __init__(self, units: int, activation: str | None = None, use_bias: bool = True, **kw: Any) -> None:
        super().__init__(**kw)
        self.units, self.use_bias = units, use_bias

    def call(self, x: Tensor) -> Tensor:
        assert len(x.dims) == 1, f"{self.name}: Dense on {x.dims}"
        self.weight_shapes = [("kernel", (x.dims[0], self.units), True)]
        if self.use_bias:
            self.weight_shapes.append(("bias", (self.units,), True))
        return Tensor((self.units,))


class BatchNormalization(Layer):
    def __init__(self, epsilon: float = 1e-3, momentum: float = 0.99, **kw: Any) -> None:
        super().__init__(**kw)
        assert 0 < momentum < 1 and epsilon > 0

    def call(self, x: Tensor) -> Tensor:
        c = x.dims[-1]
        self.weight_shapes = [("gamma", (c,), True), ("beta", (c,), True),
                              ("moving_mean", (c,), False), ("moving_variance", (c,), False)]
        return Tensor(x.dims)


class _Pool(Layer):
    def __init__(self, pool_size: Any = 2, strides: Any = None, padding: str = "valid", **kw: Any) -> None:
        super().__init__(**kw)
        self.k = _pair(pool_size)
        self.s = _pair(strides) if strides is not None else self.k
        self.padding = padding

    def call(self, x: Tensor) -> Tensor:
        h, w, c = x.dims
        return Tensor((_window(h, self.k[0], self.s[0], 1, self.padding), _window(w, self.k[1], self.s[1], 1, self.padding), c))


class MaxPooling2D(_Pool):
    pass


class AveragePooling2D(_Pool):
    pass


class ZeroPadding2D(Layer):
    def __init__(self, padding: Any = 1, **kw: Any) -> None:
        super().__init__(**kw)
        self.p = _pair(padding)

    def call(self, x: Tensor) -> Tensor:
        h, w, c = x.dims
        return Tensor((h + 2 * self.p[0], w + 2 * self.p[1], c))


class GlobalAveragePooling2D(Layer):
    def call(self, x: Tensor) -> Tensor:
        return Tensor((x.dims[-1],))


GlobalMaxPooling2D = type("GlobalMaxPooling2D", (GlobalAveragePooling2D,), {})


class Flatten(Layer):
    def call(self, x: Tensor) -> Tensor:
        return Tensor((math.prod(x.dims),))


class Activation(Layer):
    def __init__(self, activation: str, **kw: Any) -> None:
        super().__init__(**kw)
        assert activation in {"relu", "relu6", "elu", "sigmoid", "tanh", "softmax", "gelu"}, activation

    def call(self, x: Tensor) -> Tensor:
        return Tensor(x.dims)


class LeakyReLU(Layer):
    def __init__(self, negative_slope: float = 0.3, **kw: Any) -> None:
        super().__init__(**kw)

    def call(self, x: Tensor) -> Tensor:
        return Tensor(x.dims)


class Dropout(Layer):
    def __init__(self, rate: float, **kw: Any) -> None:
        super().__init__(**kw)

    def call(self, x: Tensor) -> Tensor:
        return Tensor(x.dims)


class Add(Layer):
    def call(self, xs: list[Tensor]) -> Tensor:
        assert len(xs) >= 2 and all(x.dims == xs[0].dims for x in xs), [x.dims for x in xs]
        return Tensor(xs[0].dims)


class Concatenate(Layer):
    def __init__(self, axis: int = -1, **kw: Any) -> None:
        super().__init__(**kw)

    def call(self, xs: list[Tensor]) -> Tensor:
        assert all(x.dims[:-1] == xs[0].dims[:-1] for x in xs), [x.dims for x in xs]
        return Tensor((*xs[0].dims[:-1], sum(x.dims[-1] for x in xs)))
