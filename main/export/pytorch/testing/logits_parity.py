"""Runs exported NetDesigner modules on given inputs, with given or fresh random weights.

Reads a JSON list of {"file", "className", "input": f32 path, "inputShape": [N, H, W, C],
"output": f32 path, "weightsIn"?: safetensors, "weightsOut"?: safetensors, "seed"} and, for each,
loads weightsIn (NetDesigner layouts) or initialises at random (BatchNorm statistics too) and
writes weightsOut, then writes the eval-mode output for the channels-last input.
"""
import importlib.util
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "training", "pytorch"))
from netd_torch.weights import design_weights, load_design_weights, read_safetensors, write_safetensors  # noqa: E402


def main() -> None:
    torch.set_num_threads(1)
    for entry in json.load(open(sys.argv[1])):
        spec = importlib.util.spec_from_file_location("exported", entry["file"])
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        torch.manual_seed(entry.get("seed", 0))
        model = getattr(module, entry["className"])()
        if "weightsIn" in entry:
            load_design_weights(model, read_safetensors(entry["weightsIn"]), module.DESIGN_LAYERS)
        else:
            with torch.no_grad():
                for m in model.modules():
                    if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                        m.running_mean.uniform_(-0.2, 0.2)
                        m.running_var.uniform_(0.5, 1.5)
                        m.weight.uniform_(0.5, 1.5)
                        m.bias.uniform_(-0.2, 0.2)
            write_safetensors(entry["weightsOut"], design_weights(model, module.DESIGN_LAYERS))
        x = np.fromfile(entry["input"], dtype="<f4").reshape(entry["inputShape"])
        with torch.no_grad():
            out = model.eval()(torch.from_numpy(x).permute(0, 3, 1, 2).contiguous())
        out.numpy().astype("<f4").tofile(entry["output"])


if __name__ == "__main__":
    main()
