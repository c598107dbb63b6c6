"""Batches for PyTorch: a split read one batch at a time (normalised, NCHW tensors), in worker
processes where reading is slow (image files) so decoding overlaps training.
"""
import os
from typing import Iterable, Iterator, List, Optional, Tuple

import numpy as np
import torch
import torch.utils.data
from torch.utils.data import DataLoader

from .data import normalize
from .splits import DataError, Split

Batch = Tuple[torch.Tensor, torch.Tensor]


class SplitBatches(torch.utils.data.Dataset):
    """`dataset[indices]` is one batch of a split: images (N, C, H, W) float32, labels int64.

    Without `mean` the images stay in [0, 1] (for computing the statistics). Indices come sorted.
    """

    def __init__(self, split: Split, mean: Optional[np.ndarray] = None, std: Optional[np.ndarray] = None) -> None:
        self.split, self.mean, self.std = split, mean, std

    def __len__(self) -> int:
        return len(self.split)

    def __getitem__(self, idx: np.ndarray) -> Batch:  # type: ignore[override]
        x = self.split.read(idx)
        if self.mean is not None and self.std is not None:
            x = normalize(x, self.mean, self.std)
        y = torch.from_numpy(np.asarray(self.split.labels[idx], dtype=np.int64))
        return torch.from_numpy(x).permute(0, 3, 1, 2), y


def default_workers(fmt: str, world: int) -> int:
    """Image folders decode in worker processes (up to 4, leaving a core to training); arrays in
    memory are sliced faster than a worker could hand a batch over."""
    if fmt != "image-folder":
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(4, cores // max(world, 1) - 1))


def read_batches(split: Split, index_batches: List[np.ndarray], workers: int, pin: bool = False,
            mean: Optional[np.ndarray] = None, std: Optional[np.ndarray] = None) -> Iterator[Batch]:
    """The batches `index_batches` of `split`, in that order (closing it ends its workers)."""
    loader = DataLoader(
        SplitBatches(split, mean, std),
        batch_size=None,  # each sampled element is already a batch of indices
        sampler=index_batches,  # type: ignore[arg-type]
        num_workers=workers if len(index_batches) > 1 else 0,
        pin_memory=pin,
    )
    try:
        yield from loader
    except DataError as err:  # from a worker it arrives wrapped in its traceback: keep the message
        text = str(err).strip()
        if text.startswith("Caught "):
            raise DataError(text.splitlines()[-1].split("DataError: ", 1)[-1]) from None
        raise


def images_in_batches(split: Split, index_batches: List[np.ndarray], workers: int) -> Iterable[np.ndarray]:
    """Images in [0, 1], channels-last, for `prepare`'s statistics (the reader it takes)."""
    for x, _ in read_batches(split, index_batches, workers):
        yield x.permute(0, 2, 3, 1).numpy()
