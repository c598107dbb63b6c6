"""netd_torch's data reading: what the user is told when an image or a data file is bad, and that
images are read per batch (also in DataLoader workers) rather than held."""
import os
import struct
import tempfile
import unittest
import zlib
from unittest import mock

import numpy as np

from netd_torch import images
from netd_torch.data import load_dataset, prepare
from netd_torch.loader import read_batches
from netd_torch.splits import DataError


def write_png(path: str, w: int, h: int, value: int) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([value]) * (3 * w) for _ in range(h))
    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class ImageFolderTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        for c, cls in enumerate(["a", "b"]):
            os.makedirs(os.path.join(self.root, cls))
            for i in range(10):
                write_png(os.path.join(self.root, cls, f"{i}.png"), 5, 4, 40 * c + i)

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def test_reads_only_the_images_a_batch_asks_for(self) -> None:
        ds = load_dataset(self.root, (4, 5, 3), seed=3)
        with mock.patch("netd_torch.image_folder.read_image", wraps=images.read_image) as read:
            x = ds.train.read(np.array([0, 2]))
        self.assertEqual(read.call_count, 2)
        self.assertEqual(x.shape, (2, 4, 5, 3))

    def test_workers_give_the_batches_of_the_main_process(self) -> None:
        ds = load_dataset(self.root, (4, 5, 1), seed=3)
        p = prepare(ds, 0.2, 3)
        index_batches = [np.sort(p.train[:5]), np.sort(p.train[5:])]
        here = [x.numpy() for x, _ in read_batches(ds.train, index_batches, 0, mean=p.mean, std=p.std)]
        there = [x.numpy() for x, _ in read_batches(ds.train, index_batches, 2, mean=p.mean, std=p.std)]
        for a, b in zip(here, there):
            np.testing.assert_array_equal(a, b)

    def test_a_corrupt_image_is_named_also_from_a_worker(self) -> None:
        bad = os.path.join(self.root, "a", "3.png")
        with open(bad, "r+b") as f:  # the compressed pixels, after a header that is fine
            f.seek(41)
            f.write(b"\xff" * 10)
        ds = load_dataset(self.root, (4, 5, 3), seed=3)
        everything = [np.arange(len(ds.train))] * 2
        for workers in (0, 1):
            with self.assertRaises(DataError) as caught:
                list(read_batches(ds.train, everything, workers))
            self.assertTrue(str(caught.exception).startswith(f"cannot decode image {bad}"), str(caught.exception))
            self.assertNotIn("Traceback", str(caught.exception))

    def test_a_file_that_is_no_image_fails_when_the_data_is_opened(self) -> None:
        stray = os.path.join(self.root, "b", "notes.png")
        with open(stray, "w") as f:
            f.write("not an image")
        with self.assertRaises(DataError) as caught:
            load_dataset(self.root, (4, 5, 3))
        self.assertEqual(str(caught.exception), f"cannot decode image {stray}: it is neither a PNG nor a JPEG file")

    def test_without_a_decoder_it_says_what_to_install(self) -> None:
        with mock.patch.object(images, "_decoders", (None, None)):
            with self.assertRaises(DataError) as caught:
                load_dataset(self.root, (4, 5, 3))
        self.assertIn("pip install pillow", str(caught.exception))

    def test_pillow_decodes_where_torchvision_cannot(self) -> None:
        tv, pil = images.decoders()
        if pil is None:
            self.skipTest("Pillow is not installed")
        with mock.patch.object(images, "_decoders", (None, pil)):
            x = images.read_image(os.path.join(self.root, "b", "1.png"), (4, 5, 3))
        np.testing.assert_array_equal(x, np.full((4, 5, 3), 41 / 255, dtype=np.float32))


class IdxTest(unittest.TestCase):
    def test_a_truncated_idx_file_is_named(self) -> None:
        with tempfile.TemporaryDirectory() as root:
            with open(os.path.join(root, "train-images-idx3-ubyte"), "wb") as f:
                f.write(bytes([0, 0, 8, 3]) + struct.pack(">III", 10, 2, 2) + bytes(12))
            with open(os.path.join(root, "train-labels-idx1-ubyte"), "wb") as f:
                f.write(bytes([0, 0, 8, 1]) + struct.pack(">I", 10) + bytes(10))
            with self.assertRaises(DataError) as caught:
                load_dataset(root, (2, 2, 1))
            self.assertEqual(
                str(caught.exception),
                f"{root}/train-images-idx3-ubyte is truncated: its header promises 10 images of 2×2 but it holds only 3",
            )


if __name__ == "__main__":
    unittest.main()
