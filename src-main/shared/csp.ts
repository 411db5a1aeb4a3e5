/**
 * The renderer's Content-Security-Policy, in one place. Electron's session
 * (app:// responses and the dev server) and the HTTP host send it as a response
 * header; src-renderer/index.html repeats it in a <meta> tag as a second line
 * of defence. No remote origin appears anywhere: the reader works offline and a
 * payload hidden in an article or a note must not be able to load or send anything.
 */

/** Directive -> sources. `'unsafe-inline'` for styles only: React sets style attributes. */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
  'frame-ancestors': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
