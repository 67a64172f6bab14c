import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Segmented, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { chineseDate, countyToday } from '../../lib/dates.ts';
import { useRead } from '../director/use-read.ts';
import { amendmentBody, changes, dayKinds, moveFocus, toggle, workingDaysIn, type Change, type DayKind, type YearRules } from './calendar-model.ts';
import { MonthGrid } from './MonthGrid.tsx';
import './calendar.css';

const sources = {
  provisional: { label: '暂定', color: 'orange', hint: '尚未录入国务院放假通知：只按周末和法定节日推算，期限均为暂定。' },
  published: { label: '国务院公布', color: 'blue', hint: '按国务院办公厅公布的放假安排。' },
  amended: { label: '已人工调整', color: 'purple', hint: '管理员录入或修改过本年安排，以此为准。' },
} as const;

const legend: DayKind[] = ['workday', 'weekend', 'holiday', 'worked'];

/**
 * A year's holidays and worked weekend days on twelve month grids (节假日调休). Clicking a day, or
 * Enter/Space on it, toggles it in a draft; the draft's changes are listed beside the grids with what
 * each day was, and saved together (PUT) after a confirmation, since every deadline counts on them.
 */
export function CalendarEditor({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { message, modal } = App.useApp();
  const today = countyToday();
  const calendar = useRead(`calendar#${year}`, () => read(api().GET('/calendar/{year}', { params: { path: { year } } })));
  const data = calendar.data;
  const saved: YearRules = { holidays: data?.holidays ?? [], workdays: data?.workdays ?? [] };
  const county = { countyHolidays: data?.countyHolidays ?? [], countyWorkdays: data?.countyWorkdays ?? [] };
  // The draft belongs to what was loaded: a save (or another year) brings a fresh copy.
  const base = JSON.stringify([year, saved.holidays, saved.workdays]);
  const [draftOf, setDraftOf] = useState<{ base: string; rules: YearRules }>();
  const draft = draftOf?.base === base ? draftOf.rules : saved;
  const [focused, setFocused] = useState(() => (today.startsWith(`${year}-`) ? today : `${year}-01-01`));
  const focus = focused.startsWith(`${year}-`) ? focused : `${year}-01-01`;
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<{ message: string; days: string[] }>();
  const [form] = Form.useForm<{ note?: string }>();

  const pending: Change[] = data ? changes(year, saved, draft, county) : [];
  const dirty = pending.length > 0;

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const flip = (date: string) => setDraftOf({ base, rules: toggle(draft, date, county) });
  const undo = (date: string) => setDraftOf({ base, rules: { holidays: [...draft.holidays.filter((d) => d !== date), ...saved.holidays.filter((d) => d === date)].sort(), workdays: [...draft.workdays.filter((d) => d !== date), ...saved.workdays.filter((d) => d === date)].sort() } });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const date = (e.target as HTMLElement).dataset.date;
    if (!date) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      flip(date);
      return;
    }
    const next = moveFocus(date, e.key, year);
    if (!next) return;
    e.preventDefault();
    setFocused(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-date="${next}"]`)?.focus();
  };

  const changeYear = (next: number) => {
    if (!dirty) return onYear(next);
    modal.confirm({ title: `放弃 ${year} 年未保存的 ${pending.length} 处修改？`, okText: '放弃并切换', cancelText: '留在本年', onOk: () => onYear(next) });
  };

  const save = async () => {
    const { note } = await form.validateFields();
    const body = amendmentBody(draft, note);
    setSaving(true);
    setProblem(undefined);
    try {
      await send((headers) => api().PUT('/calendar/{year}', { params: { path: { year } }, body, headers }));
      setConfirming(false);
      form.resetFields();
      void message.success(`${year} 年节假日安排已保存`);
      calendar.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // A field error names an entry of a list (holidays.3): show the day it is.
      const days = error.shown.fields.map((f) => {
        const list = f.name[0] === 'holidays' ? body.holidays : f.name[0] === 'workdays' ? body.workdays : undefined;
        const day = list && typeof f.name[1] === 'number' ? list[f.name[1]] : undefined;
        return day ? `${chineseDate(day)}：${f.message}` : f.message;
      });
      setProblem({ message: error.shown.message, days });
    } finally {
      setSaving(false);
    }
  };

  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i);
  if (!years.includes(year)) years.push(year);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Text id="cal-year-label">年份</Typography.Text>
        <Segmented<number> id="cal-year" aria-label="年份" value={year} onChange={changeYear} options={years.sort().map((y) => ({ value: y, label: `${y} 年` }))} />
        {data ? <Tag color={sources[data.source].color}>{sources[data.source].label}</Tag> : null}
        {data ? <Typography.Text type="secondary">{sources[data.source].hint}</Typography.Text> : null}
      </Space>
      {calendar.problem ? <Alert type="error" showIcon title={calendar.problem.message} action={<Button size="small" onClick={calendar.reload}>重试</Button>} /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={18}>
            <Space wrap size="middle" style={{ marginBottom: 12 }}>
              {legend.map((k) => (
                <span key={k} className="cal-legend">
                  <span className={`cal-day cal-${k}`} aria-hidden>{dayKinds[k].short || '1'}</span>
                  {dayKinds[k].label}
                </span>
              ))}
              <span className="cal-legend">
                <span className="cal-day cal-workday cal-changed" aria-hidden>1</span>已修改未保存
              </span>
              <Typography.Text type="secondary">点击日期或用方向键选中后按回车切换：工作日 ⇄ 节假日，周末 ⇄ 调休上班</Typography.Text>
            </Space>
            <div className="cal-year" onKeyDown={onKeyDown} role="group" aria-label={`${year} 年日历`}>
              {Array.from({ length: 12 }, (_, i) => (
                <MonthGrid key={i} year={year} month={i + 1} saved={saved} draft={draft} county={county} focused={focus} today={today} onFocusDay={setFocused} onToggle={flip} />
              ))}
            </div>
          </Col>
          <Col xs={24} xl={6}>
            <div style={{ position: 'sticky', top: 16 }}>
              <Card size="small" title="本年工作日" style={{ marginBottom: 16 }}>
                <Space size="large">
                  <Statistic title="当前" value={workingDaysIn(year, saved, county)} suffix="天" />
                  <Statistic title="修改后" value={workingDaysIn(year, draft, county)} suffix="天" styles={{ content: { color: dirty ? '#1d4ed8' : undefined } }} />
                </Space>
              </Card>
              <Card size="small" title={`待保存的修改（${pending.length}）`}>
                {pending.length === 0 ? (
                <Typography.Text type="secondary">尚未修改。点击日历上的日期进行调整。</Typography.Text>
              ) : (
                <ul aria-label="待保存的修改" style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflow: 'auto' }}>
                  {pending.map((c) => (
                    <li key={c.date} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                      <span style={{ width: 64 }}>{chineseDate(c.date).slice(5)}</span>
                      <Typography.Text type="secondary" delete>
                        {dayKinds[c.before].label}
                      </Typography.Text>
                      <span aria-hidden>→</span>
                      <Typography.Text strong style={{ flex: 1 }}>
                        {dayKinds[c.after].label}
                      </Typography.Text>
                      <Button size="small" type="link" onClick={() => undo(c.date)} aria-label={`撤销 ${chineseDate(c.date)} 的修改`}>
                        撤销
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" disabled={!dirty} onClick={() => { setProblem(undefined); setConfirming(true); }}>
                    保存修改
                  </Button>
                  <Button disabled={!dirty} onClick={() => setDraftOf(undefined)}>
                    全部放弃
                  </Button>
                </Space>
              </Card>
            </div>
          </Col>
        </Row>
      )}
      <Modal
        open={confirming}
        title={`保存 ${year} 年的节假日安排？`}
        okText="确认保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          共 {pending.length} 处修改，全年工作日 {workingDaysIn(year, saved, county)} 天 → {workingDaysIn(year, draft, county)} 天。保存后立即生效：未办结办件的办理期限会按新安排重新计算，以后的排班和各类期限也按新安排计算。
        </Typography.Paragraph>
        <ul style={{ maxHeight: 160, overflow: 'auto' }}>
          {pending.map((c) => (
            <li key={c.date}>
              {chineseDate(c.date)}：{dayKinds[c.before].label} → {dayKinds[c.after].label}
            </li>
          ))}
        </ul>
        {problem ? <Alert type="error" showIcon role="alert" title={problem.message} description={problem.days.length > 0 ? <ul>{problem.days.map((d) => <li key={d}>{d}</li>)}</ul> : undefined} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={() => void save()}>
          <Form.Item name="note" label="调整依据（可选）" rules={[{ max: 500, message: '最多 500 字' }]}>
            <Input autoFocus placeholder="例如：国务院办公厅关于2027年部分节假日安排的通知" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
