import { countySchema } from '../../../domain/county.ts';
import { intermediaryAggregate } from '../../../domain/market/intermediary.ts';
import { marketAggregate } from '../../../domain/market/project.ts';
import type { Grade, IntermediaryCommand, MarketCommand, MarketContext, Standing } from '../../../domain/market/types.ts';
import type { ActorRole, CommandMeta } from '../../../domain/meta.ts';
import { withCreditChecks } from '../../../domain/project/credit-code.ts';
import { at, meta, testCalendar } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

/** Builders for the marketplace's tests: Beijing wall-clock times, the default market settings, standings set by hand. */
export const TZ = 'Asia/Shanghai';
export const calendar = testCalendar();
export const settings = countySchema().shape.market.parse(undefined);

const standings = new Map<string, Standing>();
/** An intermediary as deciding sees it: approved, grade A cost consultant, trust 80, unless told otherwise. */
export function standing(id: string, overrides: Partial<Standing> & { grade?: Grade } = {}): Standing {
  const { grade = 'A', ...rest } = overrides;
  return { intermediaryId: id, name: `${id} 咨询有限公司`, status: 'approved', barred: null, barredCode: null, qualifications: [{ type: 'COST', grade, certificateNo: `C-${id}`, expires: '2029-12-31' }], trust: 80, ...rest };
}
export const setStandings = (...list: Standing[]) => {
  standings.clear();
  for (const s of list) standings.set(s.intermediaryId, s);
};

export const marketContext: MarketContext = {
  timeZone: TZ,
  closes: '17:00',
  isWorkingDay: (d) => calendar.isWorkingDay(d),
  addWorkingDays: (d, n) => calendar.addWorkingDays(d, n),
  workingDaysBetween: (a, b) => calendar.workingDaysBetween(a, b),
  serviceType: (code) => settings.serviceTypes.some((t) => t.code === code),
  minQuotes: 3,
  minQuoteWorkingDays: 3,
  publicityWorkingDays: 5,
  directAwardBelowYuan: 50_000,
  standing: (id) => standings.get(id),
};
export const market = specFor(marketAggregate, marketContext);
export const intermediaries = specFor(intermediaryAggregate, { timeZone: TZ, serviceType: marketContext.serviceType });

const as = (role: ActorRole, id: string) => (now: string): CommandMeta => meta(now, { actor: { id, role: role as never }, windowId: null, siteId: null });
export const asOwner = as('owner', 'owner-jtj');
export const asAdmin = as('admin', 'admin-1');
export const asFirm = (id: string) => as('intermediary', id.toLowerCase());

type Data<T extends MarketCommand['type']> = Extract<MarketCommand, { type: T }>['data'];

export const draft = (data: Partial<Data<'DraftMarketProject'>> = {}, now = at('2026-11-02', '09:00')): MarketCommand => ({
  type: 'DraftMarketProject',
  data: {
    projectId: 'M1',
    projectNo: 'ZJ339999-2026-0001',
    title: '县道改建工程造价咨询',
    description: '',
    ownerId: 'O-JTJ',
    ownerName: '县交通运输局',
    serviceType: 'COST',
    budget: 200_000,
    stateFunded: true,
    method: 'lowest-price',
    qualification: { type: 'COST', minLevel: 'B' },
    quoteDeadline: '2026-11-09',
    servicePeriodDays: 30,
    directIntermediaryId: null,
    ...data,
  },
  meta: asOwner(now),
});
export const COMMITMENT = 'c'.repeat(64);
export const publish = (now = at('2026-11-02', '10:00'), quoteDeadline: string | null = null): MarketCommand => ({ type: 'PublishMarketProject', data: { drawCommitment: COMMITMENT, quoteDeadline }, meta: asOwner(now) });
export const quote = (intermediaryId: string, amount: number, now = at('2026-11-04', '10:00'), servicePeriodDays = 25): MarketCommand => ({ type: 'SubmitQuote', data: { intermediaryId, amount, servicePeriodDays }, meta: asFirm(intermediaryId)(now) });
export const select = (now = at('2026-11-10', '09:00'), data: Partial<Data<'SelectIntermediary'>> = {}): MarketCommand => ({ type: 'SelectIntermediary', data: { draw: null, scores: null, ...data }, meta: asOwner(now) });
export const endPublicity = (now: string): MarketCommand => ({ type: 'EndPublicity', data: {}, meta: meta(now, { actor: { id: 'timer:market-deadlines', role: 'system' }, windowId: null, siteId: null }) });
export const closeQuoting = (now: string): MarketCommand => ({ type: 'CloseQuoting', data: {}, meta: meta(now, { actor: { id: 'timer:market-deadlines', role: 'system' }, windowId: null, siteId: null }) });

export const CREDIT = withCreditChecks('9133999900000001');
export const register = (data: Partial<Extract<IntermediaryCommand, { type: 'RegisterIntermediary' }>['data']> = {}, now = at('2026-10-26', '09:00')): IntermediaryCommand => ({
  type: 'RegisterIntermediary',
  data: {
    intermediaryId: 'ZJ-1',
    name: '测试县华夏工程咨询有限公司',
    creditCode: CREDIT,
    serviceTypes: ['COST'],
    qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'ZJ-COST-0001', expires: '2028-06-30' }],
    contact: { name: '王工', phone: '13857600001' },
    ...data,
  },
  meta: as('intermediary', 'zj-1')(now),
});
