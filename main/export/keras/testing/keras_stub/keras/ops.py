"""Shape-only versions of the keras.ops the exported layers use."""

from __future__ import annotations

from typing import Any

from .core import Tensor


def pad(x: Tensor, pad_width: list[list[int]], constant_values: float = 0.0) -> Tensor:
    dims = [d + before + after for d, (before, after) in zip(x.dims, pad_width[1:])]
    return Tensor(tuple(dims))


def square(x: Tensor) -> Tensor:
    return Tensor(x.dims)


def power(x: Any, y: Any) -> Tensor:
    return Tensor(x.dims)
