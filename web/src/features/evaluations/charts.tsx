import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '@contracts/evaluations';
import { useI18n } from '../../ui/i18n';

export const LEVEL_COLORS: Record<RatingLevel, string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  complete: '#d4b106',
  not_complete: '#cf1322',
};
const TEXT_ON: Record<RatingLevel, string> = { excellent: '#fff', good: '#fff', complete: '#000', not_complete: '#fff' };

/** One unit-year as a stacked bar drawn in SVG: each level's count written in its own segment, the total at the end. */
export function RatingBar({ counts, width = 260 }: { counts: Record<RatingLevel, number>; width?: number }) {
  const { label } = useI18n();
  const total = RATING_LEVELS.reduce((s, l) => s + counts[l], 0);
  const barWidth = width - 36;
  let x = 0;
  return (
    <svg
      width={width}
      height={22}
      role="img"
      aria-label={RATING_LEVELS.map((l) => `${RATING_LABELS[l].short} ${counts[l]}`).join(', ')}
    >
      <rect x={0} y={2} width={barWidth} height={18} fill="#f0f0f0" rx={3} />
      {total > 0
        ? RATING_LEVELS.map((l) => {
            if (!counts[l]) return null;
            const w = (barWidth * counts[l]) / total;
            const seg = (
              <g key={l}>
                <rect x={x} y={2} width={w} height={18} fill={LEVEL_COLORS[l]}>
                  <title>{`${label(RATING_LABELS[l])}: ${counts[l]}`}</title>
                </rect>
                {w >= 16 ? (
                  <text x={x + w / 2} y={15} fontSize={11} textAnchor="middle" fill={TEXT_ON[l]}>
                    {counts[l]}
                  </text>
                ) : null}
              </g>
            );
            x += w;
            return seg;
          })
        : null}
      <text x={barWidth + 4} y={15} fontSize={11} fill="#595959">
        {total}
      </text>
    </svg>
  );
}

export interface TrendPoint {
  year: number;
  counts: Record<RatingLevel, number>;
  total: number;
  topPercent: number | null;
}

/**
 * The scope's ratings year by year: one 100 % column per year split by level, with the share rated excellent or good
 * written above it, so a drift towards "everyone is top" shows at a glance.
 */
export function TrendChart({ points, title }: { points: TrendPoint[]; title: string }) {
  const { label } = useI18n();
  const colW = 56;
  const gap = 36;
  const top = 40;
  const h = 180;
  const left = 44;
  const width = left + points.length * (colW + gap) + 240;
  const height = top + h + 40;
  return (
    <svg width={width} height={height} role="img" aria-label={title} data-testid="rating-trend">
      <text x={0} y={16} fontSize={13} fontWeight={600}>
        {title}
      </text>
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line
            x1={left - 4}
            x2={left + points.length * (colW + gap)}
            y1={top + h - (h * p) / 100}
            y2={top + h - (h * p) / 100}
            stroke="#e8e8e8"
          />
          <text x={left - 8} y={top + h - (h * p) / 100 + 4} fontSize={10} textAnchor="end" fill="#8c8c8c">
            {p}%
          </text>
        </g>
      ))}
      {points.map((pt, i) => {
        const x = left + i * (colW + gap) + gap / 2;
        let y = top + h;
        return (
          <g key={pt.year}>
            {pt.total === 0 ? (
              <rect x={x} y={top} width={colW} height={h} fill="none" stroke="#d9d9d9" strokeDasharray="4 3" />
            ) : (
              RATING_LEVELS.map((l) => {
                const seg = (h * pt.counts[l]) / pt.total;
                y -= seg;
                return seg > 0 ? (
                  <rect key={l} x={x} y={y} width={colW} height={seg} fill={LEVEL_COLORS[l]}>
                    <title>{`${pt.year} — ${label(RATING_LABELS[l])}: ${pt.counts[l]} / ${pt.total}`}</title>
                  </rect>
                ) : null;
              })
            )}
            <text x={x + colW / 2} y={top - 6} fontSize={11} textAnchor="middle" fontWeight={600}>
              {pt.topPercent === null ? '—' : `${String(pt.topPercent).replace('.', ',')}%`}
            </text>
            <text x={x + colW / 2} y={top + h + 16} fontSize={11} textAnchor="middle">
              {pt.year}
            </text>
            <text x={x + colW / 2} y={top + h + 30} fontSize={10} textAnchor="middle" fill="#8c8c8c">
              {pt.total} {label({ vi: 'người', en: 'rated' })}
            </text>
          </g>
        );
      })}
      {RATING_LEVELS.map((l, i) => (
        <g key={l} transform={`translate(${left + points.length * (colW + gap) + 16}, ${top + i * 20})`}>
          <rect width={12} height={12} fill={LEVEL_COLORS[l]} />
          <text x={18} y={10} fontSize={11}>
            {label(RATING_LABELS[l])}
          </text>
        </g>
      ))}
    </svg>
  );
}
