import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';

describe('content security policy builder', () => {
  it('writes the shared directives with the host ones in a fixed order', () => {
    const csp = contentSecurityPolicy({ 'default-src': "'none'", 'frame-src': "'none'" });
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-src 'none'",
      "frame-ancestors 'none'",
    ]);
  });

  it('refuses a host directive that would loosen a shared one', () => {
    expect(() => contentSecurityPolicy({ 'script-src': "'self' 'unsafe-eval'" })).toThrow(
      /script-src is shared/,
    );
  });
});
