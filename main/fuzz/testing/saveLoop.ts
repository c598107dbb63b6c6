/**
 * A stand-in for the host's save path, run as its own process so a test can SIGKILL it mid-save:
 * saves version after version of a design to `$NETD_SAVE_LOOP_PATH` through `writeNetworkFile`
 * (what `files:save` does), starting at version `$NETD_SAVE_LOOP_FROM`, and says on stdout where it is
 * (`saving N`, `saved N`). Versions differ in name and size, so a torn file cannot pass as one.
 */
import { writeNetworkFile } from '../../files/io.ts';
import { chain } from '../../network/testDocs.ts';
import type { LayerSpecTuple } from '../../network/testDocs.ts';
import type { NetworkDoc } from '../../network/types.ts';

/** Version `v` of the saved design: `v<N>`, with 600 or 900 layers (odd/even versions). */
export function versionDoc(v: number): NetworkDoc {
  const layers: LayerSpecTuple[] = Array.from({ length: v % 2 === 0 ? 600 : 900 }, (_, i) => [
    'Conv2D',
    { filters: 4, kernelSize: 3, padding: 1 },
    `c${i}`,
  ]);
  return { ...chain([8, 8, 3], ...layers), name: `v${v}` };
}

async function main(): Promise<void> {
  const path = process.env['NETD_SAVE_LOOP_PATH']!;
  for (let v = Number(process.env['NETD_SAVE_LOOP_FROM'] ?? 1); ; v++) {
    const doc = versionDoc(v);
    process.stdout.write(`saving ${v}\n`);
    await writeNetworkFile(path, doc);
    process.stdout.write(`saved ${v}\n`);
  }
}

// Only as the child process (the test imports `versionDoc` from here too).
if (process.env['NETD_SAVE_LOOP_PATH']) void main();
