import { describe, expect, it } from 'vitest';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { intermediaries, market, publish, quote, register, draft, setStandings, standing } from './fixtures.ts';

/** The marketplace's views: one document per project and per intermediary, each its stream's whole state. */
const inStream = (stream: string, events: readonly { type: string }[]): StreamEvent[] => events.map((event) => ({ stream, event }));

describe('the marketplace views', () => {
  it('keeps each project as its state, under the one market partition, quotes and all', () => {
    setStandings(standing('A'));
    const history = inStream('market#M1', market.run([draft(), publish(), quote('A', 150_000)]));
    const docs = givenEvents(history).then.docs('market');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ pk: 'market', sk: 'M1', doc: { projectNo: 'ZJ339999-2026-0001', status: 'published', quotes: [{ intermediaryId: 'A', amount: 150_000 }] } });
  });

  it('keeps each intermediary as its state, under the intermediaries partition', () => {
    const docs = givenEvents(inStream('intermediary#ZJ-1', intermediaries.run([register()]))).then.docs('intermediaries');
    expect(docs).toMatchObject([{ pk: 'intermediaries', sk: 'ZJ-1', doc: { name: '测试县华夏工程咨询有限公司', status: 'pending' } }]);
  });
});
