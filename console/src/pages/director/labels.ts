import type { Schemas } from '../../../../client/index.ts';
import type { operations } from '../../../../client/schema.d.ts';
import { eventLabels } from '../clerk/labels.ts';

/**
 * The words a window director reads, keyed by the API's codes. Each table is typed against the
 * generated client, so a code added to the contract breaks the build until it has its Chinese.
 */

export type RosterEntry = Schemas['Roster']['entries'][number];
export type CheckStatus = RosterEntry['status'];
export type VideoCheckBody = NonNullable<operations['recordVideoCheck']['requestBody']>['content']['application/json'];
export type ChecklistItems = VideoCheckBody['items'];
/** The checklist items every check answers (cover is asked only when someone is away). */
export type ChecklistKey = Exclude<keyof ChecklistItems, 'coverArranged'>;
export type ArchiveProblemCode = Schemas['ArchiveCheck']['problems'][number]['code'];
export type Rectification = Schemas['Rectification'];
export type TimelineEvent = Schemas['ArchiveCheck']['events'][number];

/** A check's state on the roster, with the colour the hall reads it by. */
export const checkStatuses: Record<CheckStatus, { label: string; color: string; hint: string }> = {
  upcoming: { label: '未到时间', color: 'blue', hint: '到点后才能督查' },
  due: { label: '待督查', color: 'orange', hint: '已到督查时间，请尽快完成' },
  checked: { label: '已督查', color: 'green', hint: '督查记录已提交' },
  missed: { label: '漏查', color: 'red', hint: '当天未完成督查' },
};

/** The video-check checklist (视频督查内容), in the order a director looks at the screen. A tick means 符合. */
export const checklist: { key: ChecklistKey; label: string; failed: string }[] = [
  { key: 'atPost', label: '在岗（无脱岗、空岗）', failed: '脱岗' },
  { key: 'punctual', label: '按时上岗（无迟到、早退）', failed: '迟到早退' },
  { key: 'uniformAndBadge', label: '着装规范，佩戴工作牌', failed: '着装或工牌不规范' },
  { key: 'noPhone', label: '未玩手机', failed: '玩手机' },
  { key: 'noEating', label: '未在窗口吃东西', failed: '吃东西' },
  { key: 'noSleeping', label: '未睡觉', failed: '睡觉' },
  { key: 'noChatting', label: '未闲聊', failed: '闲聊' },
  { key: 'deskTidy', label: '桌面整洁', failed: '桌面杂乱' },
  { key: 'ratingDeviceInUse', label: '评价器正常使用', failed: '评价器未使用' },
];

export const coverArrangedLabel = '离岗已安排他人顶岗';

/** Archive-check problem codes (档案检查问题), as the paper checklist names them. */
export const archiveProblems: Record<ArchiveProblemCode, { label: string; hint: string }> = {
  'notice-undated': { label: '一次性告知书未注明日期', hint: '告知书上应有出具日期' },
  'step-unsigned': { label: '办理环节未签名', hint: '每个环节应有经办人签名' },
  'step-undated': { label: '办理环节未注明日期', hint: '每个环节应注明办理日期' },
  'decision-after-deadline': { label: '超过期限作出决定', hint: '办结日期晚于承诺期限' },
  'materials-incomplete': { label: '申请材料不齐全', hint: '卷内材料与要求的清单不符' },
  other: { label: '其他问题', hint: '请在说明中写明' },
};
export const archiveProblemCodes = Object.keys(archiveProblems) as ArchiveProblemCode[];

/** The case's steps as the file shows them, in the words of the case page. Events that are not steps of the file (ratings, callbacks) are left out of the archive view. */
const fileSteps = ['CaseSubmitted', 'MaterialsRequested', 'MaterialsSupplied', 'CaseAccepted', 'CaseRejected', 'CaseSuspended', 'CaseResumed', 'CaseTransferred', 'CaseCompleted', 'CaseDelivered'];
export const caseSteps: Partial<Record<string, string>> = Object.fromEntries(fileSteps.map((type) => [type, eventLabels[type]]));

export const actorRoles: Record<TimelineEvent['actor']['role'], string> = {
  clerk: '窗口工作人员',
  director: '窗口主任',
  callback: '回访专员',
  admin: '系统管理员',
  'sms-gateway': '短信网关',
  kiosk: '取号机',
  'rating-device': '评价器',
  'hall-screen': '大厅屏',
  reviewer: '部门审查人员',
  agent: '代办员',
  intermediary: '中介机构',
  owner: '项目业主',
  system: '系统',
};

export const rectificationStatuses: Record<Rectification['status'], { label: string; color: string }> = {
  opened: { label: '待核实', color: 'red' },
  verified: { label: '待窗口整改', color: 'orange' },
  appealed: { label: '申诉待复核', color: 'purple' },
  resolved: { label: '待回访', color: 'blue' },
  'followed-up': { label: '待结案', color: 'cyan' },
  closed: { label: '已结案', color: 'green' },
  voided: { label: '已撤销', color: 'default' },
};

export const findings: Record<NonNullable<Rectification['finding']>, string> = { confirmed: '情况属实', mistaken: '误评', malicious: '恶意差评' };
export const resolutions: Record<NonNullable<Rectification['resolvedHow']>, string> = { rectified: '已整改', explained: '已解释说明' };
export const recheckResults: Record<NonNullable<Rectification['recheck']>, string> = { upheld: '维持差评', voided: '撤销差评' };
export const levels: Record<Rectification['level'], string> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
};
export const warnings: Record<Rectification['warnings'][number], string> = { 'callback-overdue': '回访超期', 'resolution-overdue': '整改超期' };

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];
/** 星期一 … 星期日 of a county date. */
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `星期${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!}`;
}
