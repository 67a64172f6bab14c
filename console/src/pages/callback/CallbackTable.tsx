import { Button, Space, Table, Tag, Typography } from 'antd';
import { DueTag, StatusTag } from './tags.tsx';
import { reasons, type Entry } from './labels.ts';
import { isOpen } from './model.ts';
import type { HTMLAttributes } from 'react';

interface Props {
  entries: Entry[];
  selectedId: string | undefined;
  today: string;
  loading: boolean;
  /** The whole day's list (an administrator) rather than one's own share: say whose each entry is. */
  showStaff: boolean;
  windowName: (id: string) => string;
  onOpen: (entry: Entry) => void;
}

/** The day's list, bad reviews first with their due day; a click (or the row's button) opens the call form. */
export function CallbackTable({ entries, selectedId, today, loading, showStaff, windowName, onOpen }: Props) {
  return (
    <Table<Entry>
      rowKey="caseId"
      size="middle"
      loading={loading}
      dataSource={entries}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: '名单中没有办件' }}
      rowClassName={(e) => (e.caseId === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(e) => ({ onClick: () => onOpen(e), style: { cursor: 'pointer' }, 'data-case-no': e.caseNo } as HTMLAttributes<HTMLTableRowElement>)}
      columns={[
        { title: '序号', width: 52, render: (_, __, i) => i + 1 },
        { title: '办件编号', dataIndex: 'caseNo', width: 190, render: (no: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{no}</span> },
        {
          title: '回访原因 / 期限',
          width: 130,
          render: (_, e) => (
            <Space vertical size={4}>
              <Tag color={reasons[e.reason].color}>{reasons[e.reason].label}</Tag>
              <DueTag due={e.due} today={today} />
            </Space>
          ),
        },
        {
          title: '事项 / 窗口',
          ellipsis: true,
          render: (_, e) => (
            <>
              <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={e.itemName}>
                {e.itemName}
              </div>
              <Typography.Text type="secondary">{windowName(e.windowId)}</Typography.Text>
            </>
          ),
        },
        { title: '办结', width: 64, render: (_, e) => e.completedDate?.slice(5) ?? '—' },
        { title: '状态', width: 100, render: (_, e) => <StatusTag entry={e} /> },
        ...(showStaff ? [{ title: '回访人员', width: 90, render: (_: unknown, e: Entry) => e.staffId ?? '未分配' }] : []),
        {
          title: '操作',
          width: 76,
          render: (_, e) => (
            <Button
              size="small"
              type={isOpen(e) ? 'primary' : 'default'}
              aria-label={`${isOpen(e) ? '回访' : '查看'} ${e.caseNo}`}
              onClick={(event) => {
                event.stopPropagation();
                onOpen(e);
              }}
            >
              {isOpen(e) ? '回访' : '查看'}
            </Button>
          ),
        },
      ]}
    />
  );
}
