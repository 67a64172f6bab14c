import type { ApiProblem } from '../../api/client.ts';

/**
 * The API explains a refusal in English (for its logs and terminal vendors); the ones the assessment
 * pages and the terminal's sign-in meet are said in Chinese here, with what the person should do.
 * Anything else keeps the sentence of its status.
 */
export function refusalText(detail: string | undefined, fallback: string): string {
  if (!detail) return fallback;
  let m = /already signed in at window (\S+) since (\d{2}:\d{2})/.exec(detail);
  if (m) return `您已于 ${m[2]} 在 ${m[1]} 窗口签到，无需重复签到`;
  m = /signed in at window (\S+): sign out there/.exec(detail);
  if (m) return `您在 ${m[1]} 窗口签到，请在该窗口签退`;
  if (/not in the county's staff file/.test(detail)) return '您不在本中心窗口工作人员名单中，请联系管理员';
  m = /site (\S+) was inspected on (\S+) already/.exec(detail);
  if (m) return `${m[1]} 在 ${m[2]} 已登记过实地检查，每个站点每天只登记一次`;
  m = /leave is already recorded for (\S+)/.exec(detail);
  if (m) return `${m[1]} 已登记过请假（全天或同一半天），不能重复登记`;
  if (/Leave is recorded within two months/.test(detail)) return '请假日期须在今天前后两个月之内';
  if (/An inspection is recorded on its day or within two months/.test(detail)) return '检查日期须为今天或两个月之内的日期';
  if (/Inspections are of township centers and village points/.test(detail)) return '只能检查乡镇便民服务中心和村级代办点';
  if (/is not at your window/.test(detail)) return '该工作人员不在您负责的窗口';
  return fallback;
}

/** What a refused request says on screen: the known explanation in Chinese, or the status's sentence. */
export const explain = (problem: Pick<ApiProblem, 'message' | 'shown'>): string => refusalText(problem.shown.detail, problem.message);
