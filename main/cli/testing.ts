/** A CliContext that records what a command prints, for tests of `main()`. */
import type { CliContext } from './context.ts';

export interface CapturedContext extends CliContext {
  stdout: () => string;
  stderr: () => string;
}

/** A non-TTY context whose stdout/stderr are collected in memory. */
export function captureContext(): CapturedContext {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    exitCode: 0,
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}
