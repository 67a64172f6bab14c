/**
 * The assessment sheets' words (考核), shared by the API's CSV answers and the console: what each
 * deduction is for, and the codes a deduction's detail carries (a video check's item, an archive
 * problem, a review's level, an inspection's item) as the hall says them.
 */

/** What each deduction is for (扣分项). */
export const deductionKindNames = {
  late: '迟到',
  'early-leave': '早退',
  'missed-sign': '漏签',
  'absent-half-day': '旷工半天',
  'off-post': '脱岗',
  'video-check': '视频督查',
  'late-completion': '超期办结',
  'bad-review': '差评',
  'archive-problem': '档案问题',
  'joint-deemed-approval': '联审超时默许',
  'joint-absence': '联合验收无故缺席',
  'overdue-rectification': '差评整改逾期',
  'late-forwarding': '上报超时',
  'wrong-number': '登记号码错误',
  inspection: '实地检查',
} as const;

const codeWords: Record<string, string> = {
  // A video check's items, found wanting.
  atPost: '脱岗',
  punctual: '迟到早退',
  uniformAndBadge: '着装或工牌不规范',
  noPhone: '玩手机',
  noEating: '吃东西',
  noSleeping: '睡觉',
  noChatting: '闲聊',
  deskTidy: '桌面杂乱',
  ratingDeviceInUse: '评价器未使用',
  coverArranged: '离岗未安排顶岗',
  // Archive problems.
  'notice-undated': '一次性告知书未注明日期',
  'step-unsigned': '办理环节未签名',
  'step-undated': '办理环节未注明日期',
  'decision-after-deadline': '超过期限作出决定',
  'materials-incomplete': '申请材料不齐全',
  other: '其他问题',
  // Review levels.
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
  // An on-site inspection's items, found wanting.
  signage: '标识标牌不规范',
  hoursKept: '未按时开放',
  staffPresent: '人员不在岗',
  agentOnDuty: '代办员不在岗',
  catalogueDisplayed: '事项目录未公开',
};

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * A deduction's detail for people. The API writes some in Chinese (attendance, forwarding) and some as
 * codes after the window or site they concern: each code becomes its words, a late completion's
 * deadline and a joint case's lead window are named.
 */
export function detailText(kind: string, detail: string): string {
  const words = detail.split(' ').map((token) => codeWords[token] ?? token);
  if (kind === 'late-completion') return words.map((w) => (isDate(w) ? `办结期限 ${w}` : w)).join(' ');
  if (kind === 'joint-deemed-approval' || kind === 'joint-absence') return words.map((w) => (/^W/.test(w) ? `牵头窗口 ${w}` : w)).join(' ');
  return words.join(' ');
}
