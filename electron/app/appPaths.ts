/**
 * Where the shell finds its parts. The bundles live in `<app>/dist/electron/`, the renderer in
 * `<app>/dist/renderer/`, both in development (`npm start`) and inside the packaged `app.asar`.
 */
import { join } from 'node:path';

export interface AppPaths {
  rendererDir: string;
  preload: string;
  trainer: string;
  /** The Linux window icon. */
  icon: string;
  readme: string;
}

/** Paths relative to the folder holding the bundled `main.cjs` (`bundleDir`). */
export function appPaths(bundleDir: string): AppPaths {
  const root = join(bundleDir, '..', '..');
  return {
    rendererDir: join(root, 'dist', 'renderer'),
    preload: join(bundleDir, 'preload.cjs'),
    trainer: join(bundleDir, 'trainer.cjs'),
    icon: join(root, 'assets', 'icons', 'icon.png'),
    readme: join(root, 'README.md'),
  };
}
