"""What this Python offers the PyTorch engine, as one JSON line (for `netd doctor` and `auto`)."""
import json
import platform
import sys
from typing import Any, Dict


def probe() -> Dict[str, Any]:
    report: Dict[str, Any] = {"python": sys.executable, "pythonVersion": platform.python_version()}
    try:
        import torch
    except Exception as err:  # any import failure means: no usable torch here
        report["torch"] = None
        report["error"] = f"{type(err).__name__}: {err}"
        return report
    report["torch"] = torch.__version__
    report["cudaVersion"] = torch.version.cuda
    report["rocmVersion"] = getattr(torch.version, "hip", None)
    report["threads"] = torch.get_num_threads()
    devices = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            p = torch.cuda.get_device_properties(i)
            devices.append({"name": p.name, "memoryBytes": int(p.total_memory)})
    report["cuda"] = devices
    mps = getattr(torch.backends, "mps", None)
    report["mps"] = bool(mps is not None and mps.is_available())
    # DistributedDataParallel and torchrun need it; some builds (older macOS wheels) leave it out.
    report["distributed"] = bool(torch.distributed.is_available())
    return report


if __name__ == "__main__":
    print(json.dumps(probe()))
