import type { ReactNode } from 'react';
import type { SubjectResult } from '@contracts/votes';
import { useI18n } from '../../ui/i18n';
import { M } from './messages';

const ROW = 34;
const LEFT = 230;
const WIDTH = 760;
const PLOT = WIDTH - LEFT - 30;
const x = (score: number) => LEFT + ((Math.max(-100, Math.min(100, score)) + 100) / 200) * PLOT;
const vn = (n: number) => n.toFixed(1).replace('.', ',');

/**
 * Net score per person with its 95 % interval, the mean of the peers holding equivalent titles that year (diamond) and
 * the person's previous round (hollow circle), on one −100…+100 axis: who stands apart, and whether it is more than chance.
 */
export function NetScoreChart({ subjects }: { subjects: SubjectResult[] }) {
  const { label } = useI18n();
  const height = 30 + subjects.length * ROW + 24;
  const ticks = [-100, -50, 0, 50, 100];
  const swatch = (node: ReactNode, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 18 }}>
      <svg width={30} height={14} aria-hidden>
        {node}
      </svg>
      {text}
    </span>
  );
  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, fontFamily: 'inherit', fontSize: 14 }}
        role="img"
        aria-label={label(M.chartTitle)}
        data-testid="vote-chart"
      >
        <text x={0} y={16} fontWeight={600}>
          {label(M.chartTitle)}
        </text>
        {ticks.map((tk) => (
          <g key={tk}>
            <line x1={x(tk)} x2={x(tk)} y1={30} y2={30 + subjects.length * ROW} stroke={tk === 0 ? '#8c8c8c' : '#f0f0f0'} />
            <text x={x(tk)} y={44 + subjects.length * ROW} textAnchor="middle" fill="#595959">
              {tk > 0 ? `+${tk}` : tk}
            </text>
          </g>
        ))}
        {subjects.map((s, i) => {
          const y = 30 + i * ROW + ROW / 2;
          const peers = s.comparison.peers;
          const previous = s.comparison.previous;
          const color = s.netScore < 0 ? '#cf1322' : '#237804';
          return (
            <g key={s.subjectId}>
              <text x={LEFT - 10} y={y + 4} textAnchor="end">
                {s.fullName.length > 28 ? `${s.fullName.slice(0, 27)}…` : s.fullName}
              </text>
              <line
                x1={x(s.netInterval.low)}
                x2={x(s.netInterval.high)}
                y1={y}
                y2={y}
                stroke={color}
                strokeWidth={3}
                opacity={0.35}
              />
              {previous ? (
                <circle cx={x(previous.netScore)} cy={y} r={6} fill="white" stroke="#595959" strokeWidth={2}>
                  <title>{`${label(M.previous)} ${previous.voteDate.split('-').reverse().join('/')}: ${vn(previous.netScore)}`}</title>
                </circle>
              ) : null}
              {peers ? (
                <rect
                  x={x(peers.meanNet) - 5}
                  y={y - 5}
                  width={10}
                  height={10}
                  fill="#faad14"
                  transform={`rotate(45 ${x(peers.meanNet)} ${y})`}
                >
                  <title>{`${label(M.peers)} (${peers.count} ${label(M.peopleCount)}): ${vn(peers.meanNet)}`}</title>
                </rect>
              ) : null}
              <circle cx={x(s.netScore)} cy={y} r={6} fill={color}>
                <title>{`${s.fullName}: ${vn(s.netScore)} [${vn(s.netInterval.low)}; ${vn(s.netInterval.high)}]`}</title>
              </circle>
              <text x={x(s.netScore)} y={y - 9} textAnchor="middle" fill={color} fontSize={11}>
                {vn(s.netScore)}
              </text>
            </g>
          );
        })}
      </svg>
      <div style={{ fontSize: 13, color: '#595959', marginLeft: 8 }}>
        {swatch(<circle cx={15} cy={7} r={5} fill="#237804" />, label(M.chartLegendNet))}
        {swatch(
          <line x1={2} x2={28} y1={7} y2={7} stroke="#237804" strokeWidth={3} opacity={0.35} />,
          label(M.chartLegendInterval),
        )}
        {swatch(
          <rect x={10} y={2} width={9} height={9} fill="#faad14" transform="rotate(45 14.5 6.5)" />,
          label(M.chartLegendPeers),
        )}
        {swatch(<circle cx={15} cy={7} r={5} fill="white" stroke="#595959" strokeWidth={2} />, label(M.chartLegendPrevious))}
      </div>
    </div>
  );
}
