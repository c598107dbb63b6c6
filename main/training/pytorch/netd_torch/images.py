"""Reading one PNG / JPEG image the way NetDesigner's TypeScript engine does: decoded to 8-bit RGB
(alpha ignored, grey replicated), resized with the same bilinear sampling (half-pixel centres, edge
clamped) and converted to 1 channel with the same BT.601 luminance. PNG pixels come out identical;
JPEG decoders (libjpeg-turbo, Pillow, jpeg-js) may differ by a grey level here and there.
"""
from typing import Callable, Optional, Tuple

import numpy as np

# A 1×1 PNG: whether torchvision's image extension actually works is only known by decoding.
_PROBE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a49444154789c636000000002000148afa4710000000049454e44ae426082"
)
_decoders: Optional[Tuple[Optional[Callable[[str], np.ndarray]], Optional[Callable[[str], np.ndarray]]]] = None


class ImageDecodeError(Exception):
    """An image that cannot be read or decoded; the message names the file."""


def _torchvision_decoder() -> Optional[Callable[[str], np.ndarray]]:
    try:
        import torch
        from torchvision.io import ImageReadMode, decode_image, read_file

        decode_image(torch.frombuffer(bytearray(_PROBE_PNG), dtype=torch.uint8), ImageReadMode.RGB)
    except Exception:  # not installed, or built without its image extension
        return None

    def decode(path: str) -> np.ndarray:
        return decode_image(read_file(path), ImageReadMode.RGB).permute(1, 2, 0).numpy()

    return decode


def _pillow_decoder() -> Optional[Callable[[str], np.ndarray]]:
    try:
        from PIL import Image
    except ImportError:
        return None

    def decode(path: str) -> np.ndarray:
        with Image.open(path) as img:
            return np.asarray(img.convert("RGB"))

    return decode


def decoders() -> Tuple[Optional[Callable[[str], np.ndarray]], Optional[Callable[[str], np.ndarray]]]:
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


def decode_rgb(path: str) -> np.ndarray:
    """The image at `path` as (height, width, 3) uint8; raises ImageDecodeError naming the file."""
    require_decoder()
    try:
        with open(path, "rb"):
            pass
    except OSError as err:
        raise ImageDecodeError(f"cannot read image {path}: {err.strerror or err}") from err
    errors = []
    for decode in decoders():
        if decode is None:
            continue
        try:
            rgb = decode(path)
        except Exception as err:  # decoders raise RuntimeError, ValueError, PIL's errors …
            errors.append(str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__)
            continue
        if rgb.dtype != np.uint8:  # 16-bit PNGs: to 8 bits
            rgb = np.round(rgb.astype(np.float64) / 257).astype(np.uint8)
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
