/**
 * Sign-in through the county's Cognito managed login: the authorization code flow with PKCE
 * (RFC 7636). The verifier and state live in `sessionStorage` only between the redirect and its
 * return; the ID token they buy is the one the API's JWT authorizer checks.
 */
export interface CognitoSettings {
  domain: string;
  clientId: string;
}

const PENDING = 'banjian.pkce';

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as base64url: a 43-character verifier, within RFC 7636's 43–128. */
export function newVerifier(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)): string {
  return base64Url(random(new Uint8Array(32)));
}

/** `S256`: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export const redirectUri = (origin: string, base: string): string => `${origin}${base}auth/callback`;

/** Where to send the browser to sign in; remembers the verifier and state for the return. */
export async function authorizeUrl(settings: CognitoSettings, redirect: string, storage: Storage = sessionStorage): Promise<string> {
  const verifier = newVerifier();
  const state = newVerifier();
  storage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL('/oauth2/authorize', settings.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirect,
    scope: 'openid profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
  }).toString();
  return url.toString();
}

/** The return from the managed login: checks the state, trades the code and verifier for tokens. */
export async function completeSignIn(settings: CognitoSettings, redirect: string, query: URLSearchParams, storage: Storage = sessionStorage, fetcher: typeof fetch = fetch): Promise<string> {
  const pending = storage.getItem(PENDING);
  storage.removeItem(PENDING);
  if (query.get('error')) throw new Error(query.get('error_description') ?? query.get('error') ?? 'sign-in refused');
  const code = query.get('code');
  if (!pending || !code) throw new Error('no sign-in in progress');
  const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
  if (query.get('state') !== state) throw new Error('state mismatch');
  const response = await fetcher(new URL('/oauth2/token', settings.domain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: settings.clientId, code, redirect_uri: redirect, code_verifier: verifier }).toString(),
  });
  if (!response.ok) throw new Error(`token endpoint: HTTP ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('no ID token in the answer');
  return tokens.id_token;
}

/** The managed login's sign-out, which comes back to the console's sign-in page. */
export function logoutUrl(settings: CognitoSettings, returnTo: string): string {
  const url = new URL('/logout', settings.domain);
  url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: returnTo }).toString();
  return url.toString();
}
