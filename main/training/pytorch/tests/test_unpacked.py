"""Gzipped idx data with several processes: one process per machine decompresses it into the run's
folder, the others map that file instead of each holding its own decompressed copy."""
import gzip
import os
import struct
import tempfile
import unittest

import numpy as np

from netd_torch.data import Unpacked, load_dataset


def write_idx(root: str, name: str, dims: tuple, data: bytes) -> None:
    head = bytes([0, 0, 8, len(dims)]) + struct.pack(">" + "I" * len(dims), *dims)
    with gzip.open(os.path.join(root, name + ".gz"), "wb") as f:
        f.write(head + data)


class UnpackedIdxTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.data = os.path.join(self.tmp.name, "data")
        os.makedirs(self.data)
        pixels = np.arange(30 * 4 * 4, dtype=np.uint32).astype(np.uint8).tobytes()
        write_idx(self.data, "train-images-idx3-ubyte", (30, 4, 4), pixels)
        write_idx(self.data, "train-labels-idx1-ubyte", (30,), bytes(i % 10 for i in range(30)))
        self.folder = os.path.join(self.tmp.name, "run", "unpacked")

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def test_the_writer_decompresses_once_and_the_others_map_its_file(self) -> None:
        alone = load_dataset(self.data, (4, 4, 1), limit=20)
        writer = load_dataset(self.data, (4, 4, 1), limit=20, unpacked=Unpacked(self.folder, True))
        self.assertEqual(os.listdir(self.folder), ["train-images-idx3-ubyte.gz.320.u8"])
        reader = load_dataset(self.data, (4, 4, 1), limit=20, unpacked=Unpacked(self.folder, False))
        for ds in (writer, reader):
            self.assertIsInstance(ds.train.images.base, np.memmap)  # type: ignore[attr-defined]
            np.testing.assert_array_equal(ds.train.read(np.arange(20)), alone.train.read(np.arange(20)))
            np.testing.assert_array_equal(ds.train.labels, alone.train.labels)

    def test_a_reader_without_the_writers_file_decompresses_on_its_own(self) -> None:
        alone = load_dataset(self.data, (4, 4, 1))
        reader = load_dataset(self.data, (4, 4, 1), unpacked=Unpacked(self.folder, False))
        self.assertFalse(os.path.exists(self.folder))
        np.testing.assert_array_equal(reader.train.read(np.arange(30)), alone.train.read(np.arange(30)))


if __name__ == "__main__":
    unittest.main()
