import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { useState } from 'react';
import { api, read } from '../../api/client.ts';
import { chineseDate } from '../../lib/dates.ts';
import { FollowUpForm, type Rectification } from './FollowUpForm.tsx';
import { isBadLevel, levelName, rectificationStatusName, resolvedHowName } from './labels.ts';
import { problemText } from './model.ts';
import { useLoad } from '../../lib/useLoad.ts';

/** What was just recorded, said back to the person who recorded it. */
function Recorded({ r }: { r: Rectification }) {
  return (
    <Alert
      type="success"
      showIcon
      closable
      data-testid="follow-up-recorded"
      style={{ marginBottom: 16 }}
      title={`已登记整改回访：办件 ${r.caseNo}（${r.itemName}），整改单 ${r.rectificationId}，现为“${rectificationStatusName[r.status]}”`}
    />
  );
}

/**
 * 整改回访: the follow-up call of each rectified bad review, from the list of rectifications waiting
 * for it. Without that list (a role that may not read it) the page takes the rectification's number.
 */
export function FollowUps({ canList, windowName }: { canList: boolean; windowName: (id: string) => string }) {
  const [recorded, setRecorded] = useState<Rectification>();
  const [open, setOpen] = useState<Rectification>();
  const waiting = useLoad(() => (canList ? read(api().GET('/rectifications', { params: { query: { status: 'resolved' } } })) : Promise.resolve([])), [canList]);
  const done = (r: Rectification) => {
    setRecorded(r);
    setOpen(undefined);
    waiting.reload();
  };
  if (!canList) {
    return (
      <Panel title="登记整改回访">
        {recorded ? <Recorded r={recorded} /> : null}
        <Alert type="info" showIcon style={{ marginBottom: 16, maxWidth: 760 }} title="整改单列表由窗口和督查人员查看；窗口整改完毕后，请凭整改单编号登记回访结果。" />
        <FollowUpForm onDone={done} />
      </Panel>
    );
  }
  return (
    <Panel title="已整改、待回访的差评">
      {recorded ? <Recorded r={recorded} /> : null}
      {waiting.problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problemText(waiting.problem)} /> : null}
      <Table<Rectification>
        rowKey="rectificationId"
        loading={waiting.loading}
        dataSource={waiting.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有待回访的整改单' }}
        columns={[
          { title: '办件编号', dataIndex: 'caseNo' },
          { title: '事项', dataIndex: 'itemName', ellipsis: true },
          { title: '窗口', render: (_, r) => windowName(r.windowId) },
          { title: '差评', render: (_, r) => <Tag color={isBadLevel(r.level) ? 'red' : 'default'}>{levelName[r.level]}</Tag> },
          { title: '处理方式', render: (_, r) => (r.resolvedHow ? resolvedHowName[r.resolvedHow] : '—') },
          { title: '整改期限', render: (_, r) => chineseDate(r.resolveDue) },
          { title: '操作', render: (_, r) => <Button size="small" type="primary" aria-label={`登记整改回访 ${r.caseNo}`} onClick={() => setOpen(r)}>登记回访</Button> },
        ]}
      />
      <Modal open={open !== undefined} title={open ? `整改回访 · ${open.caseNo}` : ''} footer={null} onCancel={() => setOpen(undefined)} destroyOnHidden>
        {open ? (
          <>
            <Typography.Paragraph type="secondary">
              {open.itemName} · {windowName(open.windowId)} · 整改单 {open.rectificationId}
            </Typography.Paragraph>
            <FollowUpForm rectificationId={open.rectificationId} onDone={done} />
          </>
        ) : null}
      </Modal>
    </Panel>
  );
}
