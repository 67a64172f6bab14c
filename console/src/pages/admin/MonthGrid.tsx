import { chineseDate } from '../../lib/dates.ts';
import { dayKind, dayKinds, fixedByCounty, monthWeeks, type CountyOverrides, type YearRules } from './calendar-model.ts';

const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];

export interface MonthGridProps {
  year: number;
  month: number;
  saved: YearRules;
  draft: YearRules;
  county: CountyOverrides;
  /** The one day of the year that takes the Tab focus (a roving tab stop). */
  focused: string;
  today: string;
  onFocusDay: (date: string) => void;
  onToggle: (date: string) => void;
}

/**
 * One month of the year's calendar: each day a cell in its week row, coloured by what it is in the
 * draft; a day the draft changes is outlined and says what it was. Arrow keys and Enter are handled by
 * the year (CalendarEditor), which moves the focus across months.
 */
export function MonthGrid({ year, month, saved, draft, county, focused, today, onFocusDay, onToggle }: MonthGridProps) {
  const id = `cal-${year}-${month}`;
  return (
    <section className="cal-month" aria-labelledby={id}>
      <h4 id={id}>{month}月</h4>
      <table className="cal-grid" role="grid" aria-labelledby={id}>
        <thead>
          <tr>
            {weekdayNames.map((w) => (
              <th key={w} scope="col" abbr={`星期${w}`}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} role="presentation" />;
                const now = dayKind(date, draft, county);
                const was = dayKind(date, saved, county);
                const fixed = fixedByCounty(date, county);
                const changed = now !== was;
                const label = `${chineseDate(date)} 星期${weekdayNames[j]!}，${dayKinds[now].label}${changed ? `（原为${dayKinds[was].label}，未保存）` : ''}${fixed ? '（本县固定，不能在此修改）' : ''}`;
                return (
                  <td
                    key={date}
                    role="gridcell"
                    data-date={date}
                    data-kind={now}
                    aria-label={label}
                    aria-readonly={fixed ? true : undefined}
                    title={changed ? `原为${dayKinds[was].label}，改为${dayKinds[now].label}（未保存）` : fixed ? '本县固定的安排（县配置文件），不能在此修改' : `${dayKinds[now].label}：点击或按回车切换`}
                    tabIndex={date === focused ? 0 : -1}
                    className={`cal-day cal-${now}${changed ? ' cal-changed' : ''}${fixed ? ' cal-fixed' : ''}${date === today ? ' cal-today' : ''}`}
                    onFocus={() => onFocusDay(date)}
                    onClick={() => onToggle(date)}
                  >
                    {Number(date.slice(8))}
                    <span className="cal-mark" aria-hidden>
                      {dayKinds[now].short || '\u00a0'}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
