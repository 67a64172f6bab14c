/**
 * The signed-in person: their ID token and what it says about them. Kept in `sessionStorage` only
 * (gone when the tab closes); signing out removes it. Nothing else personal is ever stored.
 */
/**
 * People's roles (a department's reviewer of joint cases and an enterprise's agent (代办员) among them), the
 * marketplace's outside accounts (中介机构, 业主单位), and the two machines that show pages: the hall's
 * screen and a window's display (its rating device).
 */
export type Role = 'clerk' | 'director' | 'callback' | 'admin' | 'reviewer' | 'agent' | 'intermediary' | 'owner' | 'hall-screen' | 'rating-device';

export interface Session {
  token: string;
  username: string;
  roles: Role[];
  windowId?: string;
  siteId?: string;
  /** A reviewer's department (联合审批). */
  departmentId?: string;
  /** The marketplace registration an intermediary's account acts for, and the owner unit an owner's account acts for. */
  intermediaryId?: string;
  ownerId?: string;
  /** The person's name and badge number (工号), when their account has them. */
  name?: string;
  badgeNo?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const KEY = 'banjian.session';
const consoleRoles: readonly Role[] = ['clerk', 'director', 'callback', 'admin', 'reviewer', 'agent', 'intermediary', 'owner', 'hall-screen', 'rating-device'];

function base64UrlDecode(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the token's claims (the API verifies the signature; the console only needs to know who and where). */
export function sessionFromToken(token: string): Session {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
  const windowId = claims['custom:windowId'];
  const siteId = claims['custom:siteId'];
  const departmentId = claims['custom:departmentId'];
  const intermediaryId = claims['custom:intermediaryId'];
  const ownerId = claims['custom:ownerId'];
  const name = claims.name;
  const badgeNo = claims['custom:badgeNo'];
  return {
    token,
    username: typeof claims['cognito:username'] === 'string' ? claims['cognito:username'] : typeof claims.sub === 'string' ? claims.sub : '',
    roles: groups.filter((g): g is Role => (consoleRoles as readonly string[]).includes(g)),
    ...(typeof windowId === 'string' ? { windowId } : {}),
    ...(typeof siteId === 'string' ? { siteId } : {}),
    ...(typeof departmentId === 'string' ? { departmentId } : {}),
    ...(typeof intermediaryId === 'string' ? { intermediaryId } : {}),
    ...(typeof ownerId === 'string' ? { ownerId } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof badgeNo === 'string' ? { badgeNo } : {}),
    expiresAt: Number(claims.exp ?? 0),
  };
}

export function currentSession(now = Date.now()): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  try {
    const session = sessionFromToken(token);
    if (session.expiresAt * 1000 <= now) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return session;
  } catch {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
}

export function startSession(token: string): Session {
  const session = sessionFromToken(token);
  sessionStorage.setItem(KEY, token);
  return session;
}

/** Signing out leaves nothing of the person in the browser. */
export function endSession(): void {
  sessionStorage.clear();
}

/** The page each role starts on. */
export function homeOf(session: Session): string {
  if (session.roles.includes('clerk')) return '/clerk';
  if (session.roles.includes('callback')) return '/callbacks';
  if (session.roles.includes('director')) return '/director';
  if (session.roles.includes('admin')) return '/admin';
  if (session.roles.includes('reviewer')) return '/joint';
  if (session.roles.includes('agent')) return '/agent';
  if (session.roles.includes('intermediary')) return '/intermediary';
  if (session.roles.includes('owner')) return '/owner';
  if (session.roles.includes('hall-screen')) return '/hall';
  if (session.roles.includes('rating-device') && session.windowId) return `/window/${session.windowId}`;
  return '/sign-in';
}

export const roleNames: Record<Role, string> = { clerk: '窗口工作人员', director: '窗口主任', callback: '回访专员', admin: '系统管理员', reviewer: '部门审查人员', agent: '代办员', intermediary: '中介机构', owner: '项目业主', 'hall-screen': '大厅叫号屏', 'rating-device': '窗口屏（评价器）' };
