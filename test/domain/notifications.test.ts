import { describe, expect, it } from 'vitest';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import type { CaseState } from '../../domain/case/state.ts';
import { countySchema, countySchemas, defaultSmsTemplates, indexCounty, smsKinds } from '../../domain/county.ts';
import { caseNotifier } from '../../domain/notifications/case.ts';
import { hasMobile, isMobile } from '../../domain/notifications/notifier.ts';
import { afterQuietHours } from '../../domain/notifications/quiet.ts';
import { notifyingStreams, notifyingStreamsOf } from '../../domain/notifications/streams.ts';
import { aggregates } from '../../domain/projections/registry.ts';
import { applicantView } from '../../domain/case/view.ts';
import { render } from '../../functions/sms/sender.ts';
import { at, command, submitted, testCounty, testIndex } from '../support/builders.ts';
import { accept, caseHistory, complete, deliver, withContext, withSms } from './projections/histories.ts';

const quiet = { from: '21:00', to: '08:00' };
const beijing = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('who texts', () => {
  it('the SMS sender folds and addresses exactly the streams the projector queues messages for', () => {
    const notifying = aggregates.filter((a) => a.notifier);
    expect(notifyingStreams.map((n) => n.streamPrefix).sort()).toEqual(notifying.map((a) => a.streamPrefix).sort());
    for (const a of notifying) expect(notifyingStreamsOf(`${a.streamPrefix}01J000`)?.notifier).toBe(a.notifier);
    expect(notifyingStreamsOf('ticket#01J000')).toBeUndefined();
  });
});

