import type { Schemas } from '../../../../client/index.ts';

/** Who got how many calls, in the order the list names the staff, the unassigned last: "cb-li 4 条，cb-wang 3 条". */
export function shares(list: Pick<Schemas['CallbackList'], 'staff' | 'entries'>): string {
  const counts = new Map<string, number>(list.staff.map((s) => [s, 0]));
  for (const e of list.entries) counts.set(e.staffId ?? '', (counts.get(e.staffId ?? '') ?? 0) + 1);
  const unassigned = counts.get('') ?? 0;
  counts.delete('');
  return [...[...counts].map(([staff, n]) => `${staff} ${n} 条`), ...(unassigned > 0 ? [`未分配 ${unassigned} 条`] : [])].join('，');
}

/** The staff on duty as typed: accounts separated by commas (either width) or spaces, each once. */
export function staffOnDuty(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,，、]+/).filter(Boolean))];
}
