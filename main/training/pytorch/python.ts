/**
 * Which Python runs the PyTorch engine — `NETD_PYTHON` when set, else the first of `python3`,
 * /usr/bin/python3 (Debian's python3-torch) and `python` that imports torch — and what its torch
 * offers: version, CUDA / ROCm / MPS devices. Every answer from Python is validated with zod.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TorchDevices } from './torchDevices.ts';

/**
 * A path inside the packaged app's `app.asar` as Python can read it: Electron reads the archive,
 * Python cannot, so electron-builder.yml unpacks the .py files to `app.asar.unpacked`. Other paths
 * (sources, dist/cli bundles in a checkout) are returned as they are.
 */
export function outsideAsar(path: string): string {
  return path.replace(/([/\\])app\.asar(?=[/\\])/, '$1app.asar.unpacked');
}

/**
 * The folder holding the `netd_torch` package (put on PYTHONPATH to import it). In the esbuild
 * bundles (dist/cli, dist/electron) `import.meta.url` is this source file's place in the app
 * folder (scripts/bundle/sourceUrl.mjs), so this is main/training/pytorch/ there too.
 */
export const PYTORCH_DIR = outsideAsar(fileURLToPath(new URL('.', import.meta.url)));

/** The oldest torch the engine runs on (autocast, channels_last and DDP as used here). */
export const MIN_TORCH: [number, number] = [1, 13];

const PROBE = join(PYTORCH_DIR, 'netd_torch', 'probe.py');

const probeSchema = z.object({
  python: z.string(),
  pythonVersion: z.string(),
  torch: z.string().nullable(),
  error: z.string().optional(),
  cudaVersion: z.string().nullable().optional(),
  rocmVersion: z.string().nullable().optional(),
  threads: z.number().optional(),
  cuda: z.array(z.object({ name: z.string(), memoryBytes: z.number() })).optional(),
  mps: z.boolean().optional(),
  /** `torch.distributed` is built in (DDP, torchrun); absent from probes of older netd_torch. */
  distributed: z.boolean().optional(),
});

/** What one Python interpreter offers the engine. */
export type TorchProbe = z.infer<typeof probeSchema> & {
  /** Why the engine cannot use it (no Python, no torch, torch too old), or null when it can. */
  unusable: string | null;
};

/**
 * How long one interpreter may take to report: importing a CUDA build of torch from a cold disk
 * takes seconds, but a Python that hangs must not hold up the environment check.
 */
export const PROBE_TIMEOUT_MS = 30_000;

/** What one run of probe.py left behind, from spawnSync or execFile alike. */
interface ProbeRun {
  error?: (Error & { code?: unknown }) | undefined;
  timedOut: boolean;
  status: number | null;
  stdout: string;
  stderr: string;
}

