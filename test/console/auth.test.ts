// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, challengeOf, completeSignIn, logoutUrl } from '../../console/src/auth/cognito.ts';
import { currentSession, endSession, homeOf, sessionFromToken, startSession } from '../../console/src/auth/session.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
const settings = { domain: 'https://banjian-sanmen.auth.example.com', clientId: 'client-1' };

beforeEach(() => sessionStorage.clear());

describe('the session', () => {
  it('reads who and where from the ID token', () => {
    const session = sessionFromToken(jwt({ 'cognito:username': 'clerk-w03', 'cognito:groups': ['clerk', 'kiosk'], 'custom:windowId': 'W03', exp: 2_000_000_000 }));
    expect(session).toMatchObject({ username: 'clerk-w03', roles: ['clerk'], windowId: 'W03', expiresAt: 2_000_000_000 });
    expect(homeOf(session)).toBe('/clerk');
    expect(homeOf({ ...session, roles: ['callback'] })).toBe('/callbacks');
  });

  it('forgets an expired token, and signing out leaves nothing behind', () => {
    startSession(jwt({ 'cognito:username': 'a', 'cognito:groups': ['admin'], exp: 100 }));
    expect(currentSession(200_000)).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
    startSession(jwt({ 'cognito:username': 'a', 'cognito:groups': ['admin'], exp: 2_000_000_000 }));
    sessionStorage.setItem('banjian.ticket.W03', '{}');
    expect(currentSession()?.username).toBe('a');
    endSession();
    expect(sessionStorage.length).toBe(0);
  });
});

describe('the managed login (authorization code with PKCE)', () => {
  it('derives the S256 challenge as RFC 7636 does', async () => {
    // RFC 7636, appendix B.
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('sends the browser to authorize with a fresh verifier and state, and trades the code for the ID token', async () => {
    const url = new URL(await authorizeUrl(settings, 'https://console.example.com/console/auth/callback'));
    expect(url.origin + url.pathname).toBe('https://banjian-sanmen.auth.example.com/oauth2/authorize');
    const q = url.searchParams;
    expect(Object.fromEntries(['response_type', 'client_id', 'code_challenge_method', 'scope'].map((k) => [k, q.get(k)]))).toEqual({ response_type: 'code', client_id: 'client-1', code_challenge_method: 'S256', scope: 'openid profile' });
    const pending = JSON.parse(sessionStorage.getItem('banjian.pkce')!) as { verifier: string; state: string };
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge')).toBe(await challengeOf(pending.verifier));

    let sent: URLSearchParams | undefined;
    const fetcher = ((_url: URL, init: RequestInit) => {
      sent = new URLSearchParams(init.body as string);
      return Promise.resolve(new Response(JSON.stringify({ id_token: 'the-id-token', access_token: 'x' }), { status: 200 }));
    }) as unknown as typeof fetch;
    const token = await completeSignIn(settings, 'https://console.example.com/console/auth/callback', new URLSearchParams({ code: 'abc', state: q.get('state')! }), sessionStorage, fetcher);
    expect(token).toBe('the-id-token');
    expect(Object.fromEntries(sent!)).toEqual({ grant_type: 'authorization_code', client_id: 'client-1', code: 'abc', redirect_uri: 'https://console.example.com/console/auth/callback', code_verifier: pending.verifier });
    expect(sessionStorage.getItem('banjian.pkce')).toBeNull();
  });

  it('refuses a return whose state is not the one it sent', async () => {
    await authorizeUrl(settings, 'https://c/console/auth/callback');
    await expect(completeSignIn(settings, 'https://c/console/auth/callback', new URLSearchParams({ code: 'abc', state: 'forged' }))).rejects.toThrow('state mismatch');
  });

  it('signs out through the managed login, back to the sign-in page', () => {
    expect(logoutUrl(settings, 'https://c/console/sign-in')).toBe('https://banjian-sanmen.auth.example.com/logout?client_id=client-1&logout_uri=https%3A%2F%2Fc%2Fconsole%2Fsign-in');
  });
});
