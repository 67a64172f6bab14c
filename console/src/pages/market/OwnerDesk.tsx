import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { currentSession } from '../../auth/session.ts';
import { Panel } from '../../layout/Panel.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { readProjects } from './api.ts';
import { ownerNext } from './model.ts';
import { ProjectTable } from './parts.tsx';

/**
 * 中介超市 for a project owner (业主单位): its unit's projects, newest first, each with where it stands
 * and, once selected, the award and what it saved; 新建项目 drafts a need.
 */
export default function OwnerDesk() {
  const navigate = useNavigate();
  const session = currentSession()!;
  const projects = useLoad(readProjects, []);
  const data = projects.data ?? [];
  // What waits for the owner: a draft to publish, a selection to make, a contract, a completion, an evaluation.
  const todo = data.filter((p) => {
    const next = ownerNext(p);
    return next !== null && 'step' in next;
  }).length;
  if (!session.ownerId) return <Alert type="error" showIcon title="此账号没有绑定业主单位" description="请联系系统管理员为账号设置单位编号（custom:ownerId）。" />;
  return (
    <Space vertical size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          中介超市 · 我的项目
          {todo > 0 ? (
            <Tag color="blue" style={{ marginLeft: 12, verticalAlign: 'middle' }}>
              {todo} 个待处理
            </Tag>
          ) : null}
        </Typography.Title>
        <Space>
          <Button onClick={projects.reload} loading={projects.loading && !!projects.data}>
            刷新
          </Button>
          <Button type="primary" onClick={() => void navigate('/owner/projects/new')}>
            新建项目
          </Button>
        </Space>
      </Space>
      {projects.error ? <Alert type="error" showIcon title={`项目读取失败：${projects.error}`} /> : null}
      <Panel title={`本单位的项目${projects.data ? `（${data.length}）` : ''}`} aria-label="本单位的项目">
        <ProjectTable projects={data} base="/owner" loading={!projects.data && !projects.error} empty="还没有项目，点击“新建项目”编制采购需求" />
      </Panel>
    </Space>
  );
}
