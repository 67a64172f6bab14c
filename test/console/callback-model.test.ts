import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../console/src/api/client.ts';
import { fieldMessage, showProblem } from '../../console/src/api/problem.ts';
import type { Entry } from '../../console/src/pages/callback/labels.ts';
import { attemptBody, dueState, entryStatus, formErrors, groupedPhone, isMasked, isOpen, nextOpen, orderEntries, problemText, tally, withRecorded } from '../../console/src/pages/callback/model.ts';

const TODAY = '2026-12-11';

/** An entry of the day's list as `GET /callbacks` answers it; fixed ids, one per case number. */
function entry(no: number, over: Partial<Entry> = {}): Entry {
  return {
    caseId: `01M9EQDPM0XMBCFTRZ8X2MNA${String(no).padStart(2, '0')}`,
    caseNo: `331022-20261210-${String(no).padStart(5, '0')}`,
    reason: 'sample',
    due: null,
    windowId: 'W06',
    itemName: '社会保障卡申领',
    completedDate: '2026-12-10',
    phone: '13900001111',
    staffId: 'cb-li',
    earlierAttempts: [],
    attempts: [],
    ...over,
  };
}
const tried = (...outcomes: Entry['attempts'][number]['outcome'][]) => outcomes.map((outcome) => ({ listDate: TODAY, outcome, attemptDate: TODAY }));
const problem = (status: number, body: object) => new ApiProblem(showProblem(body, status));

describe('entryStatus', () => {
  it('is pending before any call, a retry after no answer, and done after any other outcome', () => {
    expect(entryStatus(entry(1))).toEqual({ kind: 'pending' });
    expect(entryStatus(entry(1, { attempts: tried('no-answer', 'no-answer') }))).toEqual({ kind: 'retry', noAnswers: 2 });
    expect(entryStatus(entry(1, { attempts: tried('no-answer', 'reached') }))).toEqual({ kind: 'done', outcome: 'reached' });
    expect(entryStatus(entry(1, { attempts: tried('wrong-number') }))).toEqual({ kind: 'done', outcome: 'wrong-number' });
    expect(isOpen(entry(1, { attempts: tried('refused') }))).toBe(false);
  });
});

describe('orderEntries', () => {
  it('puts bad reviews first, the earliest due first, then retries, then the sample, keeping the list order within each', () => {
    const list = [entry(1), entry(2, { reason: 'retry' }), entry(3, { reason: 'bad-review', due: '2026-12-14' }), entry(4, { reason: 'bad-review', due: TODAY }), entry(5), entry(6, { reason: 'bad-review', due: TODAY })];
    expect(orderEntries(list).map((e) => e.caseNo.slice(-1))).toEqual(['4', '6', '3', '2', '1', '5']);
  });
});

describe('dueState', () => {
  it('says whether a bad review’s callback is overdue, due today or later', () => {
    expect(dueState('2026-12-10', TODAY)).toBe('overdue');
    expect(dueState(TODAY, TODAY)).toBe('today');
    expect(dueState('2026-12-14', TODAY)).toBe('later');
    expect(dueState(null, TODAY)).toBe('none');
  });
});

describe('nextOpen', () => {
  const list = [entry(1), entry(2, { attempts: tried('reached') }), entry(3, { attempts: tried('no-answer') }), entry(4)];
  it('is the next open case down the list, skipping those done', () => {
    expect(nextOpen(list, list[0]!.caseId)?.caseNo).toBe(list[2]!.caseNo);
  });
  it('wraps round to the top for the cases left unanswered', () => {
    expect(nextOpen(list, list[3]!.caseId)?.caseNo).toBe(list[0]!.caseNo);
  });
  it('never offers the case just called, and nothing when all are done', () => {
    expect(nextOpen([entry(1)], entry(1).caseId)).toBeUndefined();
    expect(nextOpen([entry(1, { attempts: tried('refused') }), entry(2, { attempts: tried('reached') })], undefined)).toBeUndefined();
  });
  it('starts at the top when nothing is open yet', () => {
    expect(nextOpen(list, undefined)?.caseNo).toBe(list[0]!.caseNo);
  });
});

