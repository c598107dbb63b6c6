"""Reading one PNG / JPEG image the way NetDesigner's TypeScript engine does: decoded to 8-bit RGB
(alpha ignored, grey replicated), resized with the same bilinear sampling (half-pixel centres, edge
clamped) and converted to 1 channel with the same BT.601 luminance. PNG pixels come out identical
(16-bit colour PNGs may differ by one level, see _pillow_decoder); JPEG decoders (libjpeg-turbo,
Pillow, jpeg-js) may differ by a grey level here and there. Untrusted files are held to the same
caps as the TypeScript host's before a pixel is decoded.
"""
import io
import os
import stat
import struct
from typing import BinaryIO, Callable, NamedTuple, Optional, Tuple

import numpy as np

# A 1×1 PNG: whether torchvision's image extension actually works is only known by decoding.
_PROBE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a49444154789c636000000002000148afa4710000000049454e44ae426082"
)
Decoder = Callable[[bytes, "ImageHeader"], np.ndarray]
_decoders: Optional[Tuple[Optional[Decoder], Optional[Decoder]]] = None


class ImageDecodeError(Exception):
    """An image that cannot be read or decoded; the message names the file."""


def _torchvision_decoder() -> Optional[Decoder]:
    try:
        import torch
        from torchvision.io import ImageReadMode, decode_image

        decode_image(torch.frombuffer(bytearray(_PROBE_PNG), dtype=torch.uint8), ImageReadMode.RGB)
    except Exception:  # not installed, or built without its image extension
        return None

    def decode(data: bytes, header: "ImageHeader") -> np.ndarray:
        if header.bit_depth == 16:  # torchvision 0.14 refuses them; newer ones scale differently
            raise ValueError("16-bit PNG: left to Pillow")
        return decode_image(torch.frombuffer(bytearray(data), dtype=torch.uint8), ImageReadMode.RGB).permute(1, 2, 0).numpy()

    return decode


def _pillow_decoder() -> Optional[Decoder]:
    try:
        from PIL import Image
    except ImportError:
        return None

    def decode(data: bytes, header: "ImageHeader") -> np.ndarray:
        with Image.open(io.BytesIO(data)) as img:
            if img.mode.startswith("I"):  # 16-bit grey: Pillow keeps the samples, scaled here as pngjs scales them
                grey = to_8_bits(np.asarray(img))
                return np.repeat(grey[..., None], 3, axis=2)
            # 16-bit colour: Pillow keeps only the high byte (v >> 8), which differs from pngjs's
            # round(v / 257) by one grey level at most (pythonTests.test.ts shows where).
            return np.asarray(img.convert("RGB"))

    return decode


def decoders() -> Tuple[Optional[Decoder], Optional[Decoder]]:
    """torchvision.io (libpng / libjpeg) and Pillow, each None where it is not there."""
    global _decoders
    if _decoders is None:
        _decoders = (_torchvision_decoder(), _pillow_decoder())
    return _decoders


def require_decoder() -> None:
    """Raises ImageDecodeError saying what to install when no decoder is there."""
    if not any(decoders()):
        raise ImageDecodeError(
            "cannot decode PNG/JPEG images: neither torchvision's image decoder nor Pillow is installed "
            "in this Python — pip install pillow (or pip install torchvision; apt install python3-pil on Debian/Ubuntu)"
        )


# The caps of the TypeScript host (main/training/data/imageHeader.ts: MAX_IMAGE_FILE_BYTES and
# MAX_IMAGE_PIXELS). Python cannot import them, so they are copied here; pythonTests.test.ts checks
# that the two copies agree.
MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000
_MAX_HEADER_SCAN_BYTES = 16 * 1024 * 1024  # how far into a JPEG its frame header is looked for
_FIRST_READ_BYTES = 4096  # a PNG header is 33 bytes; a JPEG with large metadata reads on (×4 each time)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ImageHeader(NamedTuple):
    format: str  # "png" or "jpeg"
    width: int
    height: int
    bit_depth: int  # bits per sample as the header declares them (8 for JPEG)


