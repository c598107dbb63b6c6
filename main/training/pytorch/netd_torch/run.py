"""NetDesigner's entry point for the PyTorch engine: train the model class of a generated file.

    python -m netd_torch.run --model model.py --class Net [netd train options] --json
"""
import argparse
import importlib.util
import sys
from typing import Dict, List, Optional, Tuple

from torch import nn

from .trainer import train


def load_class(path: str, name: str) -> Tuple[type, Dict[str, str]]:
    """The nn.Module subclass `name` defined in the Python file at `path`, and its DESIGN_LAYERS."""
    spec = importlib.util.spec_from_file_location("netd_model", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"netd_torch: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cls = getattr(module, name, None)
    if not isinstance(cls, type) or not issubclass(cls, nn.Module):
        raise SystemExit(f"netd_torch: {path} has no nn.Module class {name}")
    return cls, dict(getattr(module, "DESIGN_LAYERS", {}))


def main(argv: Optional[List[str]] = None) -> int:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--model", required=True)
    pre.add_argument("--class", dest="class_name", required=True)
    known, rest = pre.parse_known_args(argv)
    cls, layers = load_class(known.model, known.class_name)
    return train(cls, rest, layers)


if __name__ == "__main__":
    sys.exit(main())
