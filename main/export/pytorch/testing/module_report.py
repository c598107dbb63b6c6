"""What PyTorch says about exported NetDesigner modules: per-layer output shapes and counts.

Reads a JSON list of {"file", "className", "modules": [[nodeId, attr]], "globals": [nodeIds]} and
prints, per entry, {"nodes": {nodeId: {"outputShape", "trainableParams", "nonTrainableParams"}},
"output": shape} with shapes in the designer's channels-last layout, batch omitted.
"""
import importlib.util
import json
import sys
from typing import Any, Dict, List

import torch
from torch import nn


def _skip_init() -> None:
    """Counting needs no random initialisation, and VGG's would take most of the run."""
    for cls in (nn.Linear, nn.Conv2d):
        cls.reset_parameters = lambda self: None  # type: ignore[assignment]


def designer_shape(t: torch.Tensor, is_global: bool) -> List[int]:
    shape = list(t.shape[1:])
    if is_global:
        return [int(torch.tensor(shape).prod().item())]
    if len(shape) == 3 and shape[2] == 1 and t.dim() == 3:
        return [shape[0]]  # LRN on a vector runs as (N, C, 1)
    if len(shape) == 3:
        c, h, w = shape
        return [h, w, c]
    return shape


def report(entry: Dict[str, Any]) -> Dict[str, Any]:
    spec = importlib.util.spec_from_file_location("exported", entry["file"])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model: nn.Module = getattr(module, entry["className"])().eval()
    globals_ = set(entry.get("globals", []))
    nodes: Dict[str, Dict[str, Any]] = {}
    hooks = []
    for node_id, attr in entry["modules"]:
        sub = model.get_submodule(attr)
        trainable = sum(p.numel() for p in sub.parameters())
        running = sum(
            b.numel() for name, b in sub.named_buffers() if name.endswith(("running_mean", "running_var"))
        )
        nodes[node_id] = {"trainableParams": trainable, "nonTrainableParams": running}

        def hook(_m: nn.Module, _i: Any, out: torch.Tensor, node_id: str = node_id) -> None:
            nodes[node_id]["outputShape"] = designer_shape(out, node_id in globals_)

        hooks.append(sub.register_forward_hook(hook))
    with torch.no_grad():
        try:
            # Shapes only: the meta device computes them without the arithmetic (VGG at 224 in ms).
            out = model.to("meta")(torch.zeros(1, *model.input_shape, device="meta"))
        except (NotImplementedError, RuntimeError):
            model = getattr(module, entry["className"])().eval()
            for node_id, attr in entry["modules"]:
                model.get_submodule(attr).register_forward_hook(
                    lambda _m, _i, out, node_id=node_id: nodes[node_id].__setitem__(
                        "outputShape", designer_shape(out, node_id in globals_)
                    )
                )
            out = model(torch.zeros(1, *model.input_shape))
    return {"nodes": nodes, "output": list(out.shape[1:])}


def main() -> None:
    _skip_init()
    torch.set_num_threads(1)
    entries = json.load(open(sys.argv[1]))
    results = []
    for entry in entries:
        try:
            results.append(report(entry))
        except Exception as err:  # reported per design, so one failure names its graph
            results.append({"error": f"{type(err).__name__}: {err}"})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
