"""Runs a Keras file exported by NetDesigner against the shape-only Keras stand-in and prints JSON.

usage: run_with_stub.py MODEL_PY [WEIGHTS]
Prints {"output": [...], "layers": [{"name", "class", "trainable", "nonTrainable", "frozen"}]};
with WEIGHTS, the file's own loader puts them into the layers first (the stand-in checks shapes).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).with_name("keras_stub")))


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("exported", argv[1])
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build_model()
    if len(argv) > 2:
        module.load_netdesigner_weights(model, argv[2])
    rows = []
    for layer in model.layers:
        trainable, non_trainable = layer.count_params()
        rows.append({
            "name": layer.name,
            "class": type(layer).__name__,
            "trainable": trainable,
            "nonTrainable": non_trainable,
            "frozen": not layer.trainable,
            "loaded": getattr(layer, "loaded", False),
        })
    print(json.dumps({"output": list(model.output_shape), "layers": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
