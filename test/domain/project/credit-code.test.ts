import { describe, expect, it } from 'vitest';
import { creditCodeProblem, isCreditCode } from '../../../domain/project/credit-code.ts';

describe('the unified social credit code (统一社会信用代码, GB 32100-2015)', () => {
  it('accepts published codes of real enterprises', () => {
    const published = {
      '华为技术有限公司': '914403001922038216',
      '深圳市腾讯计算机系统有限公司': '9144030071526726XG',
      '阿里巴巴（中国）有限公司': '91330100716105852F',
      '北京百度网讯科技有限公司': '91110000802100433B',
      '小米科技有限责任公司': '91110108551385082Q',
      '中国平安保险（集团）股份有限公司': '91440300100012316L',
    };
    for (const [name, code] of Object.entries(published)) expect([name, creditCodeProblem(code)]).toEqual([name, null]);
  });

  it('accepts codes computed by hand: other authorities, letters in the organisation code, the edge checks', () => {
    expect(isCreditCode('91339999MA2D8K3L1G')).toBe(true);
    expect(isCreditCode('92339999MA2H0Q4N0J')).toBe(true); // 个体工商户
    expect(isCreditCode('12339999470012348L')).toBe(true); // 事业单位 (机构编制)
    expect(isCreditCode('52339999MA0R7T1U0P')).toBe(true); // 民办非企业单位 (民政)
    expect(isCreditCode('91339999MA000004XG')).toBe(true); // organisation check 10 → X
    expect(isCreditCode('91339999MA0000090U')).toBe(true); // organisation check 11 → 0
    expect(isCreditCode('91339999MA00002690')).toBe(true); // check 31 → 0
  });

  it('says what is wrong: length, case, forbidden letters, the division code, either check', () => {
    expect(creditCodeProblem('91440300192203821')).toBe('a unified social credit code has 18 characters, not 17');
    expect(creditCodeProblem('9144030071526726XG1')).toMatch(/not 19/);
    expect(creditCodeProblem('')).toMatch(/not 0/);
    expect(creditCodeProblem('9144030071526726xg')).toBe('letters must be upper case');
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(creditCodeProblem(`91440300MA5${letter}FQ2Y8X`)).toBe(`character 12 (${letter}) is not allowed: only digits and upper-case letters other than I, O, Z, S and V`);
    }
    expect(creditCodeProblem('91440300-922038216')).toMatch(/^character 9 \(-\)/);
    expect(creditCodeProblem('9144A3001922038216')).toBe('characters 3–8 must be the six-digit administrative division code');
    expect(creditCodeProblem('914403001922038316')).toBe("the organisation code's check (character 17) should be X");
    expect(creditCodeProblem('914403001922038217')).toBe('the check character should be 6');
    expect(creditCodeProblem('9144030071526726XH')).toBe('the check character should be G');
    expect(isCreditCode('914403001922038217')).toBe(false);
  });
});
