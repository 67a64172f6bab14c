import { Typography } from 'antd';
import type { Names } from './joint-rules.ts';

/** A rectification notice's items, department by department, numbered within each. */
export function NoticeItems({ groups, names }: { groups: { departmentId: string; items: string[] }[]; names: Names }) {
  return (
    <div style={{ marginBottom: 12 }}>
      {groups.map((g) => (
        <div key={g.departmentId} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{names(g.departmentId)}</Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingLeft: 24 }}>
            {g.items.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
