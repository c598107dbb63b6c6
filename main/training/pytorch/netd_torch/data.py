"""NetDesigner's data specifications for PyTorch: the same images, splits and normalisation as the
TensorFlow.js engine for the same seed ('synthetic', 'fashion-mnist', an MNIST idx folder, CIFAR-10
binary batches, one sub-folder of images per class), as channels-last float32 arrays.
"""
import gzip
import math
import os
import struct
from typing import List, NamedTuple, Optional, Tuple

import numpy as np

MASK32 = 0xFFFFFFFF
FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist"
FASHION_MNIST_CLASSES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]
SYNTHETIC_CLASSES = ["circle", "square", "triangle", "cross"]
SYNTHETIC_TRAIN_COUNT = 2000
SYNTHETIC_TEST_COUNT = 400
SYNTHETIC_MEMORY_BYTES = 384 * 1024 * 1024
HOLDOUT_SEED = 20_240_601
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg")


class DataError(Exception):
    """Unusable data; the message names the file or folder and is meant for the user as is."""


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


class Split(NamedTuple):
    images: np.ndarray  # (count, H, W, C) float32 in [0, 1] before normalisation
    labels: np.ndarray  # (count,) int64


class Dataset(NamedTuple):
    spec: str
    format: str
    classes: List[str]
    train: Split
    test: Split


def cap(n: int, limit: int) -> int:
    return min(n, limit) if limit > 0 else n


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


def _shapes(count: int, shape: Tuple[int, int, int], seed: int) -> Split:
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
    return Split(images, labels)


def load_synthetic(shape: Tuple[int, int, int], limit: int, test_limit: int, seed: int) -> Dataset:
    fit = max(50, SYNTHETIC_MEMORY_BYTES // (shape[0] * shape[1] * shape[2] * 4))
    train_count = min(SYNTHETIC_TRAIN_COUNT, math.ceil(fit * 5 / 6))
    test_count = min(SYNTHETIC_TEST_COUNT, fit // 6)
    train = _shapes(cap(train_count, limit), shape, seed)
    test = _shapes(cap(test_count, test_limit), shape, 0x7E57)  # independent of the seed
    return Dataset("synthetic", "synthetic", list(SYNTHETIC_CLASSES), train, test)


# --- MNIST idx -------------------------------------------------------------------------------


def _read_maybe_gzip(path: str) -> bytes:
    with open(path, "rb") as f:
        head = f.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as f:  # type: ignore[operator]
        return f.read()


def _idx_array(path: str) -> np.ndarray:
    buf = _read_maybe_gzip(path)
    if len(buf) < 4 or buf[0] != 0 or buf[1] != 0 or buf[2] != 8:
        raise DataError(f"{path} is not an idx file of unsigned bytes")
    nd = buf[3]
    dims = struct.unpack(">" + "i" * nd, buf[4 : 4 + 4 * nd])
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)


def _find(names: List[str], first: Tuple[str, ...], kind: str) -> Optional[str]:
    for n in names:
        low = n.lower()
        if low.startswith(first) and kind in low and "idx" in low:
            return n
    return None


def load_idx(path: str, spec: str, limit: int, test_limit: int) -> Optional[Dataset]:
    names = sorted(os.listdir(path))
    tri, trl = _find(names, ("train",), "images"), _find(names, ("train",), "labels")
    if not tri and not trl:
        return None
    if not tri or not trl:
        raise DataError(f"{path} has train images or labels but not both")
    tei, tel = _find(names, ("t10k", "test"), "images"), _find(names, ("t10k", "test"), "labels")

    def pair(images: str, labels: str, n_max: int) -> Split:
        x = _idx_array(os.path.join(path, images))
        y = _idx_array(os.path.join(path, labels))
        n = cap(min(len(x), len(y)), n_max)
        return Split((x[:n].astype(np.float32) / 255)[..., None], y[:n].astype(np.int64))

    train = pair(tri, trl, limit)
    test = pair(tei, tel, test_limit) if tei and tel else Split(train.images[:0], train.labels[:0])
    classes_txt = os.path.join(path, "classes.txt")
    if os.path.exists(classes_txt):
        classes = [s.strip() for s in open(classes_txt, encoding="utf8") if s.strip()]
    else:
        classes = list(FASHION_MNIST_CLASSES) if "fashion" in path.lower() else [str(i) for i in range(10)]
    return Dataset(spec, "idx", classes, train, test)


# --- CIFAR-10 binary -------------------------------------------------------------------------


def load_cifar(path: str, spec: str, limit: int, test_limit: int) -> Optional[Dataset]:
    for folder in (path, os.path.join(path, "cifar-10-batches-bin")):
        if not os.path.isdir(folder):
            continue
        names = os.listdir(folder)
        batches = sorted(
            (n for n in names if n.startswith("data_batch_") and n.endswith(".bin")),
            key=lambda n: int("".join(ch for ch in n if ch.isdigit()) or 0),
        )
        if not batches:
            continue

        def read(files: List[str], n_max: int) -> Split:
            raw = b"".join(open(os.path.join(folder, f), "rb").read() for f in files)
            rec = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3073)
            rec = rec[: cap(len(rec), n_max)]
            images = rec[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1).astype(np.float32) / 255
            return Split(images, rec[:, 0].astype(np.int64))

        test_files = ["test_batch.bin"] if "test_batch.bin" in names else []
        meta = os.path.join(folder, "batches.meta.txt")
        classes = (
            [s.strip() for s in open(meta, encoding="utf8") if s.strip()]
            if os.path.exists(meta)
            else "airplane automobile bird cat deer dog frog horse ship truck".split()
        )
        return Dataset(spec, "cifar10", classes, read(batches, limit), read(test_files, test_limit))
    return None


