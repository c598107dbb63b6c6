/**
 * Making text from files safe to print on a terminal. Ids, labels, names, class folders and error
 * messages come from files anyone can write: printed raw, a control character can clear the
 * screen, move the cursor or forge a "Valid: 0 errors" line, and a bidi override can reorder what
 * the reader sees. Every byte `netd` writes passes through {@link escapeTerminal}.
 */

/** The only control sequence `netd` emits itself: redraw the live progress line in place. */
export const REDRAW_LINE = '\r\x1b[2K';

/**
 * C0 controls except tab and newline, DEL, C1 controls, the bidi embeddings, overrides, isolates
 * and marks, and the Unicode line/paragraph separators.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u202e` as the six visible characters `\u202e` (valid inside JSON strings too). */
function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every unsafe character replaced by its visible `\uXXXX` escape. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * What the process streams receive: {@link escapeTerminal}, except that a chunk that *is* a live
 * progress line (it starts with {@link REDRAW_LINE} and holds no newline) keeps that prefix. Data
 * cannot use this: the rest of the chunk is still escaped, and no data-bearing chunk of `netd`
 * starts with the prefix and stays on one line.
 */
export function escapeOutput(chunk: string): string {
  if (chunk.startsWith(REDRAW_LINE) && !chunk.includes('\n'))
    return REDRAW_LINE + escapeTerminal(chunk.slice(REDRAW_LINE.length));
  return escapeTerminal(chunk);
}

/** At most `max` characters of `text`, with the cut marked (error messages can be megabytes). */
export function truncateText(text: string, max = 2000): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
