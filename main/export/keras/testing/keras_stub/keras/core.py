"""Symbolic tensors, the layer base class and the functional Model of the stand-in."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

REGISTRY: list["Layer"] = []


class Tensor:
    """A symbolic tensor: its shape without the batch axis (tuple), and the layer that made it."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = (None, *shape)

    @property
    def dims(self) -> tuple[int, ...]:
        return tuple(self.shape[1:])

    def _same(self, other: Any) -> "Tensor":
        return Tensor(self.dims)

    __add__ = __radd__ = __sub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same

    def __getitem__(self, index: Any) -> "Tensor":
        # Only `t[..., a:b]` (a channel slice) is used by the exported layers.
        assert isinstance(index, tuple) and index[0] is Ellipsis, index
        sl: slice = index[1]
        dims = list(self.dims)
        dims[-1] = len(range(*sl.indices(dims[-1])))
        return Tensor(tuple(dims))


class Layer:
    """Base: a name, weight shapes, trainable flag; `__call__` checks and records the call."""

    def __init__(self, name: str | None = None, **kwargs: Any) -> None:
        assert name is not None and "/" not in name, f"bad layer name {name!r}"
        self.name = name
        self.trainable = True
        self.weight_shapes: list[tuple[str, tuple[int, ...], bool]] = []
        self.called = 0
        REGISTRY.append(self)

    def __call__(self, inputs: Any) -> Tensor:
        self.called += 1
        assert self.called == 1, f"layer {self.name} is called twice"
        out = self.call(inputs)
        assert isinstance(out, Tensor)
        self.output_shape = out.dims
        return out

    def call(self, inputs: Any) -> Tensor:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name}

    def count_params(self) -> tuple[int, int]:
        trainable = sum(math.prod(s) for _, s, t in self.weight_shapes if t)
        frozen = sum(math.prod(s) for _, s, t in self.weight_shapes if not t)
        return trainable, frozen

    def set_weights(self, weights: list[np.ndarray]) -> None:
        want = [s for _, s, _ in self.weight_shapes]
        got = [tuple(w.shape) for w in weights]
        assert got == want, f"{self.name}: weights {got} do not fit {want}"
        self.loaded = True


def Input(shape: tuple[int, ...], name: str | None = None) -> Tensor:  # noqa: N802 (Keras's name)
    return Tensor(tuple(shape))


class Model:
    def __init__(self, inputs: Tensor, outputs: Tensor, name: str | None = None) -> None:
        self.name = name
        self.output_shape = outputs.dims
        self.layers = list(REGISTRY)
        names = [l.name for l in self.layers]
        assert len(names) == len(set(names)), "duplicate layer names"

    def get_layer(self, name: str) -> Layer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(f"No such layer: {name}")

    def summary(self) -> None:
        pass
