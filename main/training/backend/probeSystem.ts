/**
 * What the operating system says about GPUs and CUDA libraries, for the environment diagnosis.
 * Each probe runs an external tool with a short timeout and answers "unknown" rather than throw.
 */
import { execFile } from 'node:child_process';

/** The libraries tfjs-node-gpu 4.22 (TensorFlow 2.9) dlopens: CUDA 11.2 runtime and cuDNN 8. */
export const CUDA_LIBRARIES = [
  'libcudart.so.11.0',
  'libcublas.so.11',
  'libcufft.so.10',
  'libcudnn.so.8',
] as const;

function run(cmd: string, args: string[], timeoutMs = 4000): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      execFile(cmd, args, { timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
        resolve(err ? null : String(stdout));
      });
    } catch {
      resolve(null);
    }
  });
}

/**
 * GPU names from `nvidia-smi` ("NVIDIA GeForce RTX 3060, 12288 MiB, driver 550.54").
 *
 * @returns null when nvidia-smi is missing or fails (no NVIDIA driver), else the list (maybe empty).
 */
export async function listNvidiaGpus(): Promise<string[] | null> {
  const out = await run('nvidia-smi', [
    '--query-gpu=name,memory.total,driver_version',
    '--format=csv,noheader',
  ]);
  if (out === null) return null;
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [name, memory, driver] = line.split(',').map((s) => s.trim());
      return [name, memory, driver ? `driver ${driver}` : undefined].filter(Boolean).join(', ');
    });
}

/**
 * Which of {@link CUDA_LIBRARIES} the dynamic linker cannot find, from `ldconfig -p` (Linux only).
 *
 * @returns null when it cannot tell (not Linux, or no ldconfig).
 */
export async function missingCudaLibraries(): Promise<string[] | null> {
  if (process.platform !== 'linux') return null;
  const out = (await run('ldconfig', ['-p'])) ?? (await run('/sbin/ldconfig', ['-p']));
  if (out === null) return null;
  const extra = (process.env['LD_LIBRARY_PATH'] ?? '').split(':').filter(Boolean);
  const { existsSync } = await import('node:fs');
  return CUDA_LIBRARIES.filter(
    (lib) => !out.includes(lib) && !extra.some((dir) => existsSync(`${dir}/${lib}`)),
  );
}

/**
 * Why TensorFlow's GPU build ended up on the CPU: no driver, no GPU, or (TensorFlow loads CUDA
 * lazily and only logs a missing library) which CUDA/cuDNN library the linker cannot find.
 */
export async function explainNoGpu(): Promise<string> {
  const gpus = await listNvidiaGpus();
  if (gpus === null) return 'no NVIDIA driver found (nvidia-smi is not available)';
  if (gpus.length === 0) return 'nvidia-smi lists no GPU';
  const missing = await missingCudaLibraries();
  if (missing && missing.length > 0) {
    const what = missing.some((lib) => lib.startsWith('libcudnn')) ? 'cuDNN 8.1' : 'CUDA 11.2';
    return `GPU ${gpus[0]} found, but the ${what} library ${missing.join(', ')} is missing`;
  }
  return `GPU ${gpus[0]} found, but TensorFlow could not use it (see its log on stderr)`;
}
