/**
 * Runs first in the trainer utility process. The trainer entry is written for a Node child process
 * (`process.send` / `process.on('message')`); a utility process talks through `process.parentPort`
 * instead. This maps one onto the other so the same entry serves `npm run serve`, the CLI and the
 * desktop app.
 */

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** Installs `process.send` and `process.on('message')` on top of `parentPort`. */
export function installParentPortShim(proc: NodeJS.Process, parentPort: ParentPortLike): void {
  proc.send = ((message: unknown) => {
    parentPort.postMessage(message);
    return true;
  }) as NodeJS.Process['send'];
  parentPort.on('message', (event) => {
    proc.emit('message', event.data, undefined);
  });
}

const port = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
if (port) installParentPortShim(process, port);
