/**
 * The envelope every `ipcMain.handle` of ours returns. Errors travel as data rather than as a
 * thrown Error, because Electron rewrites a thrown handler error into "Error invoking remote
 * method 'x': Error: …", which is not a message to show a user.
 */
export type IpcResult =
  { ok: true; result: unknown } | { ok: false; error: { message: string; code: string } };

/** Builds a failed envelope. */
export function ipcError(message: string, code: string): IpcResult {
  return { ok: false, error: { message, code } };
}

/**
 * Returns the result of an envelope, or throws an `Error` with the host's message (its `name` is
 * the error code; `contextBridge` is only guaranteed to carry the message across).
 * @throws Error when the envelope reports a failure or is not an envelope at all.
 */
export function unwrapIpcResult(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const envelope = value as IpcResult;
    if (envelope.ok) return envelope.result;
    const error = new Error(envelope.error.message);
    error.name = envelope.error.code;
    throw error;
  }
  throw new Error('The desktop host sent an unexpected reply.');
}
