import type { CountyIndex, SmsKind } from '../county.ts';
import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import type { Envelope } from '../projections/projection.ts';
import { hasMobile, isMobile, type Notifier, type SmsIntent } from './notifier.ts';

/** How the applicant collects the result (领取方式), said in the completion message. */
function collection(state: CaseState, county: CountyIndex): string {
  const window = county.window(state.windowId)?.name ?? '办事窗口';
  if (state.decision === 'forwarded') return '材料已报送上级部门审批，结果另行通知。';
  if (state.decision === 'denied') return `不予许可决定书请到${window}领取，如有疑问可咨询窗口。`;
  return `请携带身份证件和受理回执到${window}领取，也可申请邮寄送达。`;
}

const decisionText = { approved: '准予许可', denied: '不予许可', forwarded: '已报送上级部门' } as const;
const procedureText = { hearing: '听证', 'expert-review': '专家评审', inspection: '现场勘查', testing: '检验检测', other: '特别' } as const;
const deliveryText = { 'in-person': '当面', post: '邮寄', electronic: '电子' } as const;

const dateText = (date: string | null) => (date === null ? '' : `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`);

/**
 * What a case tells its applicant by SMS, step by step (办件短信): the one-time notice with every
 * missing material by name, acceptance with the deadline, rejection with the reason, a special
 * procedure's start and end, completion with the decision and how to collect, delivery, an online
 * application's receipt, and the rating invitation. Nothing when the applicant gave no mobile
 * number or declined messages (不接受短信).
 */
export const caseNotifier: Notifier<CaseEvent, CaseState> = {
  canHandle: ['CaseSubmitted', 'MaterialsRequested', 'CaseAccepted', 'CaseRejected', 'CaseSuspended', 'CaseResumed', 'CaseCompleted', 'CaseDelivered', 'RatingInvitationDue'],
  messages({ event, after }: Envelope<CaseEvent, CaseState>, county: CountyIndex): SmsIntent[] {
    // The projector's state has the number masked: whether there is a mobile to tell is all it needs.
    if (!hasMobile(after.applicant.phone) || after.applicant.optOut === true) return [];
    const base = { item: after.item.name, caseNo: after.caseNo };
    const at = event.meta.at;
    const one = (kind: SmsKind, params: Record<string, string> = {}): SmsIntent[] => [{ kind, params: { ...base, ...params }, notBefore: at }];
    switch (event.type) {
      case 'CaseSubmitted':
        return event.data.channel === 'online' ? one('online-received') : [];
      case 'MaterialsRequested': {
        const names = new Map(county.item(after.item.code)?.materials.map((m) => [m.code, m.name]) ?? []);
        return one('materials-requested', { missing: event.data.missing.map((code) => names.get(code) ?? code).join('、') });
      }
      case 'CaseAccepted':
        return one('accepted', { acceptedDate: dateText(event.data.acceptedDate), deadline: dateText(event.data.deadline) });
      case 'CaseRejected':
        return one('rejected', { reason: event.data.reason });
      case 'CaseSuspended':
        return one('suspended', { procedure: procedureText[event.data.procedure] });
      case 'CaseResumed':
        return one('resumed', { deadline: dateText(event.data.deadline) });
      case 'CaseCompleted':
        return one('completed', { decision: decisionText[event.data.decision], collect: collection(after, county) });
      case 'CaseDelivered':
        return one('delivered', { method: deliveryText[event.data.method] });
      case 'RatingInvitationDue':
        // The link (a signed token naming the case) is the sender's to add: it needs the county secret.
        return one('rating-invitation');
      default:
        return [];
    }
  },
  recipient(state: CaseState): string | null {
    const phone = state.applicant.phone;
    return isMobile(phone) && state.applicant.optOut !== true ? phone.replace(/^\+?86/, '') : null;
  },
};
