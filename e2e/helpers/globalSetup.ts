/** Builds the renderer once before any e2e worker starts a server (when missing or stale). */
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from '../../main/server/rendererBuild.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt(ROOT, (line) => console.log(`[e2e] ${line}`));
}
