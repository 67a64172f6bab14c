import { Alert, App, Button, Form, Input, Spin } from 'antd';
import { useRef, useState } from 'react';
import { ApiProblem, settled } from '../../api/client.ts';
import { countyToday } from '../../lib/dates.ts';
import { now } from '../../lib/clock.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { book, cancelBooking, listCategories, listSlots, type Booking, type Category, type Slots } from './api.ts';
import { APPOINTMENT_CODE, APPOINTMENT_ID, bookableDays, bookingRefusal, cancelRefusal, chineseDate, datesBetween, dayLabel, MOBILE, normalizePhone, slotRange, slotState, weekdayOf } from './model.ts';
import { Block, PublicLayout } from './PublicLayout.tsx';

interface BookForm {
  name: string;
  phone: string;
}

interface CancelForm {
  appointmentId: string;
  code: string;
}

/** This tab's last booking (no name, no number): a reload still shows its code and its cancel button. */
const BOOKING_KEY = 'banjian.public.booking';

function storedBooking(): Booking | undefined {
  try {
    const raw = sessionStorage.getItem(BOOKING_KEY);
    return raw ? (JSON.parse(raw) as Booking) : undefined;
  } catch {
    return undefined;
  }
}

/** 在线预约: a category, a working day, a half-hour slot, a name and a mobile number; then the code to take a ticket with. */
export default function Appointments() {
  const [booking, setBooking] = useState<Booking | undefined>(storedBooking);
  const [cancelled, setCancelled] = useState(false);
  const remember = (next: Booking | undefined) => {
    if (next) sessionStorage.setItem(BOOKING_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(BOOKING_KEY);
    setBooking(next);
  };
  // A cancelled booking stays on screen (struck out) until 重新预约, but not past a reload.
  const markCancelled = () => {
    sessionStorage.removeItem(BOOKING_KEY);
    setCancelled(true);
  };
  const categories = useLoad(listCategories, []);
  const categoryName = (code: string) => categories.data?.find((c) => c.code === code)?.name ?? code;

  return (
    <PublicLayout title="在线预约">
      {booking ? (
        <Confirmation
          booking={booking}
          categoryName={categoryName(booking.category)}
          cancelled={cancelled}
          onCancelled={markCancelled}
          onAgain={() => {
            setCancelled(false);
            remember(undefined);
          }}
        />
      ) : (
        <BookingForm
          categories={categories.data}
          categoriesError={categories.error}
          onBooked={(b) => {
            setCancelled(false);
            remember(b);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      <CancelSection
        onCancelled={(id) => {
          if (booking?.appointmentId === id) markCancelled();
        }}
      />
    </PublicLayout>
  );
}

/**
 * The booking window of a category, a day at a time: today's answer names the last bookable date,
 * then every date up to it is asked for at once (a closed date costs the API nothing but the
 * calendar), so holidays drop out and a worked weekend shows up, each day with its places left.
 */
async function loadDays(category: string, today: string): Promise<Slots[]> {
  const first = await listSlots(category, today);
  const rest = await Promise.all(datesBetween(today, first.lastBookableDate).slice(1).map((date) => listSlots(category, date)));
  return [first, ...rest];
}

function BookingForm({ categories, categoriesError, onBooked }: { categories: Category[] | undefined; categoriesError: string | undefined; onBooked: (booking: Booking) => void }) {
  const [form] = Form.useForm<BookForm>();
  const [category, setCategory] = useState<string>();
  const [date, setDate] = useState<string>();
  const [slot, setSlot] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pendingKey = useRef<string | undefined>(undefined);
  const today = countyToday();
  const answers = useLoad(() => (category ? loadDays(category, today) : Promise.resolve(undefined)), [category, today]);
  const days = answers.data ? bookableDays(answers.data, now()) : [];
  // The day picked, or else the first with a place left.
  const day = days.find((d) => d.date === date)?.date ?? days.find((d) => d.bookable)?.date;
  const slots = answers.data?.find((a) => a.date === day)?.slots ?? [];
  const picked = slots.find((s) => s.slot === slot);

  // A slot belongs to its day and category: another pick clears it.
  const pickCategory = (code: string) => {
    setCategory(code);
    setDate(undefined);
    setSlot(undefined);
  };
  const pickDate = (next: string) => {
    setDate(next);
    setSlot(undefined);
  };

  const submit = async (values: BookForm) => {
    if (!category || !day || !picked) {
      setRefusal('请先选择业务、日期和时段');
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    pendingKey.current ??= crypto.randomUUID();
    try {
      const booked = await book({ category, date: day, slot: picked.slot, name: values.name.trim(), phone: normalizePhone(values.phone) }, pendingKey.current);
      pendingKey.current = undefined;
      onBooked(booked);
    } catch (error) {
      if (settled(error)) pendingKey.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      setRefusal(bookingRefusal(error.status, error.shown.detail));
      if (error.status === 409 || error.status === 422) {
        // Someone took the last place, or the slot began meanwhile: the days and slots as they are now.
        if (!/already holds/i.test(error.shown.detail ?? '')) setSlot(undefined);
        answers.reload();
      }
      form.setFields(error.shown.fields.filter((f) => f.name[0] === 'name' || f.name[0] === 'phone').map((f) => ({ name: f.name[0] as 'name' | 'phone', errors: [f.name[0] === 'phone' ? '请填写正确的 11 位手机号码' : f.message] })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Block title="1. 选择业务" aria-label="选择业务">
        {categoriesError ? <Alert type="error" showIcon title="业务列表读取失败，请刷新页面" /> : null}
        {!categories && !categoriesError ? <Spin /> : null}
        <div className="pub-choices" role="group" aria-label="业务">
          {(categories ?? []).map((c) => (
            <button key={c.code} type="button" className="pub-choice" aria-pressed={category === c.code} onClick={() => pickCategory(c.code)}>
              {c.name}
            </button>
          ))}
        </div>
      </Block>
      <Block title="2. 选择日期" aria-label="选择日期">
        {!category ? <div className="pub-hint">请先选择业务</div> : null}
        {category && answers.loading && !answers.data ? <Spin /> : null}
        {category && answers.error && !answers.data ? <Alert type="warning" showIcon title="可预约日期读取失败，请稍后再试" /> : null}
        {category && answers.data && days.length === 0 ? <div className="pub-hint">近期没有可预约的日期，请到大厅取号机取号</div> : null}
        <div className="pub-choices pub-choices-3" role="group" aria-label="日期">
          {days.map((d) => (
            <button key={d.date} type="button" className="pub-choice" aria-pressed={day === d.date} disabled={!d.bookable} onClick={() => pickDate(d.date)} aria-label={`${dayLabel(d.date)} ${d.note}`}>
              {dayLabel(d.date)}
              <span className="pub-choice-note">{d.note}</span>
            </button>
          ))}
        </div>
      </Block>
      <Block title="3. 选择时段" aria-label="选择时段">
        {!day ? <div className="pub-hint">请先选择业务和日期</div> : null}
        <div className="pub-choices pub-choices-3" role="group" aria-label="时段">
          {slots.map((s) => {
            const state = slotState(s, now());
            return (
              <button key={s.slot} type="button" className="pub-choice" aria-pressed={slot === s.slot} disabled={!state.bookable} onClick={() => setSlot(s.slot)} aria-label={`${s.slot} ${state.note}`}>
                {s.slot}
                <span className="pub-choice-note">{state.note}</span>
              </button>
            );
          })}
        </div>
      </Block>
      <Block title="4. 填写预约人信息" aria-label="填写预约人信息">
        <Form<BookForm> form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30, message: '最多 30 个字' }]}>
            <Input autoComplete="name" placeholder="办事人姓名" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号码"
            extra="预约码将以短信发送到此号码"
            rules={[
              { required: true, message: '请填写手机号码' },
              { validator: (_, v: string) => (!v || MOBILE.test(normalizePhone(v)) ? Promise.resolve() : Promise.reject(new Error('请填写正确的 11 位手机号码'))) },
            ]}
          >
            <Input inputMode="tel" autoComplete="tel" placeholder="11 位手机号码" maxLength={16} />
          </Form.Item>
          {picked && day ? (
            <div className="pub-summary" data-testid="booking-summary">
              预约：{chineseDate(day)} {slotRange(picked.slot)}
            </div>
          ) : null}
          {refusal ? <Alert type="warning" showIcon title={refusal} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy} disabled={!picked}>
            {picked ? '提交预约' : '请选择业务、日期和时段'}
          </Button>
        </Form>
      </Block>
    </>
  );
}

function Confirmation({ booking, categoryName, cancelled, onCancelled, onAgain }: { booking: Booking; categoryName: string; cancelled: boolean; onCancelled: () => void; onAgain: () => void }) {
  const { modal } = App.useApp();
  const [refusal, setRefusal] = useState<string>();
  const cancel = () =>
    void modal.confirm({
      title: '确定取消这次预约吗？',
      content: `${chineseDate(booking.date)} ${slotRange(booking.slot)} ${categoryName}`,
      okText: '取消预约',
      okButtonProps: { danger: true },
      cancelText: '不取消',
      onOk: async () => {
        setRefusal(undefined);
        try {
          await cancelBooking(booking.appointmentId, booking.code);
          onCancelled();
        } catch (error) {
          if (!(error instanceof ApiProblem)) throw error;
          setRefusal(cancelRefusal(error.status));
        }
      },
    });
  return (
    <Block aria-label="预约结果" className="pub-block pub-code-card" data-testid="booking">
      <div className="pub-done-title" style={{ marginTop: 0 }}>
        {cancelled ? '预约已取消' : '预约成功'}
      </div>
      <div className="pub-code-label">预约码</div>
      <div className="pub-code" data-testid="booking-code" style={cancelled ? { color: '#9ca3af', textDecoration: 'line-through' } : undefined}>
        {booking.code}
      </div>
      <dl className="pub-facts" style={{ textAlign: 'left' }}>
        <dt>业务</dt>
        <dd>{categoryName}</dd>
        <dt>日期</dt>
        <dd>
          {chineseDate(booking.date)} {weekdayOf(booking.date)}
        </dd>
        <dt>时段</dt>
        <dd>{slotRange(booking.slot)}</dd>
        <dt>预约编号</dt>
        <dd style={{ fontSize: 13 }} data-testid="booking-id">
          {booking.appointmentId}
        </dd>
      </dl>
      {cancelled ? (
        <Button type="primary" block size="large" style={{ marginTop: 16 }} onClick={onAgain}>
          重新预约
        </Button>
      ) : (
        <>
          <ol className="pub-steps">
            <li>请在预约时段内到大厅取号机输入预约码取号，凭号到窗口办理。</li>
            <li>预约时段开始后 15 分钟仍未取号的，视为爽约；多次爽约将暂停在线预约。</li>
            <li>预约码已通过短信发送到您的手机，请妥善保存。</li>
          </ol>
          {refusal ? <Alert type="warning" showIcon title={refusal} role="alert" style={{ marginTop: 12, textAlign: 'left' }} /> : null}
          <Button danger block size="large" style={{ marginTop: 16 }} onClick={cancel}>
            取消预约
          </Button>
        </>
      )}
    </Block>
  );
}

function CancelSection({ onCancelled }: { onCancelled: (appointmentId: string) => void }) {
  const [form] = Form.useForm<CancelForm>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: CancelForm) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await cancelBooking(values.appointmentId, values.code);
      setOutcome({ ok: true, text: '预约已取消' });
      onCancelled(values.appointmentId);
      form.resetFields();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setOutcome({ ok: false, text: cancelRefusal(error.status) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Block title="取消预约" aria-label="取消预约">
      <div className="pub-hint" style={{ marginBottom: 12 }}>
        不能按时到达的，请在预约时段开始前取消，把名额留给其他办事群众。
      </div>
      <Form<CancelForm> form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="appointmentId"
          label="预约编号"
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          rules={[
            { required: true, message: '请填写预约编号' },
            { pattern: APPOINTMENT_ID, message: '预约编号格式如 B-20261204-0900-1' },
          ]}
        >
          <Input autoComplete="off" placeholder="如 B-20261204-0900-1" />
        </Form.Item>
        <Form.Item
          name="code"
          label="预约码"
          normalize={(v: string) => v.replace(/\s/g, '')}
          rules={[
            { required: true, message: '请填写预约码' },
            { pattern: APPOINTMENT_CODE, message: '预约码为 6 位数字' },
          ]}
        >
          <Input autoComplete="off" inputMode="numeric" maxLength={6} placeholder="6 位数字" />
        </Form.Item>
        {outcome ? <Alert type={outcome.ok ? 'success' : 'warning'} showIcon title={outcome.text} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Button block htmlType="submit" loading={busy}>
          取消预约
        </Button>
      </Form>
    </Block>
  );
}
