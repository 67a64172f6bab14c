import { describe, expect, it } from 'vitest';
import { callKey, chineseNumber, newCalls, spokenTicket, utteranceText, waitText, windowLabel, type BoardCall } from '../../console/src/pages/hall/calls.ts';

const call = (number: string, windowId: string, at: string, recall = false): BoardCall => ({
  number,
  category: number[0]!,
  windowId,
  windowName: windowId === 'W03' ? '不动产登记窗口' : windowId === 'W02' ? '市场监管窗口（商事登记）' : '海游街道便民服务中心综合窗口',
  at,
  recall,
});
const t = (hhmmss: string) => `2026-12-18T${hhmmss}.000Z`;

describe('newCalls', () => {
  const first = [call('C002', 'W03', t('01:05:00')), call('C001', 'W03', t('01:02:00'))];

  it('announces nothing of the first board the screen sees', () => {
    const { fresh, seen } = newCalls(first, undefined);
    expect(fresh).toEqual([]);
    expect([...seen].sort()).toEqual(first.map(callKey).sort());
  });

  it('announces the calls not seen before, oldest first, and each only once', () => {
    const { seen } = newCalls(first, undefined);
    const next = [call('B001', 'W02', t('01:06:01')), call('C003', 'W03', t('01:06:00')), ...first];
    const second = newCalls(next, seen);
    expect(second.fresh.map((c) => c.number)).toEqual(['C003', 'B001']);
    expect(newCalls(next, second.seen).fresh).toEqual([]);
  });

  it('announces a recall of a ticket already called (a new entry with its own instant)', () => {
    const { seen } = newCalls(first, undefined);
    const recalled = call('C002', 'W03', t('01:06:30'), true);
    expect(newCalls([recalled, ...first], seen).fresh).toEqual([recalled]);
  });

  it('does not announce calls two minutes older than the newest (a backlog after an outage)', () => {
    const { seen } = newCalls(first, undefined);
    const late = [call('C005', 'W03', t('01:20:00')), call('C004', 'W03', t('01:18:00')), call('C003', 'W03', t('01:10:00')), ...first];
    expect(newCalls(late, seen).fresh.map((c) => c.number)).toEqual(['C004', 'C005']);
  });

  it('does not announce again a call that left the board and came back in a late answer', () => {
    const { seen } = newCalls(first, undefined);
    const moved = newCalls([call('C003', 'W03', t('01:06:00'))], seen);
    expect(newCalls(first, moved.seen).fresh).toEqual([]);
  });
});

describe('how the hall reads a window', () => {
  it('numbers the center’s windows and keeps what they do', () => {
    expect(windowLabel('W03', '不动产登记窗口')).toEqual({ number: 3, label: '3号窗口', service: '不动产登记' });
    expect(windowLabel('W02', '市场监管窗口（商事登记）')).toEqual({ number: 2, label: '2号窗口', service: '市场监管（商事登记）' });
    expect(windowLabel('W16', '投资项目代办窗口（联合审批）').label).toBe('16号窗口');
  });

  it('calls a window without a number by its name', () => {
    expect(windowLabel('WT-HY', '海游街道便民服务中心综合窗口')).toEqual({ number: undefined, label: '海游街道便民服务中心综合窗口', service: '' });
  });
});

describe('the words spoken', () => {
  it('says numbers as Mandarin does', () => {
    expect([0, 2, 10, 12, 20, 100, 105, 110, 999, 1000, 1005, 1010].map(chineseNumber)).toEqual(['零', '二', '十', '十二', '二十', '一百', '一百零五', '一百一十', '九百九十九', '一千', '一千零五', '一千零一十']);
    expect(spokenTicket('A012')).toBe('A十二');
    expect(spokenTicket('C001')).toBe('C一');
  });

  it('asks the visitor to the window, and says a recall as one', () => {
    expect(utteranceText(call('A012', 'W03', t('01:00:00')))).toBe('请 A十二号 到 三号窗口 办理');
    expect(utteranceText(call('A012', 'W03', t('01:00:00'), true))).toBe('再次呼叫 A十二号，请到 三号窗口 办理');
    expect(utteranceText(call('Z105', 'WT-HY', t('01:00:00')))).toBe('请 Z一百零五号 到 海游街道便民服务中心综合窗口 办理');
  });

  it('writes the expected wait for the hall', () => {
    expect(waitText(0, 0)).toBe('无需等候');
    expect(waitText(2, 0)).toBe('即将叫号');
    expect(waitText(3, 24)).toBe('约 24 分钟');
    expect(waitText(9, 60)).toBe('约 1 小时');
    expect(waitText(12, 95)).toBe('约 1 小时 35 分钟');
  });
});