def _png_header(buf: bytes, path: str) -> Optional[ImageHeader]:
    if len(buf) < 33:
        return None
    if buf[8:12] != b"\x00\x00\x00\x0d" or buf[12:16] != b"IHDR":
        raise ImageDecodeError(f"{path} is not a valid PNG file (its first chunk is not IHDR)")
    width, height, depth, colour = struct.unpack(">IIBB", buf[16:26])
    if colour not in (0, 2, 3, 4, 6):
        raise ImageDecodeError(f"{path} is not a valid PNG file (unknown colour type {colour})")
    return ImageHeader("png", width, height, depth)


def _jpeg_header(buf: bytes, path: str, file_size: int) -> Optional[ImageHeader]:
    """The SOF frame header, walking segment lengths as imageHeader.ts does; None = read more."""
    no_frame = ImageDecodeError(f"{path} is not a valid JPEG file (no frame header)")
    at = 2
    for _ in range(100_000):
        if at + 4 > len(buf):
            if at + 4 > file_size:
                raise no_frame
            return None
        if buf[at] != 0xFF:
            raise ImageDecodeError(f"{path} is not a valid JPEG file (no marker at byte {at})")
        marker = buf[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # no length: TEM, RST0–7
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image / start of scan before any frame
            raise no_frame
        (length,) = struct.unpack(">H", buf[at + 2 : at + 4])
        if length < 2:
            raise ImageDecodeError(f"{path} is not a valid JPEG file (bad segment length)")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if at + 10 > len(buf):
                if at + 10 > file_size:
                    raise no_frame
                return None
            height, width = struct.unpack(">HH", buf[at + 5 : at + 9])
            if height == 0:
                raise ImageDecodeError(f"{path}: JPEG files that give their height later (DNL) are not supported")
            return ImageHeader("jpeg", width, height, 8)
        at += 2 + length
    raise no_frame


def parse_header(buf: bytes, path: str, file_size: int) -> Optional[ImageHeader]:
    """The header in the file's first bytes `buf` (None: it lies further in), its size checked
    against MAX_IMAGE_PIXELS; raises ImageDecodeError naming the file."""
    if buf.startswith(_PNG_SIGNATURE):
        h = _png_header(buf, path)
    elif buf.startswith(b"\xff\xd8\xff"):
        h = _jpeg_header(buf, path, file_size)
    else:
        raise ImageDecodeError(f"cannot decode image {path}: it is neither a PNG nor a JPEG file")
    if h is None:
        if len(buf) >= file_size:
            raise ImageDecodeError(f"{path} is truncated inside its header")
        return None
    if h.width == 0 or h.height == 0:
        raise ImageDecodeError(f"{path} declares an empty image ({h.width}×{h.height})")
    if h.width * h.height > MAX_IMAGE_PIXELS:
        raise ImageDecodeError(
            f"{path} declares {h.width}×{h.height} pixels, more than the {MAX_IMAGE_PIXELS:,} NetDesigner reads — resize it"
        )
    return h


def _open_regular(path: str) -> Tuple[BinaryIO, int]:
    """The open file and its size: a regular file within MAX_IMAGE_FILE_BYTES. FIFOs and devices
    are refused before they are opened, and again on the opened file (it may have been swapped)."""
    def check(info: os.stat_result) -> int:
        if not stat.S_ISREG(info.st_mode):
            raise ImageDecodeError(f"{path} is not a regular file")
        if info.st_size > MAX_IMAGE_FILE_BYTES:
            raise ImageDecodeError(
                f"{path} is {info.st_size / 1024**2:.0f} MB, more than the {MAX_IMAGE_FILE_BYTES // 1024**2} MB an image may have"
            )
        return info.st_size

    try:
        check(os.stat(path))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise ImageDecodeError(f"cannot read image {path}: {err.strerror or err}") from err
    f = os.fdopen(fd, "rb")
    try:
        return f, check(os.fstat(fd))
    except BaseException:
        f.close()
        raise


def _read_header(f: BinaryIO, path: str, size: int) -> Tuple[ImageHeader, bytes]:
    want = min(size, _FIRST_READ_BYTES)
    head = f.read(want)
    while True:
        h = parse_header(head, path, size)
        if h is not None:
            return h, head
        if want >= min(size, _MAX_HEADER_SCAN_BYTES):
            raise ImageDecodeError(f"{path} has no image header in its first {want} bytes")
        want = min(size, _MAX_HEADER_SCAN_BYTES, want * 4)
        head += f.read(want - len(head))


def read_header(path: str) -> ImageHeader:
    """The header of the image file at `path` (its first bytes only, never its pixels); raises
    ImageDecodeError naming the file when it is not a regular file, too big, malformed or declares
    too many pixels."""
    f, size = _open_regular(path)
    with f:
        return _read_header(f, path, size)[0]


def read_checked(path: str) -> Tuple[ImageHeader, bytes]:
    """The header and the whole file, its caps checked on the header before the rest is read."""
    f, size = _open_regular(path)
    with f:
        h, head = _read_header(f, path, size)
        data = head + f.read(MAX_IMAGE_FILE_BYTES + 1 - len(head))  # a file growing meanwhile stops here
    if len(data) > MAX_IMAGE_FILE_BYTES:
        raise ImageDecodeError(f"{path} grew past {MAX_IMAGE_FILE_BYTES // 1024**2} MB while it was read")
    return h, data


def to_8_bits(samples: np.ndarray) -> np.ndarray:
    """16-bit samples to 8 bits exactly as pngjs does for the TypeScript engine:
    floor(v · 255 / 65535 + 0.5) (no value sits on a tie, so this is round(v / 257))."""
    return np.floor(samples.astype(np.float64) * 255 / 65535 + 0.5).astype(np.uint8)


def decode_rgb(path: str) -> np.ndarray:
    """The image at `path` as (height, width, 3) uint8; raises ImageDecodeError naming the file.

    The file's size and the pixels its header declares are checked before anything is decoded."""
    require_decoder()
    h, data = read_checked(path)
    errors = []
    for decode in decoders():
        if decode is None:
            continue
        try:
            rgb = decode(data, h)
        except Exception as err:  # decoders raise RuntimeError, ValueError, PIL's errors …
            errors.append(str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__)
            continue
        if rgb.shape[:2] != (h.height, h.width):
            raise ImageDecodeError(f"cannot decode image {path}: it decodes to {rgb.shape[1]}×{rgb.shape[0]}, not the {h.width}×{h.height} its header declares")
        return rgb
    raise ImageDecodeError(f"cannot decode image {path}: it is not a valid PNG or JPEG file ({errors[-1]})")


def resample(rgb: np.ndarray, shape: Tuple[int, int, int]) -> np.ndarray:
    """`rgb` resized to `shape` (H, W, C) as float32 in [0, 1]: the TypeScript `resampleInto`,
    evaluated in float64 in the same order, so the floats are the same."""
    h, w, c = shape
    src_h, src_w = rgb.shape[0], rgb.shape[1]
    fy = np.minimum(np.maximum((np.arange(h) + 0.5) * (src_h / h) - 0.5, 0), src_h - 1)
    fx = np.minimum(np.maximum((np.arange(w) + 0.5) * (src_w / w) - 0.5, 0), src_w - 1)
    y0, x0 = np.floor(fy).astype(np.int64), np.floor(fx).astype(np.int64)
    y1, x1 = np.minimum(y0 + 1, src_h - 1), np.minimum(x0 + 1, src_w - 1)
    dy, dx = (fy - y0)[:, None, None], (fx - x0)[None, :, None]
    p = rgb.astype(np.float64)
    top = p[y0][:, x0] * (1 - dx) + p[y0][:, x1] * dx
    bottom = p[y1][:, x0] * (1 - dx) + p[y1][:, x1] * dx
    s = top * (1 - dy) + bottom * dy
    if c == 1:
        return ((0.299 * s[..., 0] + 0.587 * s[..., 1] + 0.114 * s[..., 2]) / 255).astype(np.float32)[..., None]
    return (s[..., [min(ch, 2) for ch in range(c)]] / 255).astype(np.float32)


def read_image(path: str, shape: Tuple[int, int, int]) -> np.ndarray:
    """One image file as the network's (H, W, C) float32 input in [0, 1]."""
    return resample(decode_rgb(path), shape)
