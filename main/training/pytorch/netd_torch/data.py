"""NetDesigner's data specifications for PyTorch: the same images, splits and normalisation as the
TensorFlow.js engine for the same seed ('synthetic', 'fashion-mnist', an MNIST idx folder, CIFAR-10
binary batches, one sub-folder of images per class).

Python reads the data itself, for NetDesigner's engine and the exported train.py alike (one
implementation): idx and CIFAR-10 files stay bytes (memory-mapped when not compressed) and become
floats one batch at a time, image files are decoded when a batch needs them. The app hands no
arrays over, so no data set is held twice.
"""
import gzip
import math
import os
import re
import struct
from typing import Callable, Iterable, List, NamedTuple, Optional, Tuple

import numpy as np

from .image_folder import load_image_folder
from .splits import ArraySplit, DataError, RecordSplit, Rng, Split, StopCheck, StopRequested, batches_of, cap, check_labels, empty_split, never_stop, shuffled_indices

FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist"
FASHION_MNIST_CLASSES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]
CIFAR10_CLASSES = "airplane automobile bird cat deer dog frog horse ship truck".split()
SYNTHETIC_CLASSES = ["circle", "square", "triangle", "cross"]
SYNTHETIC_TRAIN_COUNT = 2000
SYNTHETIC_TEST_COUNT = 400
SYNTHETIC_MEMORY_BYTES = 384 * 1024 * 1024
HOLDOUT_SEED = 20_240_601
CIFAR_RECORD = 1 + 32 * 32 * 3
STATS_CHUNK_FLOATS = 1 << 20  # images per statistics chunk: about 4 MB of float32 (8 MB as float64)


class Dataset(NamedTuple):
    spec: str
    format: str
    classes: List[str]
    train: Split
    test: Split


# --- synthetic shapes ------------------------------------------------------------------------


def _inside(label: int, dx: np.ndarray, dy: np.ndarray, r: float) -> np.ndarray:
    if label == 0:
        return dx * dx + dy * dy <= r * r
    if label == 1:
        return (np.abs(dx) <= 0.85 * r) & (np.abs(dy) <= 0.85 * r)
    if label == 2:
        t = (dy + r) / (1.7 * r)
        return (t >= 0) & (t <= 1) & (np.abs(dx) <= r * t)
    arm = 0.3 * r
    return ((np.abs(dx) <= arm) & (np.abs(dy) <= r)) | ((np.abs(dy) <= arm) & (np.abs(dx) <= r))


def _colour(rng: Rng, channels: int, lo: float, hi: float) -> np.ndarray:
    level = rng.range(lo, hi)
    return np.array([min(1.0, max(0.0, level + rng.range(-0.25, 0.25))) for _ in range(channels)])


def _shapes(count: int, shape: Tuple[int, int, int], seed: int) -> ArraySplit:
    h, w, c = shape
    rng = Rng(seed)
    images = np.empty((count, h, w, c), dtype=np.float32)
    labels = np.empty(count, dtype=np.int64)
    sub = (np.arange(2) + 0.5) / 2  # 2×2 supersampling
    py = (np.arange(h)[:, None, None, None] + sub[None, None, :, None]).astype(np.float64)
    px = (np.arange(w)[None, :, None, None] + sub[None, None, None, :]).astype(np.float64)
    for i in range(count):
        label = rng.int(len(SYNTHETIC_CLASSES))
        labels[i] = label
        side = min(h, w)
        r = rng.range(0.22, 0.42) * side
        cx = rng.range(r, w - r)
        cy = rng.range(r, h - r)
        bg, fg = _colour(rng, c, 0.05, 0.35), _colour(rng, c, 0.65, 0.95)
        hits = _inside(label, px - cx, py - cy, r).sum(axis=(2, 3))
        a = (hits / 4)[:, :, None]
        noise = rng.normals(h * w * c).reshape(h, w, c)
        images[i] = np.clip(bg * (1 - a) + fg * a + 0.04 * noise, 0, 1)
    return ArraySplit(images, labels)


