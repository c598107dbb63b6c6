"""Independent safetensors reader/writer (json + numpy only) used to check NetDesigner's codec.

`read FILE` prints {"metadata": {...}, "tensors": {name: {"shape": [...], "values": [...]}}};
`write FILE` writes a reference file whose expected contents `expected()` also prints.
It follows the published format, not NetDesigner's code, so agreement means interoperability.
"""

from __future__ import annotations

import json
import struct
import sys
from typing import Any

import numpy as np


def read(path: str) -> dict[str, Any]:
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header: dict[str, Any] = json.loads(raw[8 : 8 + n].decode("utf-8"))
    data = raw[8 + n :]
    tensors: dict[str, Any] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        assert entry["dtype"] == "F32", f"{name}: {entry['dtype']}"
        begin, end = entry["data_offsets"]
        arr = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
        tensors[name] = {"shape": list(arr.shape), "values": arr.reshape(-1).tolist()}
    return {"metadata": header.get("__metadata__", {}), "tensors": tensors}


def reference() -> dict[str, np.ndarray]:
    """Tensors of the reference file: odd sizes so offsets are not all 8-byte aligned."""
    return {
        "c1/kernel": np.arange(2 * 2 * 3 * 4, dtype="<f4").reshape(2, 2, 3, 4) / 7.0,
        "c1/bias": np.array([1.5, -2.25, 3.0, -0.0], dtype="<f4"),
        "fc/bias": np.array([np.float32(1e-30), np.float32(3.4e38), -1.0], dtype="<f4"),
    }


def write(path: str) -> None:
    tensors = reference()
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    offset = 0
    chunks: list[bytes] = []
    for name, arr in tensors.items():
        b = arr.tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        chunks.append(b)
    head = json.dumps(header).encode("utf-8")
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        f.write(b"".join(chunks))


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("read", "write"):
        print("usage: safetensors_io.py read|write FILE", file=sys.stderr)
        return 2
    if argv[1] == "read":
        print(json.dumps(read(argv[2])))
    else:
        write(argv[2])
        expected = {k: {"shape": list(v.shape), "values": v.reshape(-1).tolist()} for k, v in reference().items()}
        print(json.dumps({"metadata": {"format": "pt"}, "tensors": expected}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
