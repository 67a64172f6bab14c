/**
 * The staff console's Content-Security-Policy, kept free of CDK so that anything serving the console
 * (the county's CloudFront distribution, a local server) can send the same policy.
 */
export interface ConsoleCspSources {
  /** Origins the console calls besides its own: the API and the managed login's token endpoint. */
  connect: readonly string[];
  /** Origins a form may submit to besides the console's own: the managed login. */
  forms: readonly string[];
}

export function consoleCsp(sources: ConsoleCspSources): string {
  return [
    "default-src 'self'",
    // Only the bundle's own files: no inline script, no eval.
    "script-src 'self'",
    // Ant Design's CSS-in-JS writes <style> elements and style attributes at run time, and a static host has no nonce to give them.
    "style-src 'self' 'unsafe-inline'",
    ['connect-src', "'self'", ...sources.connect].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    ['form-action', "'self'", ...sources.forms].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * `index.html` with a second policy, in a `<meta>` element, that allows `connect-src` to exactly these
 * origins. A browser enforces every policy it is given, so this narrows the header's `connect-src`
 * (which can name the API only by its region; see ConsoleHosting) to the one API.
 */
export function withConnectPolicy(html: string, connect: readonly string[]): string {
  // After the charset declaration (which must stay in the first 1024 bytes) and before any script or preload link, so that it governs them all.
  const anchor = /<meta\s+charset[^>]*>/i.exec(html) ?? /<head(\s[^>]*)?>/i.exec(html);
  if (!anchor || /<script/i.test(html.slice(0, anchor.index))) throw new Error('the console’s index.html has no <head> before its scripts; cannot add its connect-src policy');
  const policy = ['connect-src', "'self'", ...connect].join(' ');
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />${html.slice(at)}`;
}
