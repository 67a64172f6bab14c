import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { County } from '../domain/county.ts';
import type { Role } from '../domain/meta.ts';
import { consoleCsp } from '../infra/console-csp.ts';
import { mintToken, type LocalPool } from './auth.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface LocalAccount {
  user: string;
  role: Role;
  label: string;
  windowId?: string;
  siteId?: string;
  /** A reviewer's department. */
  departmentId?: string;
  /** A marketplace account's binding (中介机构, 业主单位). */
  intermediaryId?: string;
  ownerId?: string;
  name?: string;
  badgeNo?: string;
}

/** Made-up names for the local clerks (the county's pool holds the real ones): a window's display shows them. */
const clerkNames = ['王丽', '张伟', '李娜', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴强', '徐慧', '孙浩', '胡霞', '朱军', '高燕', '林峰', '何倩', '郭斌', '马琳', '罗建', '梁红', '宋涛', '郑雪', '谢鹏', '韩梅', '唐亮', '冯娟', '于杰', '董芳'];

/** The local intermediaries' bindings (each registers itself in the console) and the owner units. */
const localIntermediaries = [
  { id: 'ZJ-HUAXIA', name: '华夏工程咨询有限公司' },
  { id: 'ZJ-DADI', name: '大地测绘有限公司' },
  { id: 'ZJ-ZHONGCE', name: '中测环境科技有限公司' },
];
const localOwners = [
  { id: 'O-JTJ', name: '交通运输局' },
  { id: 'O-SLJ', name: '水利局' },
];

/**
 * The local pool's accounts: the county's window workers (its staff file: name and badge number), a clerk
 * at every window the file leaves without one, a clerk at three
 * township sites, every director, the callback staff, an administrator, a reviewer for each department
 * of a joint item, the marketplace's intermediaries and owners; and the hall's machines:
 * a ticket kiosk, the hall screen, and each window's display (its rating device).
 */
export function localAccounts(county: County): LocalAccount[] {
  const siteName = new Map(county.sites.map((s) => [s.id, s.name]));
  return [
    // The county's staff file (its window workers), and a clerk at each window it leaves unstaffed.
    ...county.staff.map((p) => ({ user: p.id, role: 'clerk' as const, label: `${p.windowId} ${county.windows.find((w) => w.id === p.windowId)?.name ?? ''} ${p.name}（${p.badgeNo}）`, windowId: p.windowId, name: p.name, badgeNo: p.badgeNo })),
    ...county.windows
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => !county.staff.some((p) => p.id === `clerk-${w.id.toLowerCase()}`))
      .map(({ w, i }) => ({ user: `clerk-${w.id.toLowerCase()}`, role: 'clerk' as const, label: `${w.id} ${w.name} 工作人员`, windowId: w.id, name: clerkNames[i % clerkNames.length]!, badgeNo: `${county.code.slice(-2)}${String(i + 1).padStart(2, '0')}01` })),
    ...county.sites.filter((s) => s.level === 'township').slice(0, 3).map((s) => ({ user: `clerk-${s.id.toLowerCase()}`, role: 'clerk' as const, label: `${siteName.get(s.id)}便民服务中心 工作人员`, siteId: s.id })),
    ...county.supervision.directors.map((d) => ({ user: d.id, role: 'director' as const, label: `${d.name}（窗口主任${d.windowId ? ` ${d.windowId}` : ''}）` })),
    ...county.satisfaction.callbackStaff.map((id) => ({ user: id, role: 'callback' as const, label: `回访专员 ${id}` })),
    { user: 'admin', role: 'admin', label: '系统管理员' },
    // Agents (代办员) at the center's agency desk and in the first townships.
    ...county.sites.filter((s) => s.level === 'county' || s.level === 'township').slice(0, 4).map((s) => ({ user: `agent-${s.id.toLowerCase()}`, role: 'agent' as const, label: `${siteName.get(s.id)} 代办员`, siteId: s.id })),
    // The marketplace (中介超市): intermediaries bound to the registrations they make, and two owner units.
    ...localIntermediaries.map((i) => ({ user: i.id.toLowerCase(), role: 'intermediary' as const, label: `${i.name}（中介机构）`, intermediaryId: i.id })),
    ...localOwners.map((o) => ({ user: o.id.toLowerCase(), role: 'owner' as const, label: `${county.name}${o.name}（项目业主）`, ownerId: o.id })),
    { user: 'kiosk', role: 'kiosk', label: '大厅取号机' },
    { user: 'hall-screen', role: 'hall-screen', label: '大厅叫号屏' },
    // A reviewer for every department that takes part in a joint item (联合审批).
    ...[...new Set(county.items.flatMap((i) => i.joint?.departments.map((d) => d.departmentId) ?? []))].map((id) => ({ user: `reviewer-${id.toLowerCase()}`, role: 'reviewer' as const, label: `${county.departments.find((d) => d.id === id)?.name ?? id} 联合审查`, departmentId: id })),
    ...county.windows.map((w) => ({ user: `device-${w.id.toLowerCase()}`, role: 'rating-device' as const, label: `${w.id} ${w.name} 窗口屏（评价器）`, windowId: w.id })),
  ];
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/**
 * What `npm start` serves under /console/: the built console, its `config.json` (same origin as the
 * API, local sign-in) and the development sign-in's two routes. None of this exists on AWS, where
 * CloudFront serves the console and Cognito signs people in.
 */
export function consoleHandler(options: { dir: string; county: County; pool: LocalPool }) {
  const accounts = localAccounts(options.county);
  // The policy CloudFront sends on AWS (the API is on the console's own origin here), so that the
  // browser tests meet a violation before a county does.
  const security = { 'content-security-policy': consoleCsp({ connect: [], forms: [] }), 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };
  const configJson = JSON.stringify({ county: { key: options.county.key, name: options.county.name, timeZone: options.county.timeZone }, apiBase: '', auth: { kind: 'local' } });
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/console') {
      response.writeHead(302, { location: '/console/' }).end();
      return true;
    }
    if (!path.startsWith('/console/')) return false;
    if (path === '/console/config.json') {
      response.writeHead(200, { 'content-type': types['.json']!, 'cache-control': 'no-store' }).end(configJson);
      return true;
    }
    if (path === '/console/dev/accounts') {
      response.writeHead(200, { 'content-type': types['.json']!, 'cache-control': 'no-store' }).end(JSON.stringify(accounts));
      return true;
    }
    if (path === '/console/dev/token' && request.method === 'POST') {
      const wanted = (await readJson(request).catch(() => ({}))) as { user?: string };
      const account = accounts.find((a) => a.user === wanted.user);
      if (!account) {
        response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: '/problems/no-such-account', title: 'No such local account', status: 404 }));
        return true;
      }
      const { user, role, windowId, siteId, departmentId, intermediaryId, ownerId, name, badgeNo } = account;
      const token = await mintToken(options.pool, {
        role,
        user,
        ...(windowId ? { windowId } : {}),
        ...(siteId ? { siteId } : {}),
        ...(departmentId ? { departmentId } : {}),
        ...(intermediaryId ? { intermediaryId } : {}),
        ...(ownerId ? { ownerId } : {}),
        ...(name ? { name } : {}),
        ...(badgeNo ? { badgeNo } : {}),
      });
      response.writeHead(200, { 'content-type': types['.json']!, 'cache-control': 'no-store' }).end(JSON.stringify({ token }));
      return true;
    }
    // A built file, or the app's page for any of its own routes (/console/clerk, /console/cases/…).
    const relative = normalize(decodeURIComponent(path.slice('/console/'.length)));
    const file = join(options.dir, relative);
    const isFile = relative !== '.' && !relative.startsWith('..') && file.startsWith(options.dir + sep) && existsSync(file) && statSync(file).isFile();
    if (isFile) {
      // Vite names every asset by its content hash: cache those for a year; never the page itself.
      const immutable = relative.startsWith(`assets${sep}`);
      response.writeHead(200, { ...security, 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' }).end(readFileSync(file));
      return true;
    }
    if (extname(relative)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    response.writeHead(200, { ...security, 'content-type': types['.html']!, 'cache-control': 'no-cache' }).end(readFileSync(join(options.dir, 'index.html')));
    return true;
  };
}
