import { Alert, Button, Col, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, read } from '../../api/client.ts';
import { currentSession } from '../../auth/session.ts';
import { useHotkeys } from '../../lib/useHotkeys.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { Backlog } from './Backlog.tsx';
import { Rectifications } from './Rectifications.tsx';
import { SignInPanel } from './SignInPanel.tsx';
import { TicketPanel } from './TicketPanel.tsx';

/** 窗口工作台: signing in at the terminal, the visitor being served, the window's backlog, and registering an application (Alt+G). */
export default function ClerkDesk() {
  const session = currentSession()!;
  const navigate = useNavigate();
  // An administrator works any window; a clerk their own.
  const [picked, setPicked] = useState<string>();
  const windows = useLoad(() => (session.windowId ? Promise.resolve([]) : read(api().GET('/windows'))), [session.windowId]);
  const windowId = session.windowId ?? picked;
  useHotkeys({ G: () => void navigate('/clerk/register') });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          窗口工作台
        </Typography.Title>
        {!session.windowId ? (
          <Select
            aria-label="选择窗口"
            placeholder="选择窗口"
            style={{ minWidth: 260 }}
            value={picked}
            onChange={setPicked}
            options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.id} ${w.name}` }))}
          />
        ) : null}
        <Button type="primary" onClick={() => void navigate('/clerk/register')} aria-keyshortcuts="Alt+G">
          收件登记（Alt+G）
        </Button>
        {/* A worker signs in at the window they sit at; an administrator working a window does not. */}
        {session.windowId && session.roles.includes('clerk') ? <SignInPanel windowId={session.windowId} staffId={session.username} /> : null}
      </Space>
      {windowId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <TicketPanel key={windowId} windowId={windowId} />
          </Col>
          <Col xs={24} xl={15}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Backlog windowId={windowId} />
              <Rectifications windowId={windowId} />
            </Space>
          </Col>
        </Row>
      ) : session.siteId ? (
        <Alert type="info" showIcon message="便民服务中心收件：请点击“收件登记”，收件后的办件由受理窗口办理。" />
      ) : (
        <Alert type="info" showIcon message="请选择要办理的窗口" />
      )}
    </Space>
  );
}
