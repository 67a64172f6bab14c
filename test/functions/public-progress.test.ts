import { afterEach, describe, expect, it, vi } from 'vitest';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { fold } from '../../domain/decider.ts';
import { queryCode } from '../../domain/keyed.ts';
import { countLookup } from '../../functions/public/metrics.ts';
import { progressOf, stepLabels } from '../../functions/public/progress.ts';
import { macOf } from '../../functions/secret.ts';
import { applicant, at, command, context, submitted } from '../support/builders.ts';
import { run } from '../support/given.ts';

const TZ = 'Asia/Shanghai';

describe('the receipt’s query code', () => {
  it('is six digits, the same for the same case, keyed by the county secret', () => {
    const mac = macOf('the-secret');
    const code = queryCode('01KAZ3NDEKTSV4RRFFQ69G5FAV', mac);
    expect(code).toMatch(/^\d{6}$/);
    expect(queryCode('01KAZ3NDEKTSV4RRFFQ69G5FAV', mac)).toBe(code);
    const others = ['01KAZ3NDEKTSV4RRFFQ69G5FAW', '01KAZ3NDEKTSV4RRFFQ69G5FAX', '01KAZ3NDEKTSV4RRFFQ69G5FAY'].map((id) => queryCode(id, mac));
    expect(others.some((c) => c !== code)).toBe(true);
    expect(queryCode('01KAZ3NDEKTSV4RRFFQ69G5FAV', macOf('another-secret'))).not.toBe(code);
  });

  it('is kept on CaseSubmitted and in the case; a case submitted without one has none', () => {
    const withCode = submitted();
    const events = run([{ ...withCode, data: { ...withCode.data, queryCode: '042917' } } as typeof withCode]);
    expect(events[0]).toMatchObject({ type: 'CaseSubmitted', data: { queryCode: '042917' } });
    expect(fold(caseAggregate, events)?.queryCode).toBe('042917');
    const older = run([submitted()]);
    expect(older[0]!.data).not.toHaveProperty('queryCode');
    expect(fold(caseAggregate, older)?.queryCode).toBeNull();
  });
});

describe('what the public lookup answers', () => {
  const history = run([
    submitted({ materials: ['M1'] }),
    command('RequestMaterials', { missing: ['M2', 'M3'], note: '请张三补齐' }, at('2026-11-02', '09:30')),
    command('SupplyMaterials', { materials: ['M2', 'M3'] }, at('2026-11-03', '10:00')),
    command('AcceptCase', {}, at('2026-11-03', '10:10')),
    command('SuspendCase', { procedure: 'hearing', reason: '听证：张三' }, at('2026-11-04', '10:00')),
    command('ResumeCase', {}, at('2026-11-05', '10:00')),
    command('TransferCase', { windowId: 'W01' }, at('2026-11-05', '11:00')),
    command('CompleteCase', { decision: 'approved', note: '已告知张三' }, at('2026-11-09', '15:00')),
    command('DeliverCase', { method: 'post' }, at('2026-11-10', '09:00')),
  ]);
  const state = fold(caseAggregate, history)!;
  const progress = progressOf(state, history, context.calendar, TZ);

  it('lists every step in zh-CN with its county date, and the completion and collection', () => {
    expect(progress.steps).toEqual([
      { step: '收件', date: '2026-11-02' },
      { step: '一次性告知', date: '2026-11-02' },
      { step: '补正', date: '2026-11-03' },
      { step: '受理', date: '2026-11-03' },
      { step: '特别程序', date: '2026-11-04' },
      { step: '恢复', date: '2026-11-05' },
      { step: '转办', date: '2026-11-05' },
      { step: '办结', date: '2026-11-09' },
      { step: '送达', date: '2026-11-10' },
    ]);
    expect(progress).toMatchObject({ caseNo: '339999-20261102-00001', status: 'delivered', itemName: state.item.name, acceptedDate: '2026-11-03', completion: { decision: 'approved', date: '2026-11-09' }, collection: { method: 'post', deliveredDate: '2026-11-10' } });
    expect(progress.deadline).toBe(state.deadline);
    expect(new Set(Object.values(stepLabels)).size).toBe(Object.keys(stepLabels).length);
  });

  it('names nobody: no applicant, phone, ID number, staff, window, reason or note', () => {
    const text = JSON.stringify(progress);
    for (const secret of [applicant.name, applicant.phone, applicant.phone.slice(3, 7), applicant.idNumber, 'clerk-1', 'W02', 'W01', 'S-CENTER', '张三', 'hearing']) expect(text).not.toContain(secret);
  });

  it('answers an open case with the deadline against today’s calendar and no completion yet', () => {
    const open = history.slice(0, 4);
    const answer = progressOf(fold(caseAggregate, open)!, open, context.calendar, TZ);
    expect(answer).toMatchObject({ status: 'accepted', completion: null, collection: null });
    expect(answer.deadline).toMatch(/^2026-11-\d\d$/);
  });
});

describe('counting lookups', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('writes one embedded-metric line per lookup, with its outcome as a dimension, in the stack’s namespace', () => {
    vi.stubEnv('POWERTOOLS_DEV', '');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = new Metrics({ namespace: 'Banjian', serviceName: 'banjian' });
    for (const outcome of ['found', 'not-found', 'limited'] as const) countLookup(outcome, metrics);
    const emitted = lines.map((l) => JSON.parse(l) as { outcome: string; ProgressLookups: number; _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] } });
    expect(emitted.map((e) => [e.outcome, e.ProgressLookups])).toEqual([['found', 1], ['not-found', 1], ['limited', 1]]);
    for (const e of emitted) {
      expect(e._aws.CloudWatchMetrics[0]!.Namespace).toBe('Banjian');
      expect(e._aws.CloudWatchMetrics[0]!.Dimensions[0]).toContain('outcome');
    }
  });
});
