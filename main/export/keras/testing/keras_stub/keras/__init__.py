"""A shape-only stand-in for Keras 3, to check NetDesigner's Keras export where Keras is not installed.

It builds the functional graph symbolically: every layer computes its output shape and its weight
shapes from Keras's documented semantics (channels-last, 'same'/'valid' padding), so a test can
compare the exported file's layers, parameter counts and weight layouts with the design's.
"""

from __future__ import annotations

from typing import Any

from . import layers, ops  # noqa: F401
from .core import Input, Model, Tensor  # noqa: F401
