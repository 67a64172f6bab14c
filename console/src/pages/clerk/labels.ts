import type { Case, Schemas } from '../../../../client/index.ts';

/** What the hall calls each state of a case. */
export const caseStatus: Record<Case['status'], { label: string; color: string }> = {
  submitted: { label: '已收件', color: 'blue' },
  'awaiting-materials': { label: '待补正', color: 'orange' },
  accepted: { label: '已受理', color: 'geekblue' },
  suspended: { label: '特别程序中', color: 'purple' },
  rejected: { label: '不予受理', color: 'default' },
  completed: { label: '已办结', color: 'green' },
  delivered: { label: '已送达', color: 'cyan' },
};

type Urgency = Schemas['WindowQueue']['entries'][number]['urgency'];

/** The backlog's colours: red is overdue, orange due today, gold due within two working days. */
export const urgency: Record<Urgency, { label: string; color: string }> = {
  overdue: { label: '已超期', color: 'red' },
  'due-today': { label: '今日到期', color: 'orange' },
  'due-soon': { label: '即将到期', color: 'gold' },
  normal: { label: '正常', color: 'green' },
};

export const channels: Record<Case['channel'], string> = { window: '窗口', online: '网上申报', township: '乡镇（街道）代办', village: '村（社区）代办', agent: '代办员' };

export const itemTypes: Record<Case['item']['type'], string> = { immediate: '即办件', commitment: '承诺件', joint: '联办件', 'report-up': '上报件' };

export const decisions: Record<NonNullable<Case['decision']>, string> = { approved: '准予许可', denied: '不予许可', forwarded: '已上报' };

export const procedures: Record<NonNullable<Case['suspension']>['procedure'], string> = { hearing: '听证', 'expert-review': '专家评审', inspection: '现场勘查', testing: '检验检测', other: '其他' };

export const deliveryMethods: Record<NonNullable<Case['deliveryMethod']>, string> = { 'in-person': '窗口领取', post: '邮寄送达', electronic: '电子证照' };

/** The timeline's words for each event. */
export const eventLabels: Record<string, string> = {
  CaseSubmitted: '收件登记',
  MaterialsRequested: '一次性告知',
  MaterialsSupplied: '补正材料',
  CaseAccepted: '受理',
  CaseRejected: '不予受理',
  CaseSuspended: '特别程序开始',
  CaseResumed: '特别程序结束',
  CaseTransferred: '转办',
  CaseCompleted: '办结',
  CaseDelivered: '送达',
  CaseReviewed: '评价',
  DefaultReviewApplied: '默认好评',
  RatingInvitationDue: '评价短信待发',
  SmsReplyReceived: '短信评价',
  CallbackAttempted: '电话回访',
  RectificationOpened: '差评整改立案',
  RectificationVerified: '整改核实',
  RectificationResolved: '整改完成',
  RectificationAppealed: '差评申诉',
  RectificationRechecked: '申诉复核',
  RectificationFollowedUp: '整改回访',
  RectificationClosed: '整改办结',
  JointReviewOpened: '联合审查启动',
  JointInspectionScheduled: '安排联合验收',
  JointInspectionHeld: '联合验收（现场）',
  DepartmentDeemedConsenting: '无故缺席，视为同意',
  DepartmentOpinionGiven: '部门意见',
  JointRectificationIssued: '出具整改通知（一次性）',
  JointRectificationCompleted: '整改完成，复查',
  DepartmentDeemedApproving: '超时默许',
};

export const ticketStatus: Record<Schemas['Ticket']['status'], string> = { waiting: '等候中', called: '已叫号', serving: '办理中', finished: '已办结', 'no-show': '过号' };

type SmsMessage = Schemas['SmsMessage'];

/** What each text message the applicant got is about (短信通知). */
export const smsKinds: Record<SmsMessage['kind'], string> = {
  'materials-requested': '补正告知',
  accepted: '受理通知',
  rejected: '不予受理通知',
  suspended: '特别程序通知',
  resumed: '恢复计时通知',
  completed: '办结通知',
  delivered: '送达通知',
  'online-received': '网上申请收件',
  'rating-invitation': '评价邀请',
  'appointment-booked': '预约成功',
  'appointment-reminder': '预约提醒',
  'appointment-cancelled': '预约取消',
};

/** A message's state, as the applicant's side of it stands. */
export const smsStatuses: Record<SmsMessage['status'], { label: string; color: string }> = {
  pending: { label: '待发送', color: 'default' },
  sending: { label: '发送中', color: 'processing' },
  retry: { label: '重试中', color: 'orange' },
  sent: { label: '已发送', color: 'blue' },
  delivered: { label: '已送达', color: 'green' },
  failed: { label: '发送失败', color: 'red' },
  dead: { label: '多次失败', color: 'red' },
  skipped: { label: '未发送', color: 'default' },
};
