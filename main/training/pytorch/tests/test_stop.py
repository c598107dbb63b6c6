"""A Stop while the data is read (the statistics pass reads every training image before the first
batch): it takes effect at the next chunk, and every process of a run learns of it in one sum."""
import os
import struct
import tempfile
import unittest
import unittest.mock
import zlib
from typing import Iterable, List

import numpy as np

from netd_torch.data import load_dataset, prepare, read_in_order, stopped_sum
from netd_torch.splits import Split, StopRequested


def write_png(path: str, value: int) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress((b"\x00" + bytes([value]) * 2) * 2)) + chunk(b"IEND", b""))


class StopDuringDataTest(unittest.TestCase):
    def test_the_statistics_pass_stops_at_the_chunk_after_the_request(self) -> None:
        ds = load_dataset("synthetic", (8, 8, 3), limit=400)
        chunks_read: List[int] = []
        stop = {"now": False}

        def reader(split: Split, batches: List[np.ndarray]) -> Iterable[np.ndarray]:
            for chunk in read_in_order(split, [b[:4] for b in batches]):  # many small chunks
                chunks_read.append(len(chunk))
                stop["now"] = True  # the pass has started: Stop now
                yield chunk

        with unittest.mock.patch("netd_torch.data.STATS_CHUNK_FLOATS", 8 * 8 * 3 * 4):
            with self.assertRaises(StopRequested):
                prepare(ds, 0.2, 1, reader, should_stop=lambda: stop["now"])
        self.assertEqual(len(chunks_read), 1)

    def test_every_process_stops_when_one_was_asked_to(self) -> None:
        ds = load_dataset("synthetic", (8, 8, 3), limit=40)
        sums: List[List[float]] = []

        def total(v: List[float]) -> List[float]:  # another process stopped before its pass
            sums.append(v)
            return [a + b for a, b in zip(v, stopped_sum(3))]

        with self.assertRaises(StopRequested):
            prepare(ds, 0.2, 1, total=total)
        self.assertEqual(len(sums), 1)  # one sum, the length every process sends
        self.assertEqual(len(sums[0]), len(stopped_sum(3)))
        prepared = prepare(ds, 0.2, 1)  # without a stop, the same data gives its statistics
        self.assertEqual(prepared.mean.shape, (3,))

    def test_opening_a_large_image_folder_stops_while_its_files_are_checked(self) -> None:
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        for c in ("a", "b"):
            os.makedirs(os.path.join(tmp.name, c))
            for i in range(600):
                write_png(os.path.join(tmp.name, c, f"{i:04}.png"), i % 200)
        asked = []

        def should_stop() -> bool:
            asked.append(1)
            return len(asked) > 2  # after the index, while the headers are checked

        with self.assertRaises(StopRequested):
            load_dataset(tmp.name, (2, 2, 1), should_stop=should_stop)
        self.assertEqual(len(asked), 3)
        ds = load_dataset(tmp.name, (2, 2, 1))
        self.assertEqual(len(ds.train) + len(ds.test), 1200)


if __name__ == "__main__":
    unittest.main()
