/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of a 31-character
 * alphabet (digits and upper-case letters but I, O, Z, S, V). Character 1 is the registration
 * authority (登记管理部门), 2 the kind of organisation, 3–8 the administrative division (行政区划码),
 * 9–17 the organisation code (组织机构代码, GB 11714, with its own check as character 17), and 18 the
 * check character over the first seventeen.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31 for i = 0…16. */
const codeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 values: digits as themselves, letters A = 10 … Z = 35. */
const orgValue = (c: string) => (c <= '9' ? Number(c) : c.charCodeAt(0) - 55);

/** The check character (校验码) of the first seventeen characters. */
function checkCharacter(code: string): string {
  const sum = codeWeights.reduce((acc, weight, i) => acc + weight * alphabet.indexOf(code[i]!), 0);
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check of the organisation code's eight characters (9–16). */
function organisationCheck(code: string): string {
  const check = 11 - (orgWeights.reduce((acc, weight, i) => acc + weight * orgValue(code[8 + i]!), 0) % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** What is wrong with a unified social credit code (统一社会信用代码), in a sentence; null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `a unified social credit code has 18 characters, not ${code.length}`;
  if (code !== code.toUpperCase()) return 'letters must be upper case';
  const bad = [...code].findIndex((c) => !alphabet.includes(c));
  if (bad >= 0) return `character ${bad + 1} (${code[bad]}) is not allowed: only digits and upper-case letters other than I, O, Z, S and V`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3–8 must be the six-digit administrative division code';
  const orgCheck = organisationCheck(code);
  if (code[16] !== orgCheck) return `the organisation code's check (character 17) should be ${orgCheck}`;
  const check = checkCharacter(code);
  if (code[17] !== check) return `the check character should be ${check}`;
  return null;
}

/** Whether the string is a valid unified social credit code (统一社会信用代码). */
export const isCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

/** A code completed with both its checks from its first sixteen characters (the simulator's and the tests' enterprises). */
export function withCreditChecks(first16: string): string {
  if (first16.length !== 16) throw new RangeError('give the first sixteen characters');
  const seventeen = first16 + organisationCheck(first16);
  return seventeen + checkCharacter(seventeen);
}
