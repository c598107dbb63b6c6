"""What every data format shares: the seeded random numbers of NetDesigner's TypeScript (so the same
seed gives the same order, splits and synthetic images) and a split whose labels are in memory but
whose images are read only when a batch asks for them.
"""
import math
from typing import Callable, List, Sequence, Tuple

import numpy as np

MASK32 = 0xFFFFFFFF


class DataError(Exception):
    """Unusable data; the message names the file or folder and is meant for the user as is."""


class StopRequested(Exception):
    """Stop was asked for while the data was being indexed or measured (before any training)."""


StopCheck = Callable[[], bool]


def never_stop() -> bool:
    return False


class Rng:
    """mulberry32, bit for bit as NetDesigner's TypeScript (so seeds give the same splits).

    Its state advances by a constant per draw, so a block of draws is computed at once with numpy.
    """

    STEP = 0x6D2B79F5

    def __init__(self, seed: int) -> None:
        self.state = (seed & MASK32) or 0x9E3779B9

    def next_array(self, n: int) -> np.ndarray:
        steps = np.arange(1, n + 1, dtype=np.uint64) * np.uint64(self.STEP)
        t = (np.uint64(self.state) + steps) & np.uint64(MASK32)
        self.state = int((self.state + n * self.STEP) & MASK32)
        m = np.uint64(MASK32)
        t = ((t ^ (t >> np.uint64(15))) * (t | np.uint64(1))) & m
        t = t ^ ((t + (((t ^ (t >> np.uint64(7))) * (t | np.uint64(61))) & m)) & m)
        return ((t ^ (t >> np.uint64(14))) & m).astype(np.float64) / 4294967296.0

    def next(self) -> float:
        return float(self.next_array(1)[0])

    def int(self, n: int) -> int:
        return math.floor(self.next() * n)

    def range(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * self.next()

    def normals(self, n: int) -> np.ndarray:
        draws = self.next_array(2 * n)
        u = np.maximum(draws[0::2], 1e-12)
        return np.sqrt(-2 * np.log(u)) * np.cos(2 * math.pi * draws[1::2])


def shuffled_indices(n: int, rng: Rng) -> np.ndarray:
    """Fisher–Yates over 0..n-1, drawing in the same order as the TypeScript."""
    idx = np.arange(n, dtype=np.int64)
    draws = rng.next_array(max(n - 1, 0))
    for k, i in enumerate(range(n - 1, 0, -1)):
        j = math.floor(draws[k] * (i + 1))
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def cap(n: int, limit: int) -> int:
    """`n` capped by a limit where 0 means no limit."""
    return min(n, limit) if limit > 0 else n


class Split:
    """The examples of one split: labels in memory, images read on demand by `read`."""

    def __init__(self, labels: np.ndarray, shape: Tuple[int, int, int]) -> None:
        self.labels = labels  # (count,) int64
        self.shape = shape  # (H, W, C) of one image

    def __len__(self) -> int:
        return len(self.labels)

    def read(self, idx: np.ndarray) -> np.ndarray:
        """Images `idx` (best sorted: sequential reads) as (n, H, W, C) float32 in [0, 1]."""
        raise NotImplementedError


class ArraySplit(Split):
    """Images in one array: float32 in [0, 1] (synthetic), or uint8 (idx files, memory-mapped when
    they are not compressed) scaled per batch, so the floats of the whole set are never held."""

    def __init__(self, images: np.ndarray, labels: np.ndarray) -> None:
        super().__init__(labels, tuple(images.shape[1:]))  # type: ignore[arg-type]
        self.images = images

    def read(self, idx: np.ndarray) -> np.ndarray:
        x = self.images[idx]
        return x / np.float32(255) if x.dtype == np.uint8 else np.asarray(x, dtype=np.float32)


class RecordSplit(Split):
    """CIFAR-10 batch files, memory-mapped: records of a label byte and 3×32×32 channel-major pixels."""

    def __init__(self, files: Sequence[np.ndarray]) -> None:
        self.files = list(files)
        self.starts = np.cumsum([0] + [len(f) for f in self.files])
        labels = np.concatenate([f[:, 0] for f in self.files]).astype(np.int64) if self.files else np.zeros(0, np.int64)
        super().__init__(labels, (32, 32, 3))

    def read(self, idx: np.ndarray) -> np.ndarray:
        out = np.empty((len(idx), 32, 32, 3), dtype=np.float32)
        file_of = np.searchsorted(self.starts, idx, side="right") - 1
        for f in np.unique(file_of):
            mask = file_of == f
            rec = self.files[f][idx[mask] - self.starts[f], 1:]
            out[mask] = rec.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1) / np.float32(255)
        return out


def empty_split(shape: Tuple[int, int, int]) -> Split:
    return ArraySplit(np.zeros((0,) + shape, dtype=np.float32), np.zeros(0, dtype=np.int64))


def check_labels(labels: np.ndarray, classes: int, where: str) -> None:
    """Raises DataError naming `where` when a label is out of range for `classes`."""
    bad = np.nonzero(labels >= classes)[0]
    if len(bad):
        raise DataError(f"{where}: label {labels[bad[0]]} at example {bad[0]} is out of range for {classes} classes")


def batches_of(idx: np.ndarray, size: int) -> List[np.ndarray]:
    """`idx` cut into consecutive batches, each sorted (sequential reads from disk)."""
    return [np.sort(idx[i : i + size]) for i in range(0, len(idx), size)]
