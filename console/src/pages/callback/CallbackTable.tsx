import { Button, Space, Tag, Typography } from 'antd';
import { DataTable } from '../../layout/DataTable.tsx';
import { DueTag, StatusTag } from './tags.tsx';
import { reasons, type Entry } from './labels.ts';
import { isOpen } from './model.ts';

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
    <DataTable<Entry>
      label="回访名单"
      rowKey={(e) => e.caseId}
      loading={loading}
      rows={entries}
      empty="名单中没有办件"
      selected={(e) => e.caseId === selectedId}
      onRowClick={onOpen}
      rowData={(e) => ({ 'data-case-no': e.caseNo })}
      columns={[
        { title: '序号', width: 52, render: (_, i) => i + 1 },
        { title: '办件编号', nowrap: true, render: (e) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.caseNo}</span> },
        {
          title: '回访原因 / 期限',
          width: 130,
          render: (e) => (
            <Space vertical size={4}>
              <Tag color={reasons[e.reason].color}>{reasons[e.reason].label}</Tag>
              <DueTag due={e.due} today={today} />
            </Space>
          ),
        },
        {
          title: '事项 / 窗口',
          render: (e) => (
            <>
              <div>{e.itemName}</div>
              <Typography.Text type="secondary">{windowName(e.windowId)}</Typography.Text>
            </>
          ),
        },
        { title: '办结', nowrap: true, render: (e) => e.completedDate?.slice(5) ?? '—' },
        { title: '状态', nowrap: true, render: (e) => <StatusTag entry={e} /> },
        ...(showStaff ? [{ title: '回访人员', nowrap: true, render: (e: Entry) => e.staffId ?? '未分配' }] : []),
        {
          title: '操作',
          nowrap: true,
          render: (e) => (
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
