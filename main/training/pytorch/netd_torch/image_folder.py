"""One sub-folder of PNG/JPEG images per class (or train/ and test/ folders holding them), indexed
exactly as NetDesigner's TypeScript indexes it (same classes, same hold-out, same limits for the
same seed) and read one image at a time when a batch needs it: the decoded set is never held.
"""
import math
import os
import re
import unicodedata
from typing import List, Optional, Tuple

import numpy as np

from .images import ImageDecodeError, read_header, read_image, require_decoder
from .splits import DataError, Rng, Split, StopCheck, StopRequested, cap, never_stop, shuffled_indices

IMAGE_EXTENSIONS = re.compile(r"\.(png|jpe?g)$", re.IGNORECASE)
HOLDOUT = 0.2
# Punctuation in the order of ICU's root collation (JavaScript's localeCompare), before digits and letters.
_PUNCTUATION = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"

Item = Tuple[str, int]


def collation_key(name: str) -> Tuple[List[Tuple[int, int]], List[int], List[int]]:
    """A sort key close to JavaScript's `a.localeCompare(b)` (the TypeScript sorts class folders
    with it): letters compared without case or accents first, punctuation before digits before
    letters, then accents, then lower case before upper case."""
    primary, accents, case = [], [], []
    for ch in name:
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0].lower()
        group = 2 if base.isalpha() else 1 if base.isdigit() else 0
        order = _PUNCTUATION.find(base) if group == 0 and base in _PUNCTUATION else 1000 + ord(base)
        primary.append((group, order if group == 0 else ord(base)))
        accents.append(len(decomposed) - 1)
        case.append(1 if ch.isupper() else 0)
    return primary, accents, case


def _subdirs(folder: str) -> List[str]:
    with os.scandir(folder) as entries:  # symbolic links are not followed, as Node's Dirent does
        names = [e.name for e in entries if e.is_dir(follow_symlinks=False) and not e.name.startswith(".")]
    return sorted(names, key=collation_key)


def _images_in(folder: str) -> List[str]:
    return sorted(n for n in os.listdir(folder) if IMAGE_EXTENSIONS.search(n))


def _list_classes(root: str, classes: List[str]) -> List[Item]:
    items: List[Item] = []
    for label, cls in enumerate(classes):
        folder = os.path.join(root, cls)
        files = _images_in(folder)
        if not files:
            raise DataError(f"class folder {folder} has no PNG or JPEG images")
        items += [(os.path.join(folder, f), label) for f in files]
    return items


def index_image_folder(path: str, seed: int) -> Optional[Tuple[List[str], List[Item], List[Item]]]:
    """Classes, train items and test items (no decoding); None when `path` has no class folders."""
    top = _subdirs(path)
    train_dir = next((n for n in top if re.fullmatch(r"train(ing)?", n, re.IGNORECASE)), None)
    test_dir = next((n for n in top if re.fullmatch(r"test|val|valid|validation", n, re.IGNORECASE)), None)
    if train_dir and test_dir:
        train_root, test_root = os.path.join(path, train_dir), os.path.join(path, test_dir)
        classes = _subdirs(train_root)
        if not classes:
            raise DataError(f"{train_root} has no class folders — put one folder per class inside it")
        test_classes = _subdirs(test_root)
        extra = [c for c in test_classes if c not in classes]
        if extra:
            raise DataError(f"{test_root} has class folders that {train_root} lacks: {', '.join(extra)}")
        test = [(p, classes.index(test_classes[label])) for p, label in _list_classes(test_root, test_classes)]
        return classes, _list_classes(train_root, classes), test
    if train_dir:  # a train/ folder alone holds the classes; a fifth of it is held out as usual
        return index_image_folder(os.path.join(path, train_dir), seed)
    # Only folders that hold images are classes, but an empty one beside them is a forgotten class.
    with_images = [n for n in top if _images_in(os.path.join(path, n))]
    if not with_images:
        return None
    empty = [n for n in top if n not in with_images]
    if empty:
        raise DataError(f"class folder {os.path.join(path, empty[0])} has no PNG or JPEG images")
    items = _list_classes(path, with_images)
    order = shuffled_indices(len(items), Rng(seed ^ 0x5EED))
    n_test = max(1, math.floor(len(items) * HOLDOUT + 0.5))
    return with_images, [items[i] for i in order[n_test:]], [items[i] for i in order[:n_test]]


def _check_header(path: str) -> None:
    """A PNG or JPEG by its header, within the size caps (as the TypeScript checks), read without
    decoding, so a stray, hostile or special file fails at the start."""
    try:
        read_header(path)
    except ImageDecodeError as err:
        raise DataError(str(err)) from err


class ImageFolderSplit(Split):
    """Image files resized to `shape` when read; `items` already in the seeded, limited order."""

    def __init__(self, items: List[Item], shape: Tuple[int, int, int]) -> None:
        super().__init__(np.array([label for _, label in items], dtype=np.int64), shape)
        self.paths = [p for p, _ in items]

    def read(self, idx: np.ndarray) -> np.ndarray:
        out = np.empty((len(idx), *self.shape), dtype=np.float32)
        for k, i in enumerate(idx):
            try:
                out[k] = read_image(self.paths[i], self.shape)
            except ImageDecodeError as err:
                raise DataError(str(err)) from err
        return out


def image_folder_split(items: List[Item], shape: Tuple[int, int, int], limit: int, seed: int,
                       should_stop: StopCheck = never_stop) -> ImageFolderSplit:
    """A seeded shuffle before the limit keeps a limited split balanced across classes."""
    order = shuffled_indices(len(items), Rng(seed))[: cap(len(items), limit)]
    chosen = [items[i] for i in order]
    for k, (path, _) in enumerate(chosen):
        if k % 256 == 0 and should_stop():  # a large folder takes a while to check
            raise StopRequested()
        _check_header(path)
    return ImageFolderSplit(chosen, shape)


def load_image_folder(
    path: str, shape: Tuple[int, int, int], limit: int, test_limit: int, seed: int, holdout_seed: int,
    should_stop: StopCheck = never_stop,
) -> Optional[Tuple[List[str], ImageFolderSplit, ImageFolderSplit]]:
    """Classes, train and test splits of an image folder, or None when it is not one; raises
    StopRequested when `should_stop` says so while the files are being checked."""
    found = index_image_folder(path, holdout_seed)
    if should_stop():
        raise StopRequested()
    if found is None:
        return None
    try:
        require_decoder()
    except ImageDecodeError as err:
        raise DataError(str(err)) from err
    classes, train, test = found
    return (classes, image_folder_split(train, shape, limit, seed, should_stop),
            image_folder_split(test, shape, test_limit, seed + 1, should_stop))
