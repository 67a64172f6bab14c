import { describe, expect, it } from 'vitest';
import { streamOf } from '../../../domain/decider.ts';
import { windowDayAggregate, windowDayEventTypes, windowDayId, type SetWindowCategories } from '../../../domain/window-day/aggregate.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

const windowDays = specFor(windowDayAggregate, undefined);
const DAY = '2026-11-02';
const director = { actor: { id: 'dir-W01', role: 'director' as const }, windowId: 'W01' };
const set = (categories: string[], time = '08:15'): SetWindowCategories => ({ type: 'SetWindowCategories', data: { windowId: 'W01', date: DAY, categories }, meta: meta(at(DAY, time), director) });

describe('setting a window’s categories for the day (调整窗口当日业务)', () => {
  it('serves the county file’s categories until changed', () => {
    expect(windowDays.given([]).state).toEqual({ categories: undefined });
  });

  it('records the categories the window serves today, each once, in the order given', () => {
    windowDays
      .given([])
      .when(set(['B', 'A', 'B', 'C']))
      .then((events, state) => {
        expect(events).toEqual([
          {
            type: 'WindowCategoriesSet',
            data: { windowId: 'W01', date: DAY, categories: ['B', 'A', 'C'] },
            meta: { ...director, siteId: 'S-CENTER', at: at(DAY, '08:15'), commandId: `cmd-${at(DAY, '08:15')}`, correlationId: 'corr-1' },
          },
        ]);
        expect(state).toEqual({ categories: ['B', 'A', 'C'] });
      });
  });

  it('lets the latest change win, taking categories on or giving them up', () => {
    windowDays
      .given([set(['A']), set(['A', 'B'], '10:00')])
      .when(set(['B'], '14:00'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'WindowCategoriesSet', data: { categories: ['B'] } }]);
        expect(state).toEqual({ categories: ['B'] });
      });
  });

  it('can leave the window serving no category today, which is not the county file’s default', () => {
    windowDays
      .given([set(['A'])])
      .when(set([], '12:00'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'WindowCategoriesSet', data: { categories: [] } }]);
        expect(state).toEqual({ categories: [] });
        expect(state.categories).toBeDefined();
      });
  });

  it('records the same categories sent again as another change, leaving the day as it was', () => {
    windowDays
      .given([set(['A', 'B'])])
      .when(set(['A', 'B']))
      .then((events, state) => {
        expect(events).toHaveLength(1);
        expect(state).toEqual({ categories: ['A', 'B'] });
      });
  });
});

describe('a window day’s stream', () => {
  it('is one stream per date and window', () => {
    expect(streamOf(windowDayAggregate, windowDayId(DAY, 'W01'))).toBe('window-day#2026-11-02#W01');
    expect(windowDayEventTypes).toEqual(['WindowCategoriesSet']);
  });
});
