import { Button, Layout, Space, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { logoutUrl } from '../auth/cognito.ts';
import { endSession, roleNames, type Role, type Session } from '../auth/session.ts';
import { config } from '../config.ts';

const pages: { key: string; label: string; roles: Role[]; when?: (session: Session) => boolean }[] = [
  { key: '/clerk', label: '窗口工作台', roles: ['clerk', 'admin'] },
  // A window worker's own score and days (the township sites' clerks are not assessed as window workers).
  { key: '/my-assessment', label: '我的考核', roles: ['clerk'], when: (s) => s.windowId !== undefined },
  { key: '/callbacks', label: '电话回访', roles: ['callback', 'admin'] },
  { key: '/director', label: '窗口督查', roles: ['director', 'admin'] },
  { key: '/joint', label: '联合审批', roles: ['reviewer', 'director', 'admin'] },
  { key: '/agent', label: '代办工作台', roles: ['agent'] },
  { key: '/agent', label: '项目代办', roles: ['director', 'admin'] },
  { key: '/intermediary', label: '中介超市', roles: ['intermediary'] },
  { key: '/owner', label: '中介超市', roles: ['owner'] },
  { key: '/market', label: '中介超市', roles: ['director', 'admin'] },
  { key: '/dashboard', label: '数据看板', roles: ['director', 'admin'] },
  { key: '/assessment', label: '考核', roles: ['director', 'admin'] },
  { key: '/admin', label: '系统管理', roles: ['admin'] },
];

/** Signs out: the session goes from the browser, and on AWS from the managed login too. */
export function signOut(navigate: (to: string) => void): void {
  endSession();
  const { auth } = config();
  if (auth.kind === 'cognito') window.location.assign(logoutUrl(auth, `${window.location.origin}/console/sign-in`));
  else navigate('/sign-in');
}

/** The frame of every page: who is signed in and where, the pages their role has, sign-out. */
export function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    // A 401 from any request: the token has expired or been refused.
    const expired = () => {
      endSession();
      void navigate(`/sign-in?expired=1&next=${encodeURIComponent(location.pathname)}`);
    };
    window.addEventListener('banjian:signed-out', expired);
    return () => window.removeEventListener('banjian:signed-out', expired);
  }, [navigate, location.pathname]);
  // One entry per page: the first whose roles the person has names it.
  const items = pages.filter((p) => p.roles.some((r) => session.roles.includes(r)) && (p.when?.(session) ?? true)).filter((p, i, all) => all.findIndex((q) => q.key === p.key) === i);
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '';
  const place = session.windowId ? `窗口 ${session.windowId}` : session.siteId ? `站点 ${session.siteId}` : session.intermediaryId ? `机构 ${session.intermediaryId}` : session.ownerId ? `单位 ${session.ownerId}` : '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {config().county.name}行政审批服务中心 · 办件
        </Typography.Text>
        <nav aria-label="页面" style={{ flex: 1, display: 'flex', gap: 4 }}>
          {items.map(({ key, label }) => (
            <Button key={key} type={key === selected ? 'primary' : 'text'} aria-current={key === selected ? 'page' : undefined} style={key === selected ? undefined : { color: 'rgba(255,255,255,0.85)' }} onClick={() => void navigate(key)}>
              {label}
            </Button>
          ))}
        </nav>
        <Space style={{ color: '#fff' }}>
          <span data-testid="who" style={{ whiteSpace: 'nowrap' }}>
            {session.roles.map((r) => roleNames[r]).join('、')} {session.username} {place}
          </span>
          <Button size="small" onClick={() => signOut((to) => void navigate(to))}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
