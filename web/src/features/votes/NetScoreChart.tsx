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
 * Net score per person with its 95 % interval, the mean of the peers holding the same title that year (diamond) and
 * the person's previous round (hollow circle), on one −100…+100 axis: who stands apart, and whether it is more than chance.
 */
export function NetScoreChart({ subjects }: { subjects: SubjectResult[] }) {
  const { label } = useI18n();
  const height = 46 + subjects.length * ROW + 40;
  const ticks = [-100, -50, 0, 50, 100];
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, fontFamily: 'inherit', fontSize: 13 }}
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
      <g transform={`translate(${LEFT}, ${height - 14})`} fill="#595959" fontSize={12}>
        <circle cx={0} cy={-4} r={5} fill="#237804" />
        <text x={10} y={0}>
          {label(M.chartLegendNet)}
        </text>
        <line x1={120} x2={150} y1={-4} y2={-4} stroke="#237804" strokeWidth={3} opacity={0.35} />
        <text x={156} y={0}>
          {label(M.chartLegendInterval)}
        </text>
        <rect x={275} y={-9} width={9} height={9} fill="#faad14" transform="rotate(45 279 -4)" />
        <text x={292} y={0}>
          {label(M.chartLegendPeers)}
        </text>
      </g>
      <g transform={`translate(${LEFT}, ${height - 30})`} fill="#595959" fontSize={12}>
        <circle cx={0} cy={-4} r={5} fill="white" stroke="#595959" strokeWidth={2} />
        <text x={10} y={0}>
          {label(M.chartLegendPrevious)}
        </text>
      </g>
    </svg>
  );
}