describe('withRecorded', () => {
  it('keeps the attempts saved here until the list shows as many', () => {
    const saved = new Map([[entry(1).caseId, tried('no-answer', 'reached')]]);
    expect(withRecorded([entry(1, { attempts: tried('no-answer') })], saved)[0]!.attempts).toEqual(tried('no-answer', 'reached'));
    const caughtUp = entry(1, { attempts: tried('no-answer', 'reached') });
    expect(withRecorded([caughtUp], saved)[0]).toBe(caughtUp);
  });
});

describe('tally', () => {
  it('counts the list: bad reviews, those due now still open, and each status', () => {
    const list = [
      entry(1, { reason: 'bad-review', due: TODAY }),
      entry(2, { reason: 'bad-review', due: TODAY, attempts: tried('reached') }),
      entry(3, { reason: 'bad-review', due: '2026-12-14', attempts: tried('no-answer') }),
      entry(4, { attempts: tried('refused') }),
      entry(5),
    ];
    expect(tally(list, TODAY)).toEqual({ total: 5, badReviews: 3, dueNow: 1, pending: 2, retry: 1, reached: 1, done: 2 });
  });
});

describe('attemptBody', () => {
  it('sends a reached call with its level, the answers given and the comment trimmed', () => {
    expect(attemptBody({ outcome: 'reached', level: 'dissatisfied', answers: { attitude: false, speed: true, oneTimeNotice: undefined }, comment: '  排队太久 ' }, 'a-1')).toEqual({
      attemptId: 'a-1',
      outcome: 'reached',
      level: 'dissatisfied',
      answers: { attitude: false, speed: true },
      comment: '排队太久',
    });
  });
  it('leaves the level and answers off any other outcome (the API refuses them), and an empty comment off all', () => {
    expect(attemptBody({ outcome: 'no-answer', level: 'satisfied', answers: { attitude: true }, comment: '   ' }, 'a-2')).toEqual({ attemptId: 'a-2', outcome: 'no-answer' });
    expect(attemptBody({ outcome: 'reached', answers: {} }, 'a-3')).toEqual({ attemptId: 'a-3', outcome: 'reached' });
  });
  it('refuses a form without an outcome (the form requires one)', () => {
    expect(() => attemptBody({}, 'a-4')).toThrow();
  });
});

describe('phone numbers', () => {
  it('groups a mobile number for reading aloud, with or without the country code', () => {
    expect(groupedPhone('13905761011')).toBe('139 0576 1011');
    expect(groupedPhone('+8613905761011')).toBe('139 0576 1011');
    expect(groupedPhone('0576-83312345')).toBe('0576-83312345');
  });
  it('knows a masked number', () => {
    expect(isMasked('139****1011')).toBe(true);
    expect(isMasked('13905761011')).toBe(false);
  });
});

describe('problemText', () => {
  it('says the API’s known explanations in Chinese', () => {
    expect(problemText(problem(422, { status: 422, detail: 'The case is not on today’s callback list', errors: [] }))).toBe('不符合办理规则：该办件不在今日回访名单上');
    expect(problemText(problem(409, { status: 409, detail: 'the case had its 3 attempts', errors: [] }))).toBe('当前状态不允许此操作（可能已被他人处理），请核对后再试：该办件已拨打满 3 次');
    expect(problemText(problem(409, { status: 409, detail: 'cannot FollowUpRectification a rectification that is opened', errors: [] }))).toBe('当前状态不允许此操作（可能已被他人处理），请核对后再试：该整改单目前“待核实”，整改完成后才能回访');
  });
  it('leaves out an explanation only in English, and keeps the sentence alone when there is none', () => {
    expect(problemText(problem(422, { status: 422, detail: 'Something new the page does not know', errors: [] }))).toBe('不符合办理规则');
    expect(problemText(problem(403, { status: 403, detail: 'role clerk may not do this' }))).toBe('您没有权限进行此操作');
  });
});

describe('formErrors', () => {
  it('names each field error as the form names the field, without the `body` prefix of a 400', () => {
    const answer = {
      status: 400,
      detail: 'The request does not match the API',
      errors: [
        { path: 'body.answers.attitude', message: 'Invalid input: expected boolean, received string' },
        { path: 'body.comment', message: 'Too small: expected string to have >=1 characters' },
        { path: 'level', message: 'outcome no-answer takes no level' },
      ],
    };
    // The words are the shared problem module's; the names are this page's business.
    expect(formErrors(problem(400, answer))).toEqual(answer.errors.map((e, i) => ({ name: [['answers', 'attitude'], ['comment'], ['level']][i], errors: [fieldMessage(e.message)] })));
  });
});