# --- one folder of images per class ----------------------------------------------------------


def load_image_folder(
    path: str, spec: str, shape: Tuple[int, int, int], limit: int, test_limit: int, seed: int
) -> Optional[Dataset]:
    """Class sub-folders (or train/ and test/ holding them); a seeded fifth is held out otherwise."""
    from PIL import Image  # only image folders need Pillow

    def classes_in(folder: str) -> List[str]:
        return sorted(
            d for d in os.listdir(folder)
            if os.path.isdir(os.path.join(folder, d))
            and any(f.lower().endswith(IMAGE_EXTENSIONS) for f in os.listdir(os.path.join(folder, d)))
        )

    def items(folder: str, classes: List[str]) -> List[Tuple[str, int]]:
        out = []
        for label, cls in enumerate(classes):
            d = os.path.join(folder, cls)
            out += [(os.path.join(d, f), label) for f in sorted(os.listdir(d)) if f.lower().endswith(IMAGE_EXTENSIONS)]
        return out

    top = os.listdir(path)
    train_dir = next((n for n in top if n.lower() in ("train", "training")), None)
    test_dir = next((n for n in top if n.lower() in ("test", "val", "valid", "validation")), None)
    if train_dir and test_dir:
        classes = classes_in(os.path.join(path, train_dir))
        train_items = items(os.path.join(path, train_dir), classes)
        test_items = items(os.path.join(path, test_dir), classes)
    else:
        root = os.path.join(path, train_dir) if train_dir else path
        classes = classes_in(root)
        all_items = items(root, classes)
        order = shuffled_indices(len(all_items), Rng(HOLDOUT_SEED ^ 0x5EED))
        n_test = max(1, math.floor(len(all_items) * 0.2 + 0.5))
        test_items = [all_items[i] for i in order[:n_test]]
        train_items = [all_items[i] for i in order[n_test:]]
    if not classes:
        return None
    h, w, c = shape

    def decode(chosen: List[Tuple[str, int]], n_max: int, split_seed: int) -> Split:
        order = shuffled_indices(len(chosen), Rng(split_seed))[: cap(len(chosen), n_max)]
        images = np.empty((len(order), h, w, c), dtype=np.float32)
        labels = np.empty(len(order), dtype=np.int64)
        for k, i in enumerate(order):
            file, label = chosen[i]
            img = Image.open(file).convert("L" if c == 1 else "RGB").resize((w, h), Image.BILINEAR)
            images[k] = np.asarray(img, dtype=np.float32).reshape(h, w, c) / 255
            labels[k] = label
        return Split(images, labels)

    return Dataset(spec, "image-folder", classes, decode(train_items, limit, seed), decode(test_items, test_limit, seed))


def load_dataset(spec: str, shape: Tuple[int, int, int], limit: int = 0, test_limit: int = 0, seed: int = 1) -> Dataset:
    """Loads a data specification as `netd train --data` reads it.

    Raises DataError with a message naming the folder when it is missing or holds no known format.
    """
    s = spec.strip()
    if s.lower() == "synthetic":
        return load_synthetic(shape, limit, test_limit, seed)
    path = FASHION_MNIST_DIR if s.lower() == "fashion-mnist" else os.path.abspath(os.path.expanduser(s))
    if not os.path.isdir(path):
        raise DataError(f"data folder {path} does not exist")
    for found in (
        load_idx(path, s, limit, test_limit),
        load_cifar(path, s, limit, test_limit),
        load_image_folder(path, s, shape, limit, test_limit, seed),
    ):
        if found is not None:
            return found
    raise DataError(f"{path} holds no MNIST idx files, CIFAR-10 batches or class folders of images")


class Prepared(NamedTuple):
    train: np.ndarray  # indices into dataset.train
    val: np.ndarray
    mean: np.ndarray
    std: np.ndarray


def prepare(ds: Dataset, validation_split: float, seed: int) -> Prepared:
    """The seeded train/validation split and per-channel normalisation of the TypeScript engine.

    Normalises the dataset's arrays in place (no second copy of the images).
    """
    n = len(ds.train.labels)
    order = shuffled_indices(n, Rng(seed))
    val_count = min(n - 1, max(1, math.floor(n * validation_split + 0.5))) if validation_split > 0 else 0
    val, train = order[:val_count], order[val_count:]
    c = ds.train.images.shape[-1]
    mean = np.zeros(c)
    sq = np.zeros(c)
    for start in range(0, len(train), 4096):  # chunked: no float64 copy of the whole set
        chunk = ds.train.images[np.sort(train[start : start + 4096])].reshape(-1, c).astype(np.float64)
        mean += chunk.sum(0)
        sq += (chunk * chunk).sum(0)
    count = max(len(train) * ds.train.images[0].size // c, 1)
    mean /= count
    std = np.maximum(np.sqrt(np.maximum(sq / count - mean**2, 0)), 1e-3)
    for split in (ds.train, ds.test):
        np.subtract(split.images, mean.astype(np.float32), out=split.images)
        np.divide(split.images, std.astype(np.float32), out=split.images)
    return Prepared(train, val, mean, std)
