import { useEffect, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { NavLink } from 'react-router';
import { config } from '../../config.ts';
import './public.css';

/** The center's name as citizens know it (the staff console's header says the same). */
export const centerName = (): string => `${config().county.name}行政审批服务中心`;

/**
 * The frame of the citizens' pages: a phone's screen, no sign-in and none of the staff console's
 * chrome. The center's name, the page's title, the two services (a rating link opens on its own).
 */
export function PublicLayout({ title, nav = true, children }: { title: string; nav?: boolean; children: ReactNode }) {
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · ${centerName()}`;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className="pub">
      <header className="pub-header">
        <div className="pub-center">{centerName()}</div>
        <h1 className="pub-title">{title}</h1>
      </header>
      {nav ? (
        <nav className="pub-nav" aria-label="便民服务">
          <NavLink to="/public/progress" className={({ isActive }) => (isActive ? 'pub-tab pub-tab-active' : 'pub-tab')}>
            办件进度查询
          </NavLink>
          <NavLink to="/public/appointments" className={({ isActive }) => (isActive ? 'pub-tab pub-tab-active' : 'pub-tab')}>
            在线预约
          </NavLink>
        </nav>
      ) : null}
      <main className="pub-main">{children}</main>
      <footer className="pub-footer">本页面无需登录。您填写的信息仅用于办理本次业务。</footer>
    </div>
  );
}

/** A white block of the page, with an optional heading. */
export function Block({ title, children, ref, ...rest }: { title?: ReactNode; children: ReactNode; ref?: Ref<HTMLElement> } & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  return (
    <section className="pub-block" ref={ref} {...rest}>
      {title ? <h2 className="pub-block-title">{title}</h2> : null}
      {children}
    </section>
  );
}
