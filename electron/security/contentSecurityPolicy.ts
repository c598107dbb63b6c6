import { contentSecurityPolicy } from '../../main/server/contentSecurityPolicy.ts';

/**
 * The Content Security Policy of every page the app serves (sent as a response header by the
 * `app://` protocol handler): the policy shared with the web host, and nothing may be loaded from
 * or sent to the network — everything not listed is refused.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  'default-src': "'none'",
  'connect-src': "'self' data: blob:",
  'manifest-src': "'self'",
  'frame-src': "'none'",
});
