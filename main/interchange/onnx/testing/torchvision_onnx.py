"""Export a torchvision classic to ONNX with seeded weights, plus PyTorch's own goldens.

Used by the ONNX round-trip tests: they import the ``.onnx`` file, and compare parameter counts
and logits with what PyTorch itself reports here (never with NetDesigner's own numbers).

    python3 torchvision_onnx.py OUT_DIR MODEL:SIZE [MODEL:SIZE …]

writes, for each model, ``OUT_DIR/MODEL.onnx``, ``OUT_DIR/MODEL.input.bin`` (float32, NCHW, batch 2),
``OUT_DIR/MODEL.logits.bin`` (float32, batch 2 × classes) and ``OUT_DIR/MODEL.json``
(trainable parameter count, BatchNorm running-statistic count, shapes).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

import torch
import torchvision  # type: ignore[import-untyped]

BATCH = 2
CLASSES = 1000

BUILDERS: dict[str, Callable[[], torch.nn.Module]] = {
    "alexnet": lambda: torchvision.models.alexnet(num_classes=CLASSES),
    "vgg11": lambda: torchvision.models.vgg11(num_classes=CLASSES),
    "resnet18": lambda: torchvision.models.resnet18(num_classes=CLASSES),
    "resnet50": lambda: torchvision.models.resnet50(num_classes=CLASSES),
    "googlenet": lambda: torchvision.models.googlenet(
        num_classes=CLASSES, aux_logits=False, transform_input=False, init_weights=True
    ),
}


def randomise_batch_norm(model: torch.nn.Module, generator: torch.Generator) -> None:
    """Give every BatchNorm non-trivial statistics and affine params, so a wrong channel order
    or a missing epsilon shows in the logits (fresh BatchNorms are the identity)."""
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            c = m.num_features
            with torch.no_grad():
                m.running_mean.copy_(torch.randn(c, generator=generator) * 0.1)
                m.running_var.copy_(torch.rand(c, generator=generator) * 0.5 + 0.75)
                m.weight.copy_(torch.rand(c, generator=generator) * 0.5 + 0.75)
                m.bias.copy_(torch.randn(c, generator=generator) * 0.1)


def running_stat_count(model: torch.nn.Module) -> int:
    """BatchNorm moving mean + variance elements (``num_batches_tracked`` is not a weight)."""
    return sum(
        m.running_mean.numel() + m.running_var.numel()  # type: ignore[union-attr]
        for m in model.modules()
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)
    )


def export(name: str, size: int, out_dir: Path) -> dict[str, object]:
    """Builds `name` with seeded weights, exports it and writes the goldens; returns the meta."""
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(1)
    model = BUILDERS[name]().eval()
    randomise_batch_norm(model, generator)
    x = torch.randn(BATCH, 3, size, size, generator=generator)
    with torch.no_grad():
        logits = model(x)
    onnx_path = out_dir / f"{name}.onnx"
    torch.onnx.export(
        model,
        (x,),
        str(onnx_path),
        input_names=["input"],
        output_names=["logits"],
        opset_version=13,
        do_constant_folding=True,
        # PRESERVE keeps BatchNormalization nodes: EVAL would fold them into the convolutions,
        # and the parameter counts would no longer be torchvision's.
        training=torch.onnx.TrainingMode.PRESERVE,
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
    )
    x.numpy().astype("<f4").tofile(out_dir / f"{name}.input.bin")
    logits.numpy().astype("<f4").tofile(out_dir / f"{name}.logits.bin")
    meta: dict[str, object] = {
        "model": name,
        "trainableParams": sum(p.numel() for p in model.parameters()),
        "nonTrainableParams": running_stat_count(model),
        "inputShape": list(x.shape),
        "logitsShape": list(logits.shape),
    }
    (out_dir / f"{name}.json").write_text(json.dumps(meta))
    return meta


def parse_request(arg: str) -> tuple[str, int] | None:
    """``resnet18:64`` → ("resnet18", 64); None when the name or size is not valid."""
    name, _, size = arg.partition(":")
    if name not in BUILDERS or not size.isdigit():
        return None
    return name, int(size)


def main(argv: list[str]) -> int:
    requests = [parse_request(a) for a in argv[1:]]
    if len(argv) < 2 or any(r is None for r in requests):
        names = "|".join(BUILDERS)
        print(f"usage: torchvision_onnx.py OUT_DIR {{{names}}}:SIZE ...", file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    for request in requests:
        assert request is not None
        print(json.dumps(export(request[0], request[1], out_dir)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
