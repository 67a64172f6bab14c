import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countySchema, indexCounty, type County, type Item, type JointDepartment } from '../../domain/county.ts';
import { readCounty } from '../../infra/county-config.ts';

const sanmen = readCounty('sanmen');
const tiantai = readCounty('tiantai');

/** The issues a county fails with, each as its dotted path and message (what synth and `npm start` print). */
function issuesOf(county: unknown): { path: string; message: string }[] {
  const parsed = countySchema().safeParse(county);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** A copy of Sanmen with one item edited; `at` is that item's path prefix, e.g. `items.71`. */
function sanmenWith(code: string, edit: (item: Item, county: County) => void): { county: County; at: string } {
  const county = structuredClone(sanmen);
  const index = county.items.findIndex((i) => i.code === code);
  expect(index, code).toBeGreaterThanOrEqual(0);
  edit(county.items[index]!, county);
  return { county, at: `items.${index}` };
}

const ACCEPTANCE = '331022-LHSP-002';
const SURVEY = '331022-LHSP-001';
const DRAWINGS = '331022-LHSP-003';
const PLANNING_PERMIT = '331022-ZRZY-003';
const joint = (item: Item) => item.joint!;

describe('the shipped joint items', () => {
  it('parse in both county files, each joint item with its departments and only joint items with them', () => {
    for (const [county, codes] of [
      [sanmen, ['331022-LHSP-001', '331022-LHSP-002', '331022-LHSP-003', '331022-LHSP-004']],
      [tiantai, ['331023-NY-003', '331023-LHSP-001', '331023-LHSP-002']],
    ] as const) {
      expect(issuesOf(county)).toEqual([]);
      expect(county.items.filter((i) => i.type === 'joint').map((i) => i.code)).toEqual(codes);
      expect(county.items.filter((i) => i.joint !== undefined).map((i) => i.code)).toEqual(codes);
      for (const item of county.items.filter((i) => i.type === 'joint')) expect(joint(item).departments.length, item.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('give every joint department a window that answers for it in the hall, and every material to some department', () => {
    for (const county of [sanmen, tiantai]) {
      const index = indexCounty(county);
      for (const item of county.items.filter((i) => i.joint !== undefined)) {
        for (const d of joint(item).departments) {
          expect(index.department(d.departmentId), `${item.code} ${d.departmentId}`).toBeDefined();
          expect(index.window(d.windowId ?? '') ?? index.windowOfDepartment(d.departmentId), `${item.code} ${d.departmentId}`).toBeDefined();
          expect(d.materials.length, `${item.code} ${d.departmentId}`).toBeGreaterThan(0);
        }
        const reviewed = new Set(joint(item).departments.flatMap((d) => d.materials));
        expect(item.materials.map((m) => m.code).filter((code) => !reviewed.has(code)), item.code).toEqual([]);
      }
    }
  });

  it('ship the worked example’s completion acceptance: six departments, archives 3 days and not inspecting, about thirty materials', () => {
    const item = sanmen.items.find((i) => i.code === ACCEPTANCE)!;
    expect(item).toMatchObject({ type: 'joint', committedDays: 20, statutoryDays: 30 });
    expect(item.materials.length).toBeGreaterThanOrEqual(28);
    expect(item.materials.slice(0, 5).map((m) => m.name)).toEqual(['竣工联合验收申请表', '工程竣工验收报告', '联合测绘成果报告', '消防验收申请材料', '授权委托书']);
    expect(joint(item).inspection).toBe(true);
    expect(joint(item).departments.map((d) => [d.departmentId, d.days, d.inspects])).toEqual([
      ['D-NR', 5, true],
      ['D-FIRE', 5, true],
      ['D-CAD', 5, true],
      ['D-LAND', 5, true],
      ['D-ARCH', 3, false],
      ['D-QS', 5, true],
    ]);
    const survey = sanmen.items.find((i) => i.code === SURVEY)!;
    expect(survey.committedDays).toBe(6);
    expect(joint(survey).departments.map((d) => [d.departmentId, d.days, d.inspects])).toEqual([
      ['D-REG', 6, true],
      ['D-HC', 6, true],
      ['D-NR', 6, true],
    ]);
  });
});

describe('an invalid joint block', () => {
  it('is refused on a joint item without one, at items.N.joint', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => delete item.joint);
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint`, message: expect.stringContaining('joint.departments') as string }]);
  });

  it('is refused on an item that is not joint, at items.N.joint', () => {
    const { county, at } = sanmenWith(PLANNING_PERMIT, (item) => {
      item.joint = { inspection: false, departments: [{ departmentId: 'D-NR', days: 5, materials: ['M1'], inspects: false }, { departmentId: 'D-HC', days: 5, materials: ['M2'], inspects: false }] };
    });
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint`, message: 'only a joint item has a joint block' }]);
  });

  it('needs two departments at least, at items.N.joint.departments', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => joint(item).departments.splice(1));
    expect(issuesOf(county).map((i) => i.path)).toEqual([`${at}.joint.departments`]);
  });

  it('names a department only once, at the repeated entry', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => (joint(item).departments[5]!.departmentId = 'D-NR'));
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.5`, message: 'duplicate id D-NR' }]);
  });

  it('refuses an unknown department, at its departmentId', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => (joint(item).departments[3]!.departmentId = 'D-NOPE'));
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.3.departmentId`, message: 'unknown department D-NOPE' }]);
  });

  it('makes a department without a window name the window that answers for it, at its windowId', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => delete joint(item).departments[2]!.windowId);
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.2.windowId`, message: 'department D-CAD has no window: name the window that answers for it' }]);
  });

  it('refuses an unknown answering window, at its windowId', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => (joint(item).departments[4]!.windowId = 'W99'));
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.4.windowId`, message: 'unknown window W99' }]);
  });

  it('keeps each department’s days within the item’s committed days, at its days', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => (joint(item).departments[2]!.days = 21));
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.2.days`, message: "21 working days exceed the item's committed 20" }]);
  });

  it('keeps days a whole number from 1 to 60, at its days', () => {
    for (const days of [0, 2.5, 61]) {
      const { county, at } = sanmenWith(ACCEPTANCE, (item) => (joint(item).departments[1]!.days = days));
      // 61 also exceeds the committed 20: two issues, both on the field.
      expect(new Set(issuesOf(county).map((i) => i.path)), String(days)).toEqual(new Set([`${at}.joint.departments.1.days`]));
    }
  });

  it('refuses a material code the item does not list, at that code', () => {
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => joint(item).departments[4]!.materials.push('M31'));
    const k = joint(county.items.find((i) => i.code === ACCEPTANCE)!).departments[4]!.materials.length - 1;
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.4.materials.${k}`, message: `item ${ACCEPTANCE} lists no material M31` }]);
  });

  it('lets a department inspect only when the item has a joint inspection, at its inspects', () => {
    const { county, at } = sanmenWith(DRAWINGS, (item) => (joint(item).departments[1]!.inspects = true));
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.departments.1.inspects`, message: 'the item has no joint inspection (joint.inspection is false)' }]);
  });

  it('needs an inspecting department for a joint inspection, at items.N.joint.inspection', () => {
    const { county, at } = sanmenWith(DRAWINGS, (item) => (joint(item).inspection = true));
    expect(issuesOf(county)).toEqual([{ path: `${at}.joint.inspection`, message: 'a joint inspection needs at least one inspecting department' }]);
  });

  it('needs inspects stated for each department, at its inspects', () => {
    const { county, at } = sanmenWith(SURVEY, (item) => delete (joint(item).departments[0] as Partial<JointDepartment>).inspects);
    expect(issuesOf(county).map((i) => i.path)).toEqual([`${at}.joint.departments.0.inspects`]);
  });

  it('fails reading the county file with a message naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counties-'));
    const { county, at } = sanmenWith(ACCEPTANCE, (item) => (joint(item).departments[2]!.days = 25));
    writeFileSync(join(dir, 'sanmen.json'), JSON.stringify(county, null, 2));
    const read = () => readCounty('sanmen', dir);
    expect(read).toThrow(/sanmen\.json is invalid:/);
    expect(read).toThrow(`  - ${at}.joint.departments.2.days: 25 working days exceed the item's committed 20`);
  });
});
