"""torchrun (`python -m torch.distributed.run`) with one repair, so `netd train --nproc N` runs the
real launcher on every torch it supports.

torch < 2 parses torchrun's `--redirects` / `--tee` (default "0") in `Std.from_str` by iterating
the `Std` IntFlag. From Python 3.11 on, iterating a flag enum yields only its single-bit members
(OUT, ERR): NONE (0) and ALL (3) are skipped, `from_str("0")` returns None, and torchrun dies in
`to_map` with "'NoneType' object has no attribute 'get'" before starting a worker. Newer torch
parses with `Std(int(v))`; this module does the same, and only where the installed torch is broken.

    python -m netd_torch.torchrun --standalone --nproc_per_node 2 train.py …   # = torchrun …
"""
import re
import sys
from typing import Dict, Union


def std_from_str_is_broken() -> bool:
    """Whether this torch's `Std.from_str` loses NONE / ALL (torch < 2 on Python >= 3.11)."""
    try:
        from torch.distributed.elastic.multiprocessing.api import Std

        return Std.from_str("0") is not Std.NONE or Std.from_str("3") is not Std.ALL
    except (ImportError, AttributeError):  # a torch that keeps Std elsewhere is a fixed one
        return False


def repair_std_from_str() -> bool:
    """Replaces a broken `Std.from_str` with torch 2's parse. Returns whether it had to."""
    from torch.distributed.elastic.multiprocessing.api import Std

    if not std_from_str_is_broken():
        return False

    def from_str(cls: type, vm: str) -> Union[Std, Dict[int, Std]]:
        if re.match(r"^[0123]$", vm):
            return Std(int(vm))
        if re.match(r"^(\d:[0123],)*(\d:[0123])$", vm):
            return {int(i): Std(int(v)) for i, v in (m.split(":") for m in vm.split(","))}
        raise ValueError(f"{vm} does not match: <[0123]> or <rank:[0123],…>")

    Std.from_str = classmethod(from_str)  # type: ignore[method-assign, assignment]
    return True


def main() -> None:
    repair_std_from_str()
    from torch.distributed.run import main as torchrun

    sys.argv[0] = "torchrun"
    torchrun()


if __name__ == "__main__":
    main()
