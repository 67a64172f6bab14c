import { Alert, App, Button, Space, Statistic, Tag, Typography } from 'antd';
import { Panel } from '../../layout/Panel.tsx';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read, send, settled } from '../../api/client.ts';
import { useHotkeys } from '../../lib/useHotkeys.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { ticketStatus } from './labels.ts';
import { heldTicket, holdTicket, type HeldTicket } from './ticket-store.ts';

// Loaded when a clerk first transfers a visitor, not with the desk.
const TransferDialog = lazy(() => import('./TransferDialog.tsx'));

type TicketStep = 'recall' | 'no-show' | 'start' | 'finish';

const stepLabels: Record<TicketStep, string> = { recall: '重呼', 'no-show': '过号', start: '开始办理', finish: '办结本号' };

/**
 * 叫号: the window's visitor. Call the next ticket, recall, mark a no-show, transfer, start and finish
 * the service; the waiting count beside it. Alt+N calls, Alt+R recalls, Alt+S starts, Alt+E finishes,
 * Alt+X marks a no-show, Alt+T transfers.
 */
export function TicketPanel({ windowId }: { windowId: string }) {
  const { message } = App.useApp();
  const [ticket, setTicket] = useState<HeldTicket | undefined>(() => heldTicket(windowId));
  const [busy, setBusy] = useState(false);
  const [transferring, setTransferring] = useState(false);
  // A call whose answer never came is pressed again with the same key: the window calls one visitor, not two.
  const callKey = useRef<string | undefined>(undefined);
  // Who waits for this window: each category it serves, and those sent to it in person.
  const waiting = useLoad(async () => {
    const categories = (await read(api().GET('/ticket-categories'))).filter((c) => c.windowIds.includes(windowId));
    const lists = await Promise.all([
      read(api().GET('/queue', { params: { query: { windowId } } })).then((list) => ({ label: '指定本窗口', list })),
      ...categories.map((c) => read(api().GET('/queue', { params: { query: { category: c.code } } })).then((list) => ({ label: `${c.code} ${c.name}`, list }))),
    ]);
    return { total: lists.reduce((n, l) => n + l.list.waiting, 0), lists: lists.filter((l) => l.list.waiting > 0) };
  }, [windowId]);
  const { reload } = waiting;
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, [reload]);

  const keep = (next: HeldTicket | undefined) => {
    holdTicket(windowId, next);
    setTicket(next);
  };
  const fromTicket = (t: Schemas['Ticket'], caseIds: string[]): HeldTicket | undefined =>
    t.status === 'finished' || t.status === 'no-show' || t.windowId !== windowId ? undefined : { ticketId: t.ticketId, number: t.number, category: t.category, status: t.status, version: t.version, caseIds };
  /** What the server says this window holds (after a reload, in a new tab, or when a step found the ticket moved on). */
  const resync = async () => {
    const held = await read(api().GET('/windows/{id}/ticket', { params: { path: { id: windowId } } }));
    const saved = heldTicket(windowId);
    keep(held ? fromTicket(held, saved?.ticketId === held.ticketId ? saved.caseIds : []) : undefined);
  };
  const resyncOnce = useRef(resync);
  useEffect(() => {
    void resyncOnce.current().catch(() => undefined);
  }, []);

  const act = async (what: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await what();
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      message.error(e.shown.message);
      // Another terminal moved the ticket on (409/412): show what the window holds now.
      if (e.status === 409 || e.status === 412 || e.status === 404) await resync().catch(() => keep(undefined));
    } finally {
      setBusy(false);
      waiting.reload();
    }
  };

  const callNext = () =>
    act(async () => {
      if (ticket && (ticket.status === 'called' || ticket.status === 'serving')) {
        message.warning(`请先办结或过号当前的 ${ticket.number} 号`);
        return;
      }
      callKey.current ??= crypto.randomUUID();
      const called = await send((headers) => api().POST('/windows/{id}/call-next', { params: { path: { id: windowId } }, headers, body: {} }), { key: callKey.current }).catch((e: unknown) => {
        if (settled(e)) callKey.current = undefined;
        throw e;
      });
      callKey.current = undefined;
      if (!called) {
        message.info('当前没有等候的群众');
        return;
      }
      keep({ ticketId: called.ticketId, number: called.number, category: called.category, status: 'called', caseIds: [] });
    });

  const step = (which: TicketStep) =>
    act(async () => {
      if (!ticket) return;
      const path = { params: { path: { id: ticket.ticketId } } };
      const ifMatch = ticket.version === undefined ? {} : { 'If-Match': `"${ticket.version}"` };
      const updated = await send((h) => {
        const headers = { ...h, ...ifMatch };
        if (which === 'recall') return api().POST('/tickets/{id}/recall', { ...path, headers, body: {} });
        if (which === 'no-show') return api().POST('/tickets/{id}/no-show', { ...path, headers, body: {} });
        if (which === 'start') return api().POST('/tickets/{id}/start', { ...path, headers, body: {} });
        return api().POST('/tickets/{id}/finish', { ...path, headers, body: { caseIds: ticket.caseIds } });
      });
      keep(fromTicket(updated, ticket.caseIds));
      message.success(`${ticket.number} 号：${stepLabels[which]}`);
    });

  const can = {
    recall: ticket?.status === 'called',
    noShow: ticket?.status === 'called',
    start: ticket?.status === 'called',
    finish: ticket?.status === 'serving',
    transfer: ticket?.status === 'called' || ticket?.status === 'serving',
  };
  useHotkeys({
    N: () => void callNext(),
    R: () => can.recall && void step('recall'),
    X: () => can.noShow && void step('no-show'),
    S: () => can.start && void step('start'),
    E: () => can.finish && void step('finish'),
    T: () => can.transfer && setTransferring(true),
  });

  return (
    <Panel title={`叫号 · 窗口 ${windowId}`}>
      <Space align="center" size="large" wrap>
        <Statistic title="当前号码" value={ticket?.number ?? '—'} valueStyle={{ fontSize: 40, fontWeight: 700 }} />
        <div>
          {ticket ? <Tag color={ticket.status === 'serving' ? 'green' : 'blue'} data-testid="ticket-status">{ticketStatus[ticket.status]}</Tag> : <Tag>空闲</Tag>}
          {ticket && ticket.caseIds.length > 0 ? <Typography.Text type="secondary">本次已收件 {ticket.caseIds.length} 件</Typography.Text> : null}
        </div>
        <Statistic title="等候人数" value={waiting.data?.total ?? 0} data-testid="waiting" />
      </Space>
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" size="large" onClick={() => void callNext()} loading={busy} aria-keyshortcuts="Alt+N">
          叫号（Alt+N）
        </Button>
        <Button onClick={() => void step('recall')} disabled={!can.recall} aria-keyshortcuts="Alt+R">
          重呼（Alt+R）
        </Button>
        <Button onClick={() => void step('start')} disabled={!can.start} aria-keyshortcuts="Alt+S">
          开始办理（Alt+S）
        </Button>
        <Button onClick={() => void step('finish')} disabled={!can.finish} aria-keyshortcuts="Alt+E">
          办结本号（Alt+E）
        </Button>
        <Button onClick={() => void step('no-show')} disabled={!can.noShow} aria-keyshortcuts="Alt+X">
          过号（Alt+X）
        </Button>
        <Button onClick={() => setTransferring(true)} disabled={!can.transfer} aria-keyshortcuts="Alt+T">
          转移（Alt+T）
        </Button>
      </Space>
      {waiting.data?.lists.map(({ label, list }) => (
        <Typography.Paragraph key={label} type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {label}：{list.waiting} 人等候，依次为 {list.entries.slice(0, 5).map((e) => `${e.number}${e.priority === 'priority' ? '（优先）' : ''}`).join('、')}
          {list.waiting > 5 ? ' …' : ''}
        </Typography.Paragraph>
      ))}
      {waiting.error ? <Alert type="warning" message={waiting.error} /> : null}
      {transferring && ticket ? (
        <Suspense>
        <TransferDialog
          ticket={ticket}
          windowId={windowId}
          onCancel={() => setTransferring(false)}
          onDone={(updated) => {
            setTransferring(false);
            keep(fromTicket(updated, ticket.caseIds));
            message.success(`${ticket.number} 号已转移`);
          }}
        />
        </Suspense>
      ) : null}
    </Panel>
  );
}
