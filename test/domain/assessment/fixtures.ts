import { attendanceAggregate, type AttendanceEvent, type AttendanceState, type LeavePart } from '../../../domain/attendance/aggregate.ts';
import { countySchema } from '../../../domain/county.ts';
import { eventMetaOf } from '../../../domain/meta.ts';
import { at, meta } from '../../support/builders.ts';

/** The county's attendance and scoring rules as its file would default them, with the hall's hours. */
export const settings = countySchema().parse({
  code: '331022',
  key: 'test',
  name: '测试县',
  timeZone: 'Asia/Shanghai',
  departments: [{ id: 'D1', name: '一局' }],
  sites: [{ id: 'S-C', name: '中心', level: 'county', parentId: null }],
  windows: [{ id: 'W01', name: '窗口一', departmentId: 'D1', siteId: 'S-C' }],
  items: [{ code: 'I1', name: '事项', windowId: 'W01', type: 'immediate', committedDays: 0, statutoryDays: 0, materials: [] }],
  assessment: { staff: { videoCheck: { atPost: 3 } } },
}).assessment;

export const attendanceRules = { opens: '08:30', closes: '17:00', ...settings.attendance };

type Step = ['in' | 'out', string, string?] | ['leave', LeavePart];

/** A worker's day from its sign-ins, sign-outs (at a window, W01 unless named) and leave, folded through the aggregate's decider. */
export function day(staffId: string, date: string, steps: readonly Step[]): AttendanceState {
  let state = attendanceAggregate.initialState();
  for (const step of steps) {
    const m = meta(at(date, step[0] === 'leave' ? '08:00' : step[1]), { actor: { id: staffId, role: 'clerk' } });
    if (step[0] === 'leave') {
      state = attendanceAggregate.evolve(state, { type: 'LeaveRecorded', data: { staffId, date, part: step[1], reason: '事假', recordedBy: 'admin' }, meta: eventMetaOf(m) });
      continue;
    }
    const data = { staffId, windowId: step[2] ?? 'W01', date, time: step[1] };
    const events: AttendanceEvent[] = attendanceAggregate.decide(step[0] === 'in' ? { type: 'SignIn', data, meta: m } : { type: 'SignOut', data, meta: m }, state, undefined);
    for (const e of events) state = attendanceAggregate.evolve(state, e);
  }
  return state;
}
