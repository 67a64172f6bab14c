import { describe, expect, it } from 'vitest';
import { emptyTally, itemSize, tallyRequest, writeUnits } from '../../functions/store/capacity.ts';

describe('capacity arithmetic', () => {
  it('sizes items as DynamoDB does: names plus values', () => {
    expect(itemSize({ a: 'xyz' })).toBe(4);
    expect(itemSize({ 名: '张三' })).toBe(3 + 6);
    expect(itemSize({ n: 12345 })).toBe(1 + 4);
    expect(itemSize({ m: { b: true } })).toBe(1 + 3 + 1 + 1 + 1);
  });

  it('doubles write units inside a transaction and rounds each item up to whole KB', () => {
    const tally = emptyTally();
    const big = { stream: 'case#1', version: 1, data: 'x'.repeat(1500) };
    tallyRequest(tally, 'TransactWriteCommand', { TransactItems: [{ Put: { Item: big } }, { Put: { Item: { stream: 'idem#k', version: 0 } } }] });
    expect(tally.writeUnits).toBe(2 * writeUnits(itemSize(big)) + 2);
    expect(writeUnits(itemSize(big))).toBe(2);
    tallyRequest(tally, 'PutCommand', { Item: { stream: 's', version: 2 } });
    expect(tally.writeUnits).toBe(7);
  });
});
