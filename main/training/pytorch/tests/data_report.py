"""What netd_torch makes of a data specification, as JSON for the TypeScript parity test: classes,
label order, the train/validation split, the normalisation and a few normalised images.

    python -m tests.data_report SPEC H W C LIMIT TEST_LIMIT SEED VAL_SPLIT WORKERS SAMPLE…
"""
import json
import sys
from typing import List

import numpy as np

from netd_torch.data import load_dataset, normalize, prepare, read_in_order
from netd_torch.loader import images_in_batches


def report(argv: List[str]) -> dict:
    spec, h, w, c, limit, test_limit, seed = argv[0], *map(int, argv[1:7])
    val_split, workers, samples = float(argv[7]), int(argv[8]), [int(s) for s in argv[9:]]
    ds = load_dataset(spec, (h, w, c), limit, test_limit, seed)
    reader = read_in_order if workers == 0 else (lambda split, batches: images_in_batches(split, batches, workers))
    p = prepare(ds, val_split, seed, reader)
    pixels = [normalize(ds.train.read(np.array([k])), p.mean, p.std).ravel().tolist() for k in samples]
    test_pixels = normalize(ds.test.read(np.array([0])), p.mean, p.std).ravel().tolist() if len(ds.test) else []
    return {
        "format": ds.format, "classes": ds.classes, "shape": list(ds.train.shape),
        "trainLabels": ds.train.labels.tolist(), "testLabels": ds.test.labels.tolist(),
        "train": p.train.tolist(), "val": p.val.tolist(), "mean": p.mean.tolist(), "std": p.std.tolist(),
        "pixels": pixels, "testPixels": test_pixels,
    }


if __name__ == "__main__":
    print(json.dumps(report(sys.argv[1:])))
