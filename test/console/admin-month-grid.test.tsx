// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { toggle, type YearRules } from '../../console/src/pages/admin/calendar-model.ts';
import { MonthGrid } from '../../console/src/pages/admin/MonthGrid.tsx';

const saved: YearRules = { holidays: ['2027-01-01'], workdays: [] };
const county = { countyHolidays: [], countyWorkdays: ['2027-01-02'] };

/** The grid as the year editor drives it: a draft of the saved rules, toggled by the grid. */
function January() {
  const [draft, setDraft] = useState(saved);
  const [focused, setFocused] = useState('2027-01-01');
  return <MonthGrid year={2027} month={1} saved={saved} draft={draft} county={county} focused={focused} today="2026-12-15" onFocusDay={setFocused} onToggle={(d) => setDraft((r) => toggle(r, d, county))} />;
}

afterEach(cleanup);

describe('a month of the calendar', () => {
  it('is a labelled grid of its days, each saying what it is, one of them the tab stop', () => {
    render(<January />);
    const grid = screen.getByRole('grid', { name: '1月' });
    const cells = within(grid).getAllByRole('gridcell');
    expect(cells).toHaveLength(31);
    expect(screen.getByRole('gridcell', { name: '2027年1月1日 星期五，节假日' })).toHaveProperty('tabIndex', 0);
    expect(screen.getByRole('gridcell', { name: '2027年1月4日 星期一，工作日' })).toHaveProperty('tabIndex', -1);
    expect(screen.getByRole('gridcell', { name: /2027年1月3日 星期日，周末休息/ })).toBeTruthy();
    expect(screen.getByRole('gridcell', { name: /2027年1月2日 星期六，调休上班（本县固定/ }).getAttribute('aria-readonly')).toBe('true');
  });

  it('toggles a day on click, showing the new state and what it was until saved', () => {
    render(<January />);
    fireEvent.click(screen.getByRole('gridcell', { name: /2027年1月4日/ }));
    const monday = screen.getByRole('gridcell', { name: /2027年1月4日/ });
    expect(monday.getAttribute('aria-label')).toBe('2027年1月4日 星期一，节假日（原为工作日，未保存）');
    expect(monday.className).toContain('cal-changed');
    expect(monday.textContent).toContain('休');
    fireEvent.click(screen.getByRole('gridcell', { name: /2027年1月9日/ }));
    expect(screen.getByRole('gridcell', { name: /2027年1月9日/ }).getAttribute('data-kind')).toBe('worked');
    // Clicking again restores it: nothing left to save there.
    fireEvent.click(monday);
    expect(screen.getByRole('gridcell', { name: /2027年1月4日/ }).className).not.toContain('cal-changed');
    // The county's own days do not change here.
    fireEvent.click(screen.getByRole('gridcell', { name: /2027年1月2日/ }));
    expect(screen.getByRole('gridcell', { name: /2027年1月2日/ }).getAttribute('data-kind')).toBe('worked');
  });
});
