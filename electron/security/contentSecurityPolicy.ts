/**
 * The Content Security Policy of every page the app serves (sent as a response header by the
 * `app://` protocol handler). Only the app's own scripts run; inline styles are allowed because
 * React Flow positions nodes with style attributes; data:/blob: images let the diagram export
 * (html-to-image) rasterise the canvas. Nothing may be loaded from or sent to the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
