import { escapeOutput } from './format/terminal.ts';

/** Where a CLI command writes and how it reports its exit status; tests pass a capturing one. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** Set by a command; `main()` returns it. 0 ok, 1 design errors / failed run, 2 unreadable input or bad arguments. */
  exitCode: number;
  /** True when stdout is a terminal (progress bars, colours). */
  isTTY: boolean;
}

/**
 * A context bound to the real process streams. Everything written is escaped for the terminal
 * here, at the one place output leaves `netd`, so no command can print a file's control or bidi
 * characters raw (see `format/terminal.ts`).
 */
export function processContext(): CliContext {
  return {
    out: (text) => process.stdout.write(escapeOutput(text)),
    err: (text) => process.stderr.write(escapeOutput(text)),
    exitCode: 0,
    isTTY: Boolean(process.stdout.isTTY),
  };
}
