import { Skeleton, theme } from 'antd';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

/**
 * A titled section of a page. Ant Design's Card would do, but it brings its tabs along (about 20 KB
 * gzipped on every page's first screen); this is the part of it the console uses.
 */
export function Panel({ title, extra, loading, children, style, ...rest }: { title?: ReactNode; extra?: ReactNode; loading?: boolean; children?: ReactNode; style?: CSSProperties } & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  const { token } = theme.useToken();
  return (
    <section {...rest} style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, border: `1px solid ${token.colorBorderSecondary}`, ...style }}>
      {title || extra ? (
        <header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '10px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <h2 style={{ flex: 1, margin: 0, fontSize: token.fontSizeLG, fontWeight: 600 }}>{title}</h2>
          {extra}
        </header>
      ) : null}
      <div style={{ padding: 16 }}>{loading ? <Skeleton active /> : children}</div>
    </section>
  );
}
