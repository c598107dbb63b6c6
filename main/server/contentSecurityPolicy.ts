/**
 * The Content Security Policy both hosts (the Electron `app://` scheme and the web server) send
 * with the renderer. They share every directive that protects the page; each host adds only what
 * its transport needs (the web host's WebSocket, for instance).
 */

/** The directives either host sets, in the order they are written out. */
const DIRECTIVE_ORDER = [
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'font-src',
  'connect-src',
  'worker-src',
  'manifest-src',
  'object-src',
  'base-uri',
  'form-action',
  'frame-src',
  'frame-ancestors',
] as const;

export type CspDirective = (typeof DIRECTIVE_ORDER)[number];

/**
 * Only the app's own scripts run; inline styles are allowed because React Flow positions nodes
 * with style attributes; blob: images let the PNG export draw the diagram's SVG onto a canvas.
 * No plugins, no base rewriting, no form posts, never framed.
 */
const SHARED_DIRECTIVES: Partial<Record<CspDirective, string>> = {
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/**
 * The policy string: the shared directives plus the host's own (which must not redefine a shared
 * one, so no host can loosen the common guard by accident).
 *
 * @throws Error when `hostDirectives` names a shared directive.
 */
export function contentSecurityPolicy(
  hostDirectives: Partial<Record<CspDirective, string>>,
): string {
  const clash = Object.keys(hostDirectives).find((name) => name in SHARED_DIRECTIVES);
  if (clash) throw new Error(`CSP directive ${clash} is shared by both hosts; change it there`);
  const all = { ...SHARED_DIRECTIVES, ...hostDirectives };
  return DIRECTIVE_ORDER.filter((name) => all[name] !== undefined)
    .map((name) => `${name} ${all[name]}`)
    .join('; ');
}
