import { theme, Tooltip } from 'antd';
import { cardChange, shownPrevious, shownValue, type CardFigure } from './cards.ts';

const colours = { good: '#389e0d', bad: '#cf1322', none: '#8c8c8c' } as const;

/** The period's figures as cards, each with the previous period's figure and the change. */
export function CardGrid({ cards, previousName, previousRange }: { cards: CardFigure[]; previousName: string; previousRange: string }) {
  const { token } = theme.useToken();
  return (
    <ul aria-label="主要指标" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))' }}>
      {cards.map((c) => {
        const moved = cardChange(c);
        const colour = moved.good === undefined ? colours.none : moved.good ? colours.good : colours.bad;
        return (
          <li key={c.key} data-testid={`card-${c.key}`} style={{ background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: '12px 16px', display: 'flex', flexDirection: 'column', gap: 4 }}>
            <div style={{ color: token.colorTextSecondary, fontSize: 13 }}>{c.title}</div>
            <div style={{ display: 'flex', alignItems: 'baseline', gap: 4 }}>
              <span data-testid="value" style={{ fontSize: 26, fontWeight: 600, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
                {shownValue(c)}
              </span>
              {c.unit && c.kind !== 'rate' ? <span style={{ color: token.colorTextSecondary, fontSize: 12 }}>{c.unit}</span> : null}
            </div>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 12, color: token.colorTextSecondary, fontVariantNumeric: 'tabular-nums' }}>
              <Tooltip title={previousRange}>
                <span data-testid="previous">
                  {previousName} {shownPrevious(c)}
                </span>
              </Tooltip>
              <span data-testid="change" style={{ color: colour, whiteSpace: 'nowrap' }}>
                {moved.text}
              </span>
            </div>
            {c.note ? (
              <div data-testid="note" style={{ fontSize: 12, color: token.colorTextSecondary, borderTop: `1px dashed ${token.colorBorderSecondary}`, paddingTop: 4 }}>
                {c.note}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