def load_synthetic(shape: Tuple[int, int, int], limit: int, test_limit: int, seed: int) -> Dataset:
    fit = max(50, SYNTHETIC_MEMORY_BYTES // (shape[0] * shape[1] * shape[2] * 4))
    train_count = min(SYNTHETIC_TRAIN_COUNT, math.ceil(fit * 5 / 6))
    test_count = min(SYNTHETIC_TEST_COUNT, fit // 6)
    train = _shapes(cap(train_count, limit), shape, seed)
    test = _shapes(cap(test_count, test_limit), shape, 0x7E57)  # independent of the seed
    return Dataset("synthetic", "synthetic", list(SYNTHETIC_CLASSES), train, test)


# --- MNIST idx -------------------------------------------------------------------------------


def _class_list(path: str) -> List[str]:
    try:
        with open(path, encoding="utf8") as f:
            return [s.strip() for s in f if s.strip()]
    except OSError:
        return []


class Unpacked(NamedTuple):
    """Where the processes of one machine share gzipped idx data decompressed once (about 55 MB
    for Fashion-MNIST) instead of each holding its own copy: the writer (LOCAL_RANK 0) writes it
    before a barrier, the others map the file after it."""

    folder: str
    writer: bool


def _unpacked_file(path: str, want: int, unpacked: Unpacked, decompressed: Callable[[], bytes]) -> Optional[np.ndarray]:
    """The `want` decompressed bytes of `path`, mapped from `unpacked.folder`; None (for a reader)
    where the writer did not write them: this process then decompresses on its own."""
    file = os.path.join(unpacked.folder, f"{os.path.basename(path)}.{want}.u8")
    if unpacked.writer:
        data = decompressed()
        if len(data) != want:  # truncated: the caller names the file
            return np.frombuffer(data, dtype=np.uint8)
        try:
            os.makedirs(unpacked.folder, exist_ok=True)
            with open(file + ".part", "wb") as f:
                f.write(data)
            os.replace(file + ".part", file)
        except OSError:  # a read-only or full disk: this process keeps its own copy
            return np.frombuffer(data, dtype=np.uint8)
    try:
        if os.path.getsize(file) != want:
            return None
    except OSError:
        return None
    return np.memmap(file, dtype=np.uint8, mode="r", shape=(want,))


def _idx_array(path: str, rank: int, limit: int, unpacked: Optional[Unpacked] = None) -> np.ndarray:
    """The first `limit` entries of an idx file of unsigned bytes: a memory map of the file, or
    (gzipped) the decompressed bytes, never more than asked for — mapped from `unpacked` where
    several processes share them."""
    with open(path, "rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
    with (gzip.open(path, "rb") if gzipped else open(path, "rb")) as f:  # type: ignore[attr-defined]
        head = f.read(4 + 4 * rank)
        if len(head) < 4 or head[:3] != b"\x00\x00\x08":
            raise DataError(f"{path} has the wrong magic number 0x{head[:4].hex()} — expected an idx file of unsigned bytes (0x0000080{rank})")
        if head[3] != rank:
            raise DataError(f"{path} has {head[3]} dimensions but {'images (idx3)' if rank == 3 else 'labels (idx1)'} need {rank}")
        if len(head) < 4 + 4 * rank:
            raise DataError(f"{path} is truncated inside its header")
        dims = struct.unpack(">" + "I" * rank, head[4:])
        n = cap(dims[0], limit)
        size = int(np.prod(dims[1:], dtype=np.int64))
        want = n * size
        mapped = _unpacked_file(path, want, unpacked, lambda: f.read(want)) if gzipped and unpacked and want else None
        if mapped is not None:
            data = mapped
        elif gzipped:
            data = np.frombuffer(f.read(want), dtype=np.uint8)
        else:
            have = max(0, os.path.getsize(path) - len(head))
            data = np.memmap(path, dtype=np.uint8, mode="r", offset=len(head), shape=(min(want, have),)) if min(want, have) else np.zeros(0, np.uint8)
    if len(data) < want:
        what = f"images of {dims[1]}×{dims[2]}" if rank == 3 else "labels"
        raise DataError(f"{path} is truncated: its header promises {dims[0]} {what} but it holds only {len(data) // max(size, 1)}")
    return data.reshape((n,) + tuple(dims[1:]))


def _find(names: List[str], first: str, kind: str) -> Optional[str]:
    return next((n for n in names if re.match(first, n, re.I) and re.search(kind, n, re.I) and re.search(r"idx\d", n, re.I)), None)


def load_idx(path: str, spec: str, limit: int, test_limit: int, unpacked: Optional[Unpacked] = None) -> Optional[Dataset]:
    names = sorted(os.listdir(path))
    tri, trl = _find(names, "train", "images"), _find(names, "train", "labels")
    if not tri and not trl:
        return None
    if not tri or not trl:
        raise DataError(f"{path} has {'train images' if tri else 'train labels'} but no matching "
                        f"{'train-labels-idx1-ubyte' if tri else 'train-images-idx3-ubyte'} file")
    tei, tel = _find(names, "t10k|test", "images"), _find(names, "t10k|test", "labels")
    classes = _class_list(os.path.join(path, "classes.txt")) or (
        list(FASHION_MNIST_CLASSES) if "fashion" in path.lower() else [str(i) for i in range(10)])

    def pair(images: str, labels: str, n_max: int) -> ArraySplit:
        x = _idx_array(os.path.join(path, images), 3, n_max, unpacked)
        y = _idx_array(os.path.join(path, labels), 1, n_max).astype(np.int64)  # labels are small
        if len(y) != len(x):
            raise DataError(f"{os.path.join(path, images)} holds {len(x)} images but {os.path.join(path, labels)} holds {len(y)} labels")
        check_labels(y, len(classes), os.path.join(path, labels))
        return ArraySplit(x[..., None], y)

    train = pair(tri, trl, limit)
    test = pair(tei, tel, test_limit) if tei and tel else empty_split(train.shape)
    return Dataset(spec, "idx", classes, train, test)


# --- CIFAR-10 binary -------------------------------------------------------------------------


def _records(files: List[str], limit: int, classes: int) -> RecordSplit:
    maps = []
    left = limit if limit > 0 else -1
    for file in files:
        size = os.path.getsize(file)
        if size % CIFAR_RECORD:
            raise DataError(f"{file} is truncated or not a CIFAR-10 batch: its size {size} is not a multiple of {CIFAR_RECORD} bytes per image")
        n = size // CIFAR_RECORD if left < 0 else min(left, size // CIFAR_RECORD)
        if n > 0:
            maps.append(np.memmap(file, dtype=np.uint8, mode="r", shape=(n, CIFAR_RECORD)))
            check_labels(maps[-1][:, 0], classes, file)
        if left >= 0:
            left -= n
            if left == 0:
                break
    return RecordSplit(maps)


def load_cifar(path: str, spec: str, limit: int, test_limit: int) -> Optional[Dataset]:
    for folder in (path, os.path.join(path, "cifar-10-batches-bin")):
        if not os.path.isdir(folder):
            continue
        names = os.listdir(folder)
        batches = sorted((n for n in names if re.fullmatch(r"data_batch_\d+\.bin", n)), key=lambda n: int(re.findall(r"\d+", n)[0]))
        if not batches:
            continue
        classes = _class_list(os.path.join(folder, "batches.meta.txt")) or list(CIFAR10_CLASSES)
        train = _records([os.path.join(folder, n) for n in batches], limit, len(classes))
        test = _records([os.path.join(folder, "test_batch.bin")] if "test_batch.bin" in names else [], test_limit, len(classes))
        return Dataset(spec, "cifar10", classes, train, test)
    return None


# --- the data specification ------------------------------------------------------------------


def load_dataset(spec: str, shape: Tuple[int, int, int], limit: int = 0, test_limit: int = 0, seed: int = 1,
                 should_stop: StopCheck = never_stop, unpacked: Optional[Unpacked] = None) -> Dataset:
    """Opens a data specification as `netd train --data` reads it (images are read per batch).

    Raises DataError with a message naming the folder when it is missing or holds no known format,
    StopRequested when `should_stop` says so while a folder of images is being checked.
    """
    s = spec.strip()
    if s.lower() == "synthetic":
        return load_synthetic(shape, limit, test_limit, seed)
    path = FASHION_MNIST_DIR if s.lower() == "fashion-mnist" else os.path.abspath(os.path.expanduser(s))
    if not os.path.isdir(path):
        raise DataError(f"data folder {path} does not exist")
    try:
        found = load_idx(path, s, limit, test_limit, unpacked) or load_cifar(path, s, limit, test_limit)
        if found is not None:
            return found
        folder = load_image_folder(path, shape, limit, test_limit, seed, HOLDOUT_SEED, should_stop)
    except OSError as err:
        raise DataError(f"cannot read data folder {path}: {err}") from err
    if folder is not None:
        classes, train, test = folder
        return Dataset(s, "image-folder", classes, train, test)
    raise DataError(f"{path} holds no MNIST idx files, CIFAR-10 batches or class folders of images")


class Prepared(NamedTuple):
    train: np.ndarray  # indices into dataset.train
    val: np.ndarray
    mean: np.ndarray  # per channel, float64
    std: np.ndarray


Reader = Callable[[Split, List[np.ndarray]], Iterable[np.ndarray]]


def read_in_order(split: Split, batches: List[np.ndarray]) -> Iterable[np.ndarray]:
    for b in batches:
        yield split.read(b)


def prepare(ds: Dataset, validation_split: float, seed: int, reader: Reader = read_in_order,
            shard: Tuple[int, int] = (0, 1), total: Callable[[List[float]], List[float]] = lambda v: v,
            should_stop: StopCheck = never_stop) -> Prepared:
    """The seeded train/validation split and per-channel statistics of the TypeScript engine.

    The statistics are one pass over the training images, a chunk at a time; with several
    processes each reads its `shard` (rank, world) and `total` sums the parts. `should_stop` is
    asked before each chunk: the pass reads every image, so a Stop must not wait for its end.
    Raises StopRequested when any process was asked to stop.
    """
    n = len(ds.train)
    order = shuffled_indices(n, Rng(seed))
    val_count = min(n - 1, max(1, math.floor(n * validation_split + 0.5))) if validation_split > 0 else 0
    val, train = order[:val_count], order[val_count:]
    c = ds.train.shape[-1]
    sums = np.zeros(2 * c)
    per_chunk = max(1, STATS_CHUNK_FLOATS // int(np.prod(ds.train.shape)))
    stopped = should_stop()
    if not stopped:
        chunks = iter(reader(ds.train, batches_of(train[shard[0] :: shard[1]], per_chunk)))
        try:
            for chunk in chunks:
                flat = chunk.reshape(-1, c).astype(np.float64)
                sums += np.concatenate([flat.sum(0), (flat * flat).sum(0)])
                if should_stop():
                    stopped = True
                    break
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # a reader's worker processes end here, not when garbage-collected
    # Every process takes part in this one sum, stopped or not, so none waits on another.
    summed = np.asarray(total(sums.tolist() + [1.0 if stopped else 0.0]))
    if summed[-1] > 0:
        raise StopRequested()
    sums = summed[:-1]
    count = max(len(train) * int(np.prod(ds.train.shape[:2])), 1)
    mean = sums[:c] / count
    std = np.maximum(np.sqrt(np.maximum(sums[c:] / count - mean**2, 0)), 1e-3)
    return Prepared(train, val, mean, std)


def stopped_sum(channels: int) -> List[float]:
    """What a process stopped before `prepare` adds to its sum, so the others end with it."""
    return [0.0] * (2 * channels) + [1.0]


def normalize(x: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    """(x − mean) / std per channel, in place on a batch of float32 images."""
    np.subtract(x, mean.astype(np.float32), out=x)
    np.divide(x, std.astype(np.float32), out=x)
    return x
