import { Alert, Button, Card, Input, List, Tag, Typography } from 'antd';
import { setDevClock } from '../lib/clock.ts';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { config } from '../config.ts';
import { homeOf, roleNames, startSession, type Role } from './session.ts';

interface LocalAccount {
  user: string;
  /** Also machines the console has no page for (the ticket kiosk): those are not listed. */
  role: Role | 'kiosk';
  label: string;
  windowId?: string;
  siteId?: string;
}

/**
 * Development sign-in (only in the local build): the accounts of the local user pool, one click each.
 * The token comes from the local server, signed by the same key `npm run token` uses.
 */
export default function DevSignIn({ next }: { next: string }) {
  const navigate = useNavigate();
  const [accounts, setAccounts] = useState<(LocalAccount & { role: Role })[]>([]);
  const [error, setError] = useState<string>();
  const [clock, setClock] = useState('');
  useEffect(() => {
    fetch('/console/dev/accounts')
      .then(async (r) => (r.ok ? setAccounts(((await r.json()) as LocalAccount[]).filter((a): a is LocalAccount & { role: Role } => a.role in roleNames)) : setError(`HTTP ${r.status}`)))
      .catch((e: Error) => setError(e.message));
  }, []);
  const signIn = async (account: LocalAccount) => {
    const response = await fetch('/console/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
    if (!response.ok) return setError(`HTTP ${response.status}`);
    const simulated = clock.trim();
    if (simulated && Number.isNaN(Date.parse(simulated))) return setError('模拟时间格式不正确，例如 2026-12-02T09:00:00+08:00');
    setDevClock(simulated || undefined);
    const session = startSession(((await response.json()) as { token: string }).token);
    void navigate(next.startsWith('/') ? next : homeOf(session), { replace: true });
  };
  return (
    <Card style={{ maxWidth: 640, margin: '6vh auto' }}>
      <Typography.Title level={3}>{config().county.name} · 本地开发登录</Typography.Title>
      <Typography.Paragraph type="secondary">本页只在本地运行时出现，部署到云上的工作台使用统一身份登录。选择一个账号：</Typography.Paragraph>
      <label htmlFor="dev-clock">模拟时间（可选，需以 npm start -- --dev-clock 启动）</label>
      <Input id="dev-clock" value={clock} placeholder="例如 2026-12-02T09:00:00+08:00" onChange={(e) => setClock(e.target.value)} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon message="无法取得本地账号" description={error} /> : null}
      <List
        dataSource={accounts}
        renderItem={(account, index) => (
          <List.Item actions={[<Button key="go" data-user={account.user} type={index === 0 ? 'primary' : 'default'} autoFocus={index === 0} onClick={() => void signIn(account)} aria-label={`以${account.label}登录`}>登录</Button>]}>
            <List.Item.Meta title={account.label} description={<><Tag>{roleNames[account.role]}</Tag>{account.user}</>} />
          </List.Item>
        )}
      />
    </Card>
  );
}