describe('quiet hours (夜间免打扰)', () => {
  it('lets a message go by day, and holds one from the evening until 08:00 the next morning', () => {
    expect(afterQuietHours(beijing('2026-11-02T20:59:59'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-11-02T20:59:59'));
    expect(afterQuietHours(beijing('2026-11-02T21:00:00'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-11-03T08:00:00'));
    expect(afterQuietHours(beijing('2026-11-02T23:45:10'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-11-03T08:00:00'));
  });

  it('holds one from after midnight until 08:00 the same day', () => {
    expect(afterQuietHours(beijing('2026-11-03T00:00:00'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-11-03T08:00:00'));
    expect(afterQuietHours(beijing('2026-11-03T07:59:30'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-11-03T08:00:00'));
    expect(afterQuietHours(beijing('2026-11-03T08:00:00'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-11-03T08:00:00'));
  });

  it('crosses a month, a year and a holiday the same way: every night is quiet, a holiday’s day is not', () => {
    // New Year's Eve into 元旦, and the eve of National Day (国庆) into the holiday.
    expect(afterQuietHours(beijing('2026-12-31T22:10:00'), quiet, 'Asia/Shanghai')).toBe(beijing('2027-01-01T08:00:00'));
    expect(afterQuietHours(beijing('2026-09-30T21:30:00'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-10-01T08:00:00'));
    expect(afterQuietHours(beijing('2026-10-03T12:00:00'), quiet, 'Asia/Shanghai')).toBe(beijing('2026-10-03T12:00:00'));
  });

  it('reads the county’s clock, not the host’s, and a county’s own hours', () => {
    // 13:30 UTC is 21:30 in Shanghai (quiet) and 08:30 in Los Angeles, where the tests run.
    expect(afterQuietHours('2026-11-02T13:30:00.000Z', quiet, 'Asia/Shanghai')).toBe('2026-11-03T00:00:00.000Z');
    expect(afterQuietHours('2026-11-02T13:30:00.000Z', { from: '22:00', to: '07:30' }, 'Asia/Shanghai')).toBe('2026-11-02T13:30:00.000Z');
    expect(afterQuietHours('2026-11-02T14:10:00.000Z', { from: '22:00', to: '07:30' }, 'Asia/Shanghai')).toBe('2026-11-02T23:30:00.000Z');
    // A quiet window within one day (a lunch break, say) works too.
    expect(afterQuietHours(beijing('2026-11-02T12:15:00'), { from: '12:00', to: '13:30' }, 'Asia/Shanghai')).toBe(beijing('2026-11-02T13:30:00'));
  });
});

describe('the messages a case sends its applicant (办件短信)', () => {
  /** Every message the stream's events ask for, as the projector sees them (with the number masked). */
  function messagesOf(history: { event: { type: string } }[]) {
    let state: CaseState | undefined;
    return history.flatMap(({ event }, i) => {
      const before = state;
      state = { ...caseAggregate.evolve(state, event as CaseEvent)! };
      state = { ...state, applicant: applicantView(state.applicant, { revealPhone: false }) };
      return caseNotifier.messages({ stream: 'case#case-1', version: i + 1, event: event as CaseEvent, before, after: state }, testIndex).map((m) => ({ ...m, at: (event as CaseEvent).meta.at }));
    });
  }

  it('asks for one message per step that concerns the applicant, at the step’s time', () => {
    const history = caseHistory('case-1', [
      submitted({ materials: ['M1'] }),
      command('RequestMaterials', { missing: ['M2', 'M3'] }, at('2026-11-02', '09:10')),
      command('SupplyMaterials', { materials: ['M2', 'M3'] }, at('2026-11-02', '11:00')),
      accept('2026-11-02', '11:30'),
      withContext(complete('2026-11-05'), withSms),
      deliver('2026-11-06'),
    ]);
    const messages = messagesOf(history);
    expect(messages.map((m) => m.kind)).toEqual(['materials-requested', 'accepted', 'completed', 'rating-invitation', 'delivered']);
    for (const m of messages) expect(m.notBefore).toBe(m.at);
    const names = testCounty.items.find((i) => i.code === 'COM-6')!.materials;
    expect(messages[0]!.params.missing).toBe(`${names[1]!.name}、${names[2]!.name}`);
    expect(messages[1]!.params).toMatchObject({ caseNo: '339999-20261102-00001', item: '建设工程规划许可' });
    expect(messages[2]!.params.decision).toBe('准予许可');
  });

  it('tells an online applicant the application arrived, and a window applicant nothing at submission', () => {
    expect(messagesOf(caseHistory('case-1', [submitted({ channel: 'online' })])).map((m) => m.kind)).toEqual(['online-received']);
    expect(messagesOf(caseHistory('case-1', [submitted()]))).toEqual([]);
  });

  it('sends nothing to a landline, to no number, or to an applicant who opted out', () => {
    const withApplicant = (applicant: Record<string, unknown>) => {
      const submit = submitted({ channel: 'online' });
      return caseHistory('case-1', [{ ...submit, data: { ...submit.data, applicant } } as unknown as typeof submit, accept('2026-11-02')]);
    };
    expect(messagesOf(withApplicant({ name: '甲', phone: '057683312345' }))).toEqual([]);
    expect(messagesOf(withApplicant({ name: '乙' }))).toEqual([]);
    expect(messagesOf(withApplicant({ name: '丙', phone: '13812341234', optOut: true }))).toEqual([]);
    expect(messagesOf(withApplicant({ name: '丁', phone: '13812341234' })).map((m) => m.kind)).toEqual(['online-received', 'accepted']);
  });

  it('knows a mobile number whole, masked, or with the country code', () => {
    expect([isMobile('13812341234'), isMobile('+8613812341234'), isMobile('057683312345'), isMobile('138****1234')]).toEqual([true, true, false, false]);
    expect([hasMobile('138****1234'), hasMobile('13812341234'), hasMobile('0576****2345'), hasMobile(undefined)]).toEqual([true, true, false, false]);
  });
});

describe('templates (短信模板)', () => {
  it('has a default for every kind, each naming exactly the parameters its text uses', () => {
    for (const kind of smsKinds) expect(countySchemas().SmsTemplateSchema.safeParse(defaultSmsTemplates[kind]).success, kind).toBe(true);
    expect(defaultSmsTemplates['rating-invitation'].params).toEqual(['item', 'caseNo', 'link']);
  });

  it('refuses a county template whose parameters do not match its text', () => {
    const bad = countySchema().safeParse({ ...testCounty, sms: { templates: { accepted: { code: 'SMS_1', text: '受理${caseNo}，${deadline}前办结', params: ['caseNo'] } } } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('the text uses ${deadline}');
  });

  it('renders the signature and the parameters, and gives them in the template’s order', () => {
    const county = indexCounty(countySchema().parse({ ...testCounty, sms: { signName: '三门县行政服务中心', templates: { accepted: { code: 'SMS_465830012', text: '${item}已受理，${deadline}前办结（${caseNo}）', params: ['caseNo', 'item', 'deadline'] } } } }));
    const rendered = render(county, 'accepted', { item: '建设工程规划许可', deadline: '11月9日', caseNo: '339999-20261102-00001' });
    expect(rendered).toEqual({
      templateCode: 'SMS_465830012',
      text: '【三门县行政服务中心】建设工程规划许可已受理，11月9日前办结（339999-20261102-00001）',
      ordered: [
        { name: 'caseNo', value: '339999-20261102-00001' },
        { name: 'item', value: '建设工程规划许可' },
        { name: 'deadline', value: '11月9日' },
      ],
    });
  });
});
