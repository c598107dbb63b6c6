"""Trains a generated model briefly and reports which state entries changed (for frozen.test.ts).

    python -m tests.frozen_check MODEL.py CLASS [TRAINER.py] -- [train options]

TRAINER is the exported train.py to use instead of netd_torch.trainer (both expose `train`).
Prints one JSON object {"changed": {state name: bool}} on the last line of stdout. The starting
state is captured when the trainer builds the model (pass --init torch so it is not re-initialised
afterwards); the trainer changes that same module in place.
"""
import importlib.util
import json
import sys
from types import ModuleType
from typing import Callable, Dict, List

import torch
from torch import nn


def load(path: str, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"frozen_check: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: List[str]) -> int:
    split = argv.index("--")
    paths, options = argv[:split], argv[split + 1:]
    model_path, class_name = paths[0], paths[1]
    cls = getattr(load(model_path, "netd_model"), class_name)
    if len(paths) > 2:
        sys.path.insert(0, model_path.rsplit("/", 1)[0])  # train.py imports the model by module name
        train: Callable[..., int] = load(paths[2], "exported_train").train
    else:
        from netd_torch.trainer import train
    built: Dict[str, nn.Module] = {}
    before: Dict[str, torch.Tensor] = {}

    def make_model() -> nn.Module:
        model = cls()
        built["model"] = model
        before.update({k: v.detach().clone() for k, v in model.state_dict().items()})
        return model

    status = train(make_model, options)
    if status != 0:
        return status
    after = built["model"].state_dict()
    changed = {k: not torch.equal(before[k], after[k].cpu()) for k in before}
    print(json.dumps({"changed": changed}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
