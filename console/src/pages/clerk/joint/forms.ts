import type { ShownProblem } from '../../../api/problem.ts';
import type { JointAction } from './joint-rules.ts';

/** The bodies of the lead window's joint commands, as the API takes them (openapi.json). */
export interface ScheduleBody {
  at: string;
  place: string;
}
export interface RecordBody {
  present: string[];
  absent: { departmentId: string; justified: boolean; reason?: string }[];
}
export interface CompleteBody {
  decision: 'approved' | 'denied';
  note?: string;
}
export type JointBody = ScheduleBody | RecordBody | CompleteBody | Record<string, never>;

/** How an inspecting department came to the joint inspection. */
export type Attendance = 'present' | 'justified' | 'unjustified';

export const attendanceLabels: Record<Attendance, string> = {
  present: '到场',
  justified: '缺席（有正当理由）',
  unjustified: '缺席（无正当理由，视为同意）',
};

/** The attendance form's answers as the API's body: every inspecting department present or absent, once. */
export function attendanceBody(departments: readonly string[], attendance: Partial<Record<string, Attendance>>, reasons: Partial<Record<string, string>>): RecordBody {
  const present = departments.filter((id) => (attendance[id] ?? 'present') === 'present');
  const absent = departments
    .filter((id) => attendance[id] === 'justified' || attendance[id] === 'unjustified')
    .map((id) => {
      const justified = attendance[id] === 'justified';
      const reason = reasons[id]?.trim();
      return { departmentId: id, justified, ...(reason ? { reason } : {}) };
    });
  return { present, absent };
}

type FieldName = (string | number)[];

/**
 * The API's field errors on the names the dialog's form uses: the appointment's `at` is the form's
 * date, an attendance error sits on the department it names (`absent.0.reason` → that department's
 * reason). `sentence` is the refusal in Chinese, put on the field when the API's own words are generic.
 */
export function formFieldErrors(action: JointAction, fields: ShownProblem['fields'], body: JointBody, sentence: string): { name: FieldName; errors: string[] }[] {
  return fields.flatMap((f): { name: FieldName; errors: string[] }[] => {
    const [head, index, leaf] = f.name;
    if (action === 'schedule') {
      if (head === 'at') return [{ name: ['date'], errors: [sentence] }];
      if (head === 'place') return [{ name: ['place'], errors: [f.message] }];
      return [];
    }
    if (action === 'record') {
      const record = body as RecordBody;
      if (head === 'present' && typeof index === 'number') {
        const id = record.present[index];
        return id ? [{ name: ['attendance', id], errors: [f.message] }] : [];
      }
      if (head === 'absent' && typeof index === 'number') {
        const id = record.absent[index]?.departmentId;
        if (!id) return [];
        return [{ name: leaf === 'reason' ? ['reason', id] : ['attendance', id], errors: [leaf === 'reason' ? '请填写缺席理由' : f.message] }];
      }
      return [];
    }
    if (action === 'approve' || action === 'deny') return head === 'note' ? [{ name: ['note'], errors: [f.message] }] : [];
    return [];
  });
}

/** Time slots for the appointment: every quarter of an hour from 07:00 to 18:00. */
export const timeSlots: string[] = Array.from({ length: (18 - 7) * 4 + 1 }, (_, i) => {
  const minutes = 7 * 60 + i * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
