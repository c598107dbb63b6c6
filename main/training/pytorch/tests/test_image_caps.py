"""Untrusted image files (issue 12): the caps of the TypeScript host, checked on the header and the
file's size before anything is decoded; special files refused without being read; 16-bit PNGs
reduced to 8 bits as pngjs reduces them."""
import os
import signal
import struct
import tempfile
import unittest
import zlib
from types import FrameType
from typing import Optional
from unittest import mock

import numpy as np

from netd_torch import images
from netd_torch.data import load_dataset
from netd_torch.splits import DataError


def png_bytes(w: int, h: int, colour: int, depth: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _timeout(_sig: int, _frame: Optional[FrameType]) -> None:
    raise TimeoutError("blocked reading a special file")


class ImageCapsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        signal.signal(signal.SIGALRM, _timeout)
        signal.alarm(20)  # a read that blocks (a FIFO) fails the test instead of hanging it

    def tearDown(self) -> None:
        signal.alarm(0)
        self.tmp.cleanup()

    def path(self, name: str, data: bytes) -> str:
        p = os.path.join(self.dir, name)
        with open(p, "wb") as f:
            f.write(data)
        return p

    def assert_refused_undecoded(self, path: str, message: str) -> None:
        decode = mock.Mock(side_effect=AssertionError("decoded"))
        with mock.patch.object(images, "_decoders", (decode, decode)):
            with self.assertRaises(images.ImageDecodeError) as caught:
                images.read_image(path, (4, 4, 3))
        self.assertEqual(str(caught.exception), message)
        decode.assert_not_called()

    def test_a_small_png_declaring_gigapixels_is_refused_before_decoding(self) -> None:
        # 48 KB on disk, 20000×20000 declared: 1.6 GB once decoded.
        small = png_bytes(20000, 20000, 2, 8, b"\x00" * 1000)
        p = self.path("bomb.png", small + b"\x00" * (48 * 1024 - len(small)))
        self.assertEqual(os.path.getsize(p), 48 * 1024)
        self.assert_refused_undecoded(
            p, f"{p} declares 20000×20000 pixels, more than the 50,000,000 NetDesigner reads — resize it"
        )

    def test_a_jpeg_declaring_too_many_pixels_is_refused_before_decoding(self) -> None:
        app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + bytes(9)
        sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 60000, 60000, 3) + bytes(9)
        p = self.path("big.jpg", b"\xff\xd8" + app0 + sof + b"\xff\xd9")
        self.assert_refused_undecoded(
            p, f"{p} declares 60000×60000 pixels, more than the 50,000,000 NetDesigner reads — resize it"
        )

    def test_a_jpeg_frame_header_after_large_metadata_is_found(self) -> None:
        app1 = b"\xff\xe1" + struct.pack(">H", 60000) + bytes(59998)  # EXIF-like, 120 KB in all
        sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 480, 640, 3) + bytes(9)
        p = self.path("meta.jpg", b"\xff\xd8" + app1 + app1 + sof + b"\xff\xd9")
        self.assertEqual(images.read_header(p), images.ImageHeader("jpeg", 640, 480, 8))

    def test_a_file_over_64_mb_is_refused_by_its_size_unread(self) -> None:
        p = self.path("huge.png", png_bytes(2, 2, 2, 8, b"\x00" * 14))
        os.truncate(p, 64 * 1024 * 1024 + 1)  # sparse: nothing is written
        self.assert_refused_undecoded(p, f"{p} is 64 MB, more than the 64 MB an image may have")
        os.truncate(p, 200 * 1024 * 1024)
        self.assert_refused_undecoded(p, f"{p} is 200 MB, more than the 64 MB an image may have")

    def test_fifos_and_devices_are_refused_without_being_read(self) -> None:
        fifo = os.path.join(self.dir, "pipe.png")
        os.mkfifo(fifo)  # opened for reading without a writer, a FIFO would block forever
        self.assert_refused_undecoded(fifo, f"{fifo} is not a regular file")
        with self.assertRaises(images.ImageDecodeError) as caught:
            images.read_header(fifo)
        self.assertEqual(str(caught.exception), f"{fifo} is not a regular file")
        self.assert_refused_undecoded("/dev/zero", "/dev/zero is not a regular file")

    def test_an_image_folder_with_a_bomb_fails_when_opened_naming_it(self) -> None:
        for cls in ("a", "b"):
            os.makedirs(os.path.join(self.dir, cls))
            for i in range(3):
                self.path(os.path.join(cls, f"{i}.png"), png_bytes(2, 2, 0, 8, b"\x00\x07\x07" * 2))
        bomb = self.path(os.path.join("b", "9.png"), png_bytes(30000, 30000, 0, 8, b"\x00"))
        with self.assertRaises(DataError) as caught:
            load_dataset(self.dir, (2, 2, 1))
        self.assertIn(f"{bomb} declares 30000×30000 pixels", str(caught.exception))

    def test_16_bit_grey_becomes_8_bits_as_pngjs_rounds_it(self) -> None:
        values = np.array([0, 127, 128, 129, 384, 385, 1000, 32767, 32768, 65407, 65408, 65535], dtype=">u2")
        p = self.path("grey16.png", png_bytes(len(values), 1, 0, 16, b"\x00" + values.tobytes()))
        # pngjs (format-normaliser.js scaleDepth): Math.floor(v * 255 / 65535 + 0.5)
        want = [0, 0, 0, 1, 1, 1, 4, 127, 128, 255, 255, 255]
        if images.decoders()[1] is None:
            self.skipTest("Pillow is not installed (torchvision 0.14 cannot decode 16-bit PNGs)")
        rgb = images.decode_rgb(p)
        self.assertEqual(rgb[0, :, 0].tolist(), want)
        np.testing.assert_array_equal(rgb[..., 0], rgb[..., 2])


if __name__ == "__main__":
    unittest.main()
