/** Longest line of an import error, in characters. */
export const MAX_ERROR_LINE = 1000;

/**
 * One bounded line of an import error. Lines quote names from the file (nodes, layers, tensors,
 * paths), which may be huge or hold line breaks: line breaks become spaces and the line is cut at
 * {@link MAX_ERROR_LINE} characters. (Other control characters are the printer's business: the CLI
 * escapes them.)
 */
export function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > MAX_ERROR_LINE ? `${flat.slice(0, MAX_ERROR_LINE - 1)}…` : flat;
}
