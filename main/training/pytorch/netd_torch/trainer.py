"""Training a NetDesigner model with PyTorch: the options of `netd train`, the same data and splits
as the TensorFlow.js engine, on CUDA, Apple MPS or the CPU, and on many processes with torchrun
(DistributedDataParallel: each process takes its share of every global batch, metrics all-reduced,
rank 0 reports and saves). With --json every line on stdout is one training event.
"""
import argparse
import copy
import json
import math
import os
import shutil
import signal
import socket
import sys
import time
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Tuple

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn

from .data import DataError, Dataset, Prepared, Rng, Unpacked, load_dataset, prepare, shuffled_indices, stopped_sum
from .loader import default_workers, images_in_batches, read_batches
from .splits import Split, StopCheck, StopRequested, batches_of
from .weights import design_weights, load_design_weights, read_safetensors, write_safetensors


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Train the exported NetDesigner model with PyTorch.")
    p.add_argument("--data", default="synthetic", help="'synthetic', 'fashion-mnist', or a folder (idx, CIFAR-10, class folders)")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch-size", type=int, default=32, help="global batch size (split across processes)")
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--optimizer", choices=["adam", "sgd"], default="adam")
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--schedule", choices=["constant", "step", "cosine"], default="constant")
    p.add_argument("--step-every", type=int, default=10)
    p.add_argument("--step-gamma", type=float, default=0.1)
    p.add_argument("--limit", type=int, default=0, help="use at most N training images (0 = all)")
    p.add_argument("--test-limit", type=int, default=0)
    p.add_argument("--val-split", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--patience", type=int, default=0, help="early stopping (0 = off)")
    p.add_argument("--no-keep-best", action="store_true", help="keep the last epoch's weights")
    p.add_argument("--flip", action="store_true")
    p.add_argument("--shift", type=float, default=0.0)
    p.add_argument("--device", choices=["auto", "cuda", "mps", "cpu"], default="auto")
    p.add_argument("--no-amp", action="store_true", help="train in float32 on CUDA too")
    p.add_argument("--workers", type=int, default=0, help="CPU threads per process (0 = PyTorch's choice)")
    p.add_argument("--data-workers", type=int, default=-1,
                   help="processes decoding image files per training process (-1 = up to 4 for image folders, 0 for arrays)")
    p.add_argument("--out", default="", help="folder for model.pt (default: none)")
    p.add_argument("--json", action="store_true", help="one JSON event per line on stdout")
    p.add_argument("--stop-file", default="", help="stop before the next batch once this file exists")
    p.add_argument("--init-weights", default="", help="start from these NetDesigner weights (.safetensors)")
    p.add_argument("--init", choices=["torch", "keras"], default="torch",
                   help="fresh weights: PyTorch's default or Keras's (Glorot uniform, zero bias; as the TensorFlow.js engine)")
    return p.parse_args(argv)


class Events:
    """Rank 0 prints each event: a JSON line with --json, else a line for people."""

    def __init__(self, as_json: bool, rank: int) -> None:
        self.as_json, self.rank = as_json, rank

    def emit(self, event: Dict[str, Any]) -> None:
        if self.rank != 0:
            return
        if self.as_json:
            print(json.dumps(event), flush=True)
            return
        kind = event["event"]
        if kind == "started":
            print(f"Training on {event['deviceName']} ({event['device']}, {event['world']} process(es), {event['precision']}): "
                  f"{event['trainCount']} train / {event['valCount']} val / {event['testCount']} test images", flush=True)
        elif kind == "epoch":
            val = "" if event["valAccuracy"] is None else f"  val loss {event['valLoss']:.4f} acc {100 * event['valAccuracy']:.1f}%"
            print(f"epoch {event['epoch']}  train loss {event['trainLoss']:.4f} acc {100 * event['trainAccuracy']:.1f}%{val}"
                  f"  lr {event['learningRate']:.5f}  {event['seconds']:.1f} s, {event['imagesPerSecond']:,.0f} img/s", flush=True)
        elif kind == "done":
            acc = event["testAccuracy"] if event["testAccuracy"] is not None else event["valAccuracy"]
            print(f"{'Stopped' if event['stopped'] else 'Done'}: accuracy {100 * (acc or 0):.1f}%, "
                  f"{event['imagesPerSecond']:,.0f} img/s", flush=True)
        elif kind == "failed":
            print(f"failed: {event['message']}", file=sys.stderr, flush=True)


def pick_device(wanted: str, local_rank: int) -> torch.device:
    """cuda → mps → cpu, or the one asked for; raises RuntimeError when that one is not there."""
    has_mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    if wanted == "cuda" or (wanted == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise RuntimeError("--device cuda: PyTorch sees no CUDA GPU here (torch.cuda.is_available() is False)")
        if local_rank >= torch.cuda.device_count():
            raise RuntimeError(f"process {local_rank} has no GPU: {torch.cuda.device_count()} visible; use fewer processes")
        return torch.device("cuda", local_rank)
    if wanted == "mps" or (wanted == "auto" and has_mps):
        if not has_mps:
            raise RuntimeError("--device mps: this PyTorch has no Apple MPS device")
        return torch.device("mps")
    return torch.device("cpu")


def cpu_threads(asked: int, world: int) -> int:
    """Threads for each process's CPU work: `--workers` where given, else PyTorch's choice — except
    where a build picks one thread on a machine with more free cores (Debian's torch 1.13 does on
    2 cores, and trains the small CIFAR net at half speed there): then the free cores, shared
    between the processes."""
    if asked > 0:
        return asked
    chosen = torch.get_num_threads()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    share = max(1, cores // max(world, 1))
    return share if chosen == 1 and share > 1 else chosen


def device_name(device: torch.device) -> str:
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return "Apple GPU (MPS)" if device.type == "mps" else f"CPU ({torch.get_num_threads()} thread{'s' if torch.get_num_threads() > 1 else ''})"


def autocast_dtype(device: torch.device, allowed: bool) -> Optional[torch.dtype]:
    """bf16 where the GPU has it, fp16 (with a grad scaler) on older CUDA GPUs, none elsewhere."""
    if not allowed or device.type != "cuda":
        return None
    bf16 = getattr(torch.cuda, "is_bf16_supported", lambda: False)()
    return torch.bfloat16 if bf16 else torch.float16


def learning_rate_at(args: argparse.Namespace, epoch: int) -> float:
    e = epoch - 1
    if args.schedule == "step":
        return args.lr * args.step_gamma ** (e // args.step_every)
    if args.schedule == "cosine" and args.epochs > 1:
        return 0.5 * args.lr * (1 + math.cos(math.pi * e / args.epochs))
    return args.lr


def loss_fn(out: torch.Tensor, y: torch.Tensor, probabilities: bool) -> torch.Tensor:
    if probabilities:  # the design ends in softmax: cross-entropy on its (clipped) output, as Keras does
        return F.nll_loss(torch.log(out.float().clamp(1e-7, 1 - 1e-7)), y)
    return F.cross_entropy(out.float(), y)


def augment(x: torch.Tensor, flip: bool, shift: float, gen: torch.Generator) -> torch.Tensor:
    """Random horizontal flips and shifts (zero fill = the mean after normalisation), per image."""
    n, _, h, w = x.shape
    if flip:
        mask = torch.rand(n, generator=gen) < 0.5
        x = torch.where(mask[:, None, None, None].to(x.device), x.flip(3), x)
    max_dy, max_dx = (max(0, min(round(shift * s), s - 1)) for s in (h, w))
    if max_dx or max_dy:
        padded = F.pad(x, (max_dx, max_dx, max_dy, max_dy))
        dys = torch.randint(0, 2 * max_dy + 1, (n,), generator=gen).tolist()
        dxs = torch.randint(0, 2 * max_dx + 1, (n,), generator=gen).tolist()
        x = torch.stack([padded[i, :, dy : dy + h, dx : dx + w] for i, (dy, dx) in enumerate(zip(dys, dxs))])
    return x


class Distributed:
    """torchrun's environment, or a single process."""

    def __init__(self, device_wanted: str) -> None:
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        self.device = pick_device(device_wanted, self.local_rank)
        if self.world > 1:
            if self.device.type == "cuda":
                torch.cuda.set_device(self.device)
            dist.init_process_group("nccl" if self.device.type == "cuda" else "gloo")

    def sum(self, values: List[float]) -> List[float]:
        if self.world == 1:
            return values
        t = torch.tensor(values, dtype=torch.float64, device=self.device if self.device.type == "cuda" else "cpu")
        dist.all_reduce(t)
        return t.tolist()

    def barrier(self) -> None:
        if self.world > 1:
            dist.barrier()

    def close(self) -> None:
        if self.world > 1 and dist.is_initialized():
            dist.destroy_process_group()


class Feed(NamedTuple):
    """Where batches come from: the data set, its normalisation, and how images are read."""
    data: Dataset
    prepared: Prepared
    workers: int
    pin: bool

    def batches(self, split: Split, index_batches: List[np.ndarray]) -> Iterable[Tuple[torch.Tensor, torch.Tensor]]:
        return read_batches(split, index_batches, self.workers, self.pin, self.prepared.mean, self.prepared.std)


def evaluate(model: nn.Module, feed: Feed, split: Split, idx: np.ndarray, classes: int, bs: int,
             ctx: Distributed, probabilities: bool, memory_format: torch.memory_format,
             amp: Optional[torch.dtype]) -> Optional[Tuple[float, float, List[List[int]]]]:
    """Loss, accuracy and confusion matrix over `idx` (each process its share, then summed)."""
    if len(idx) == 0:
        return None
    model.eval()
    mine = idx[ctx.rank :: ctx.world]
    confusion = torch.zeros(classes, classes, dtype=torch.float64)
    loss_sum = 0.0
    with torch.no_grad():
        for xb, yb in feed.batches(split, batches_of(mine, bs)):
            xb = xb.to(ctx.device, non_blocking=True).contiguous(memory_format=memory_format)
            yb = yb.to(ctx.device)
            with torch.autocast(ctx.device.type, dtype=amp or torch.bfloat16, enabled=amp is not None):
                out = model(xb)
            loss_sum += loss_fn(out, yb, probabilities).item() * len(yb)
            pred = out.argmax(1)
            confusion.index_put_((yb.cpu(), pred.cpu()), torch.ones(len(yb), dtype=torch.float64), accumulate=True)
    flat = ctx.sum([loss_sum] + confusion.flatten().tolist())
    matrix = torch.tensor(flat[1:]).reshape(classes, classes)
    n = float(matrix.sum())
    return flat[0] / n, float(matrix.trace()) / n, matrix.long().tolist()


def train(make_model: Callable[[], nn.Module], argv: Optional[List[str]] = None,
          layers: Optional[Dict[str, str]] = None) -> int:
    """Runs training; returns the exit status (0 done or stopped, 1 failed, 2 bad data).

    `layers` (the model file's DESIGN_LAYERS) lets it read --init-weights and write the trained
    weights as NetDesigner's weights.safetensors beside model.pt.
    """
    args = parse_args(argv)
    stop = {"now": False}
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__("now", True))
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__("now", True))
    rank = int(os.environ.get("RANK", "0"))
    events = Events(args.json, rank)
    try:
        ctx = Distributed(args.device)
    except RuntimeError as err:
        events.emit({"event": "failed", "message": str(err)})
        return 2
    try:
        return run(make_model, args, ctx, events, stop, layers or {})
    except DataError as err:
        events.emit({"event": "failed", "message": str(err)})
        return 2
    except (RuntimeError, ValueError) as err:
        events.emit({"event": "failed", "message": f"{type(err).__name__}: {err}"})
        return 1
    finally:
        ctx.close()


def load_data(args: argparse.Namespace, shape: Tuple[int, int, int], ctx: Distributed, should_stop: StopCheck) -> Feed:
    """Opens the data as `netd train` does (images stay on disk or in bytes until a batch reads
    them), splits it with the TypeScript engine's seeded order and measures its statistics.

    Raises StopRequested (in every process) when a Stop came before the statistics were complete.
    """
    try:
        ds = open_dataset(args, shape, ctx, should_stop)
    except StopRequested:
        ctx.sum(stopped_sum(shape[2]))  # the sum the others' statistics pass waits in
        raise
    if ds.train.shape != shape:
        raise DataError(f"the data's images are {'×'.join(map(str, ds.train.shape))} but the model takes {'×'.join(map(str, shape))}")
    workers = args.data_workers if args.data_workers >= 0 else default_workers(ds.format, ctx.world)
    reader = lambda split, index_batches: images_in_batches(split, index_batches, workers)
    prepared = prepare(ds, args.val_split, args.seed, reader, (ctx.rank, ctx.world), ctx.sum, should_stop)
    return Feed(ds, prepared, workers, ctx.device.type == "cuda")


def open_dataset(args: argparse.Namespace, shape: Tuple[int, int, int], ctx: Distributed, should_stop: StopCheck) -> Dataset:
    """`load_dataset`; with several processes and an --out folder, gzipped idx data is decompressed
    once per machine (by LOCAL_RANK 0, before a barrier) and mapped by the others after it."""
    unpacked = None
    if ctx.world > 1 and args.out:
        folder = os.path.join(args.out, f"unpacked-data-{socket.gethostname()}")
        unpacked = Unpacked(folder, ctx.local_rank == 0)
    load = lambda: load_dataset(args.data, shape, args.limit, args.test_limit, args.seed, should_stop, unpacked)
    if unpacked is None:
        return load()
    try:
        if not unpacked.writer:
            ctx.barrier()  # the writer has written
        try:
            return load()
        finally:
            if unpacked.writer:
                ctx.barrier()
    finally:
        # Every process has mapped the files: they go (the maps stay valid; on Windows, where an
        # open file cannot be removed, they stay in the run folder).
        ctx.barrier()
        if unpacked.writer:
            shutil.rmtree(unpacked.folder, ignore_errors=True)


def stopped_before_training(events: Events) -> int:
    """The end of a run stopped while its data was read: nothing was trained, no weights written."""
    note = "stopped before training started (while the data was read): no weights were trained"
    if not events.as_json:
        if events.rank == 0:
            print(f"Stopped: {note}", flush=True)
        return 0
    events.emit({
        "event": "done", "stopped": True, "testAccuracy": None, "valAccuracy": None, "trainLoss": 0.0,
        "imagesPerSecond": 0.0, "confusion": [], "classes": [], "weights": None, "note": note,
    })
    return 0


def keras_init(model: nn.Module) -> None:
    """Glorot-uniform kernels and zero biases, as Keras / TensorFlow.js initialise their layers."""
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)


def run(make_model: Callable[[], nn.Module], args: argparse.Namespace, ctx: Distributed, events: Events,
        stop: Dict[str, bool], layers: Dict[str, str]) -> int:
    torch.manual_seed(args.seed)
    torch.set_num_threads(cpu_threads(args.workers, ctx.world))
    model = make_model()
    if args.init == "keras":
        keras_init(model)
    if args.init_weights:
        load_design_weights(model, read_safetensors(args.init_weights), layers)
    c, h, w = model.input_shape
    classes_out = model.num_classes
    probabilities = bool(getattr(model, "outputs_probabilities", False))
    stop_requested = lambda: stop["now"] or bool(args.stop_file and os.path.exists(args.stop_file))
    try:
        feed = load_data(args, (h, w, c), ctx, stop_requested)
    except StopRequested:
        return stopped_before_training(events)
    train_split, test_split = feed.data.train, feed.data.test
    train_idx, val_idx, classes, spec = feed.prepared.train, feed.prepared.val, feed.data.classes, feed.data.spec
    if len(classes) != classes_out:
        raise DataError(f"the model outputs {classes_out} classes but the data has {len(classes)}")
    device = ctx.device
    # channels_last on CUDA (tensor cores) and on the CPU too: oneDNN's convolutions run faster in it
    # (small CIFAR net at batch 32 on torch 1.13: 82 vs 100 ms a step), and batches arrive from the
    # reader in that layout already, so no copy is made. MPS keeps the default layout.
    memory_format = torch.channels_last if device.type in ("cuda", "cpu") else torch.contiguous_format
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True  # fixed input shapes: let cuDNN pick the fastest kernels
    model = model.to(device, memory_format=memory_format)
    core = model
    if ctx.world > 1:
        if device.type == "cuda":  # BatchNorm statistics over the global batch, as with one process
            model = nn.SyncBatchNorm.convert_sync_batchnorm(model)
            core = model
        model = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    amp = autocast_dtype(device, not args.no_amp)
    scaler = torch.cuda.amp.GradScaler(enabled=amp == torch.float16)
    params = [p for p in model.parameters() if p.requires_grad]
    opt: torch.optim.Optimizer = (
        torch.optim.Adam(params, lr=args.lr, eps=1e-7)  # Keras/tfjs's epsilon, like the other engine
        if args.optimizer == "adam"
        else torch.optim.SGD(params, lr=args.lr, momentum=args.momentum)
    )
    n = len(train_idx)
    bs = min(args.batch_size, n)
    per_rank = max(1, bs // ctx.world)
    batches = math.ceil(n / bs)
    total = batches * args.epochs
    events.emit({
        "event": "started", "device": device.type, "deviceName": device_name(device), "world": ctx.world,
        "torch": torch.__version__, "precision": "bf16 autocast" if amp == torch.bfloat16 else "fp16 autocast" if amp else "float32",
        "spec": spec, "classes": classes, "trainCount": n, "valCount": len(val_idx), "testCount": len(test_split),
        "batchesPerEpoch": batches, "totalBatches": total,
    })
    rng = Rng(args.seed + 1)
    gen = torch.Generator().manual_seed(args.seed + 2)
    best: Optional[Tuple[float, Dict[str, torch.Tensor]]] = None
    since_best = 0
    last = {"trainLoss": None, "valAccuracy": None}
    images, seconds, epochs_done = 0, 0.0, 0
    stopped = False
    for epoch in range(1, args.epochs + 1):
        lr = learning_rate_at(args, epoch)
        for g in opt.param_groups:
            g["lr"] = lr
        order = train_idx[shuffled_indices(n, rng)]  # the same global order in every process
        model.train()
        started = time.perf_counter()
        last_emit = 0.0
        # Loss and correct counts stay on the device; reading them back (a GPU sync) happens only
        # when a batch event is due, so the CPU keeps queueing work ahead of the GPU.
        loss_sum_t = torch.zeros((), dtype=torch.float64, device=device)
        correct_t = torch.zeros((), dtype=torch.float64, device=device)
        seen_local = 0
        mine = []
        for b in range(batches):
            batch = order[b * bs : (b + 1) * bs][ctx.rank :: ctx.world][:per_rank]
            if len(batch) == 0:  # a last batch smaller than the process count: wrap, as DistributedSampler pads
                batch = order[(b * bs + ctx.rank) % n : (b * bs + ctx.rank) % n + 1]
            mine.append(np.sort(batch))
        feeding = iter(feed.batches(train_split, mine))
        for b in range(batches):
            requested = stop_requested()
            if ctx.sum([1.0 if requested else 0.0])[0] > 0:
                stopped = True
                break
            xb, yb = next(feeding)
            if args.flip or args.shift > 0:
                xb = augment(xb, args.flip, args.shift, gen)
            xb = xb.to(device, non_blocking=True).contiguous(memory_format=memory_format)
            yb = yb.to(device, non_blocking=True)
            with torch.autocast(device.type, dtype=amp or torch.bfloat16, enabled=amp is not None):
                out = model(xb)
            loss = loss_fn(out, yb, probabilities)
            opt.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            count = len(yb)
            loss_sum_t.add_(loss.detach(), alpha=count)  # in place: no temporaries each batch
            batch_correct = (out.detach().argmax(1) == yb).sum()
            correct_t.add_(batch_correct)
            seen_local += count
            now = time.perf_counter()
            if b == 0 or now - last_emit >= 0.1 or b == batches - 1:
                last_emit = now
                loss_v = loss.item()
                if not math.isfinite(loss_v):
                    raise ValueError(f"the loss became {loss_v} in epoch {epoch}, batch {b + 1} — lower the learning rate (now {lr:g})")
                elapsed = now - started
                done = (epoch - 1) * batches + b + 1
                events.emit({
                    "event": "batch", "epoch": epoch, "batch": b + 1, "batchesPerEpoch": batches, "loss": loss_v,
                    "accuracy": batch_correct.item() / count, "imagesPerSecond": seen_local * ctx.world / max(elapsed, 1e-6),
                    "etaSeconds": elapsed / (b + 1) * (total - done),
                    "memoryBytes": torch.cuda.memory_allocated(device) if device.type == "cuda" else 0,
                })
        del feeding  # its worker processes end here, before validation starts its own
        sums = [float(loss_sum_t.item()), float(correct_t.item()), float(seen_local)]
        if not math.isfinite(sums[0]):
            raise ValueError(f"the loss became {sums[0]} in epoch {epoch} — lower the learning rate (now {lr:g})")
        took = time.perf_counter() - started
        loss_sum, correct_sum, seen = ctx.sum(sums)
        images += int(seen)
        seconds += took
        if stopped or seen == 0:
            if last["trainLoss"] is None and seen > 0:
                last["trainLoss"] = loss_sum / seen
            break
        val = evaluate(model, feed, train_split, val_idx, classes_out, per_rank, ctx, probabilities, memory_format, amp)
        last = {"trainLoss": loss_sum / seen, "valAccuracy": val[1] if val else None}
        epochs_done = epoch
        events.emit({
            "event": "epoch", "epoch": epoch, "trainLoss": loss_sum / seen, "trainAccuracy": correct_sum / seen,
            "valLoss": val[0] if val else None, "valAccuracy": val[1] if val else None, "learningRate": lr,
            "seconds": took, "imagesPerSecond": seen / max(took, 1e-6),
        })
        if val:
            if best is None or val[1] > best[0]:
                best, since_best = (val[1], copy.deepcopy(core.state_dict())), 0
            else:
                since_best += 1
                if args.patience > 0 and since_best >= args.patience:
                    break
    if best is not None and not args.no_keep_best:
        core.load_state_dict(best[1])
    val_acc = best[0] if best is not None and not args.no_keep_best else last["valAccuracy"]
    # A stop inside the first epoch still trained some batches: evaluate and keep what was trained.
    trained = epochs_done > 0 or images > 0
    final_on = None if not trained else "test" if len(test_split) > 0 else "val" if len(val_idx) > 0 else None
    final = None
    if final_on == "test":
        final = evaluate(model, feed, test_split, np.arange(len(test_split)), classes_out, per_rank, ctx, probabilities, memory_format, amp)
    elif final_on == "val":
        final = evaluate(model, feed, train_split, val_idx, classes_out, per_rank, ctx, probabilities, memory_format, amp)
    weights = None
    if args.out and ctx.rank == 0 and trained:
        os.makedirs(args.out, exist_ok=True)
        weights = os.path.join(args.out, "model.pt")
        torch.save(core.state_dict(), weights)
        if layers:
            write_safetensors(os.path.join(args.out, "weights.safetensors"), design_weights(core, layers))
    events.emit({
        "event": "done", "stopped": stopped, "testAccuracy": final[1] if final and final_on == "test" else None,
        "valAccuracy": val_acc, "trainLoss": last["trainLoss"] or 0.0,
        "imagesPerSecond": images / seconds if seconds > 0 else 0.0,
        "confusion": final[2] if final else [], "classes": classes, "weights": weights,
    })
    return 0
