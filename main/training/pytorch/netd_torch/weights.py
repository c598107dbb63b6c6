"""NetDesigner weights ↔ a PyTorch module.

NetDesigner keeps weights as float32 safetensors named `<layer id>/<weight>` in the TensorFlow.js
layouts (Conv2D kernel [kh, kw, in, out], Dense kernel [in, out], BatchNorm gamma/beta/
moving_mean/moving_variance). An exported module's DESIGN_LAYERS maps each layer id to its
sub-module; these functions convert between the two.
"""
import json
import struct
from typing import Dict, Mapping

import numpy as np
import torch
from torch import nn


def read_safetensors(path: str) -> Dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n].decode("utf-8"))
    data = raw[8 + n :]
    out: Dict[str, np.ndarray] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} is {entry['dtype']}, expected F32")
        begin, end = entry["data_offsets"]
        out[name] = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"]).copy()
    return out


def write_safetensors(path: str, tensors: Mapping[str, np.ndarray]) -> None:
    """Writes float32 tensors as a safetensors file (names sorted, as the format recommends)."""
    header: Dict[str, object] = {}
    chunks = []
    offset = 0
    for name in sorted(tensors):
        b = np.ascontiguousarray(tensors[name], dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        chunks.append(b)
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-len(head) % 8)  # keep the data 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)) + head + b"".join(chunks))


def _pairs(module: nn.Module) -> Dict[str, str]:
    """NetDesigner weight name → this module's state_dict entry."""
    if isinstance(module, nn.Conv2d) or isinstance(module, nn.Linear):
        return {"kernel": "weight", "bias": "bias"}
    if isinstance(module, nn.modules.batchnorm._BatchNorm):
        return {"gamma": "weight", "beta": "bias", "moving_mean": "running_mean", "moving_variance": "running_var"}
    raise ValueError(f"{type(module).__name__} has no NetDesigner weights")


def _to_torch(module: nn.Module, weight: str, value: np.ndarray) -> torch.Tensor:
    t = torch.from_numpy(np.asarray(value, dtype=np.float32))
    if weight == "kernel" and isinstance(module, nn.Conv2d):
        return t.permute(3, 2, 0, 1).contiguous()  # [kh, kw, in, out] → [out, in, kh, kw]
    if weight == "kernel":
        return t.t().contiguous()  # [in, out] → [out, in]
    return t


def _to_design(module: nn.Module, weight: str, value: torch.Tensor) -> np.ndarray:
    t = value.detach().float().cpu()
    if weight == "kernel" and isinstance(module, nn.Conv2d):
        t = t.permute(2, 3, 1, 0)
    elif weight == "kernel":
        t = t.t()
    return t.contiguous().numpy()


def load_design_weights(model: nn.Module, tensors: Mapping[str, np.ndarray], layers: Mapping[str, str]) -> None:
    """Copies NetDesigner tensors into `model` (every layer of `layers` must be present)."""
    with torch.no_grad():
        for layer_id, path in layers.items():
            sub = model.get_submodule(path)
            for weight, attr in _pairs(sub).items():
                target = getattr(sub, attr)
                if target is None:
                    continue
                name = f"{layer_id}/{weight}"
                if name not in tensors:
                    raise KeyError(f"the weights have no tensor {name}")
                value = _to_torch(sub, weight, tensors[name])
                if tuple(value.shape) != tuple(target.shape):
                    raise ValueError(f"{name}: shape {list(tensors[name].shape)} does not fit {path}.{attr} {list(target.shape)}")
                target.copy_(value)


def design_weights(model: nn.Module, layers: Mapping[str, str]) -> Dict[str, np.ndarray]:
    """`model`'s weights as NetDesigner tensors (`<layer id>/<weight>`, TensorFlow.js layouts)."""
    out: Dict[str, np.ndarray] = {}
    for layer_id, path in layers.items():
        sub = model.get_submodule(path)
        for weight, attr in _pairs(sub).items():
            value = getattr(sub, attr)
            if value is not None:
                out[f"{layer_id}/{weight}"] = _to_design(sub, weight, value)
    return out