function interpret(python: string, run: ProbeRun): TorchProbe {
  const none = { python, pythonVersion: '', torch: null };
  if (run.timedOut)
    return {
      ...none,
      unusable: `${python} did not report on torch within ${PROBE_TIMEOUT_MS / 1000} s`,
    };
  if (run.error) {
    return {
      ...none,
      unusable: `no Python: ${python} cannot be run (${typeof run.error.code === 'string' ? run.error.code : run.error.message})`,
    };
  }
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let parsed: z.infer<typeof probeSchema>;
  try {
    parsed = probeSchema.parse(JSON.parse(line));
  } catch {
    const tail = run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`;
    return { ...none, unusable: `${python} failed to report on torch: ${tail}` };
  }
  // Run what was asked for (a venv's python3 or a wrapper), not the sys.executable it resolves to.
  parsed = { ...parsed, python };
  if (parsed.torch === null) {
    return { ...parsed, unusable: `${python} has no torch (${parsed.error ?? 'import failed'})` };
  }
  const [major, minor] = parsed.torch.split(/[.+a-z]/).map(Number);
  if (
    (major ?? 0) < MIN_TORCH[0] ||
    ((major ?? 0) === MIN_TORCH[0] && (minor ?? 0) < MIN_TORCH[1])
  ) {
    return {
      ...parsed,
      unusable: `torch ${parsed.torch} in ${python} is too old: NetDesigner needs ${MIN_TORCH.join('.')} or newer (pip install -U torch)`,
    };
  }
  return { ...parsed, unusable: null };
}

function runProbe(python: string): TorchProbe {
  const run = spawnSync(python, [PROBE], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  const timedOut = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return interpret(python, { ...run, timedOut, error: timedOut ? undefined : run.error });
}

/** probe.py started in a child process: its answer, and a way to stop it once not needed. */
function startProbe(python: string): { probe: Promise<TorchProbe>; stop: () => void } {
  let stop = (): void => undefined;
  const probe = new Promise<TorchProbe>((resolve) => {
    const child = execFile(
      python,
      [PROBE],
      { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS, windowsHide: true },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: unknown; killed?: boolean }) | null;
        // A non-zero exit is judged by its output (like spawnSync); only a failed start is an error.
        const started = child.pid !== undefined && typeof e?.code !== 'string';
        resolve(
          interpret(python, {
            timedOut: e?.killed === true,
            error: e && !started ? e : undefined,
            status: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
            stdout,
            stderr,
          }),
        );
      },
    );
    stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
  });
  return { probe, stop };
}

/** The interpreters tried, in order of preference. */
const CANDIDATES = ['python3', '/usr/bin/python3', 'python'];

/** The first usable probe in candidate order; else the most telling failure. */
function choose(probes: TorchProbe[]): TorchProbe {
  const usable = probes.find((p) => p.unusable === null);
  if (usable) return usable;
  // Prefer reporting a Python that has an old torch over one that has none.
  return probes.find((p) => p.torch !== null) ?? probes[0]!;
}

/**
 * Probes every candidate at once and answers as soon as the preferred usable one is known (each
 * before it has answered and cannot be used), stopping the probes still running: the wait is the
 * slowest needed probe, not the sum of all.
 */
async function firstUsable(candidates: readonly string[]): Promise<TorchProbe> {
  const runs = candidates.map(startProbe);
  const probes: TorchProbe[] = [];
  for (const run of runs) {
    const probe = await run.probe;
    if (probe.unusable === null) {
      for (const other of runs) other.stop();
      return probe;
    }
    probes.push(probe);
  }
  return choose(probes);
}

let cached: TorchProbe | undefined;
let pending: Promise<TorchProbe> | undefined;

/**
 * The interpreter the engine uses and what it offers (cached for the process). With NETD_PYTHON
 * set, that interpreter is reported even when it cannot be used, so the reason names it.
 */
export function probeTorch(): TorchProbe {
  if (cached) return cached;
  const forced = process.env.NETD_PYTHON;
  if (forced) return (cached = runProbe(forced));
  const probes: TorchProbe[] = [];
  for (const python of CANDIDATES) {
    const p = runProbe(python);
    if (p.unusable === null) return (cached = p);
    probes.push(p);
  }
  return (cached = choose(probes));
}

/**
 * {@link probeTorch} without blocking: every candidate interpreter starts at once (importing
 * torch takes seconds each), so the answer takes as long as the slowest one, not their sum, and
 * the caller's own work runs meanwhile. Shares the process-wide cache with `probeTorch`.
 */
export function probeTorchAsync(): Promise<TorchProbe> {
  if (cached) return Promise.resolve(cached);
  if (!pending) {
    const forced = process.env.NETD_PYTHON;
    pending = firstUsable(forced ? [forced] : CANDIDATES).then((probe) => {
      pending = undefined;
      return (cached ??= probe);
    });
  }
  return pending;
}

/** What a usable probe's torch can run on here, for `checkTorchSettings` and the form. */
export function torchDevices(p: TorchProbe): TorchDevices {
  return {
    torch: p.torch ?? '?',
    python: p.python,
    gpus: (p.cuda ?? []).map((d) => d.name),
    rocm: Boolean(p.rocmVersion),
    cpuOnlyBuild: !p.cudaVersion && !p.rocmVersion,
    mps: p.mps === true,
    cpuCores: cpus().length,
  };
}

/** Forgets the cached probe (tests that change NETD_PYTHON). */
export function resetTorchProbe(): void {
  cached = undefined;
  pending = undefined;
}

/** The Python interpreter to use (the one `probeTorch` chose). */
export function pythonExecutable(): string {
  return probeTorch().python || 'python3';
}

/** Null when the engine can run, else why not (for "skipped: …" lines and errors). */
export function torchUnavailableReason(): string | null {
  return probeTorch().unusable;
}

/** What to install for torch on this machine: pip's CUDA index when an NVIDIA driver is there. */
export function torchInstallHint(): string {
  const smi = spawnSync('nvidia-smi', ['--query-gpu=driver_version', '--format=csv,noheader'], {
    encoding: 'utf8',
    timeout: 4_000,
  });
  if (!smi.error && smi.status === 0 && smi.stdout.trim()) {
    return 'pip install torch --index-url https://download.pytorch.org/whl/cu124 (an NVIDIA driver is present; pick the CUDA build your driver supports)';
  }
  if (process.platform === 'darwin')
    return 'pip install torch (the macOS wheels include Apple MPS)';
  return 'pip install torch --index-url https://download.pytorch.org/whl/cpu (or apt install python3-torch on Debian/Ubuntu)';
}

/** What would give this machine a GPU for torch: a CUDA build only helps where a driver is. */
export function torchGpuHint(): string {
  const hint = torchInstallHint();
  if (hint.includes('/whl/cu') || process.platform === 'darwin') return hint;
  return 'no NVIDIA driver found; with an NVIDIA GPU and its driver, pip install torch (the Linux wheels include CUDA), or the ROCm build for AMD GPUs';
}
