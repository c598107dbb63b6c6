/** Command-line flags of `npm run serve`, validated with zod so a typo gets a one-line message. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The port used when none is given (falls back to a free port when busy). */
export const DEFAULT_PORT = 5179;

export interface ServeOptions {
  /** null = default port with fallback; 0 = any free port; else exactly this port. */
  port: number | null;
  open: boolean;
  /** Where files are read and written by default; default the current folder. */
  homeDir: string | null;
  /** App data dir override (same as NETD_HOME). */
  dataDir: string | null;
  help: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve [-- options]

Serves NetDesigner on http://127.0.0.1 (this machine only) with a session token in the URL.

Options:
  --port N       port to listen on (default ${DEFAULT_PORT}, or a free one if it is busy; 0 = any free port)
  --open         open the app in the default browser
  --no-open      do not open a browser (the default)
  --home DIR     folder that file dialogs start in and relative paths resolve against (default: cwd)
  --data DIR     app data folder: recent files, recovery, runs (default: $NETD_HOME or ~/.netdesigner)
  -h, --help     show this help

Environment: NETD_HOME (app data folder), NETD_TOKEN (a fixed session token of 24+ URL-safe
characters, so open tabs reconnect after a restart; default: a new random token each start).

To use it from another computer, forward the port over SSH:
  ssh -L ${DEFAULT_PORT}:127.0.0.1:${DEFAULT_PORT} user@gpu-box   then open the printed URL locally.`;

const portSchema = z.coerce
  .number({ error: 'expected a number' })
  .int('expected a whole number')
  .min(0, 'expected 0–65535')
  .max(65535, 'expected 0–65535');

/**
 * Parses the serve flags.
 * @throws Error with a one-line message naming the bad flag.
 */
export function parseServeArgs(argv: readonly string[]): ServeOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', short: 'p' },
        open: { type: 'boolean' },
        'no-open': { type: 'boolean' },
        home: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // node:util's messages are already one clear line ("Unknown option '--prot'").
    throw new Error(error instanceof Error ? error.message : String(error));
  }
  let port: number | null = null;
  if (values.port !== undefined) {
    const parsed = portSchema.safeParse(values.port);
    if (!parsed.success) {
      throw new Error(`--port ${String(values.port)}: ${parsed.error.issues[0]?.message}`);
    }
    port = parsed.data;
  }
  const text = (v: string | boolean | undefined) => (typeof v === 'string' && v.trim() ? v : null);
  return {
    port,
    open: values.open === true && values['no-open'] !== true,
    homeDir: text(values.home),
    dataDir: text(values.data),
    help: values.help === true,
  };
}
