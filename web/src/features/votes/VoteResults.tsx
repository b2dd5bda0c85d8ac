import { Alert, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  BALLOT_OPTIONS,
  BALLOT_OPTION_LABELS,
  type BallotOption,
  type PaperCount,
  type SubjectResult,
  type VoteResult,
} from '@contracts/votes';
import { type MessageKey, useI18n } from '../../ui/i18n';
import { vnDate, vnNum, vnPct } from './format';
import { M } from './messages';
import { NetScoreChart } from './NetScoreChart';

// Short labels of the policy's consequence rules; the full text and citation are in the tooltip.
const CONSEQUENCE_TAGS: Record<string, MessageKey> = {
  'vote.low-out-of-planning': 'votes.outOfPlanning',
  'vote.low-dismissal': 'votes.dismissal',
  'state.resignation-low-votes': 'votes.resignation',
  'state.dismissal-low-votes': 'votes.dismissal',
};
const COLORS: Record<BallotOption | 'invalid', string> = {
  high: '#237804',
  medium: '#69b1ff',
  low: '#cf1322',
  agree: '#237804',
  disagree: '#cf1322',
  chosen: '#237804',
  invalid: '#bfbfbf',
};

/** A stacked bar of the four shares over ballots collected. */
function Bar({ r, keys }: { r: SubjectResult; keys: readonly (BallotOption | 'invalid')[] }) {
  return (
    <div style={{ display: 'flex', height: 14, width: 220, borderRadius: 3, overflow: 'hidden', background: '#f0f0f0' }}>
      {keys.map((k) => (
        <div key={k} style={{ width: `${r.overCollected[k] ?? 0}%`, background: COLORS[k] }} />
      ))}
    </div>
  );
}

export function VoteResults({ result, count, summoned }: { result: VoteResult; count: PaperCount; summoned: number }) {
  const { t, lang, label } = useI18n();
  const keys = [...BALLOT_OPTIONS[result.ballot.shape], 'invalid'] as const;
  const text = (f: { message: string; messageEn: string }) => (lang === 'vi' ? f.message : f.messageEn);
  const share = (r: SubjectResult, k: BallotOption | 'invalid') => (
    <Tooltip title={t('votes.overSummoned', { pct: vnPct(r.overSummoned[k] ?? 0) })}>
      {r.counts[k] ?? 0} <Typography.Text type="secondary">({vnPct(r.overCollected[k] ?? 0)})</Typography.Text>
    </Tooltip>
  );
  return (
    <Card title={t('votes.results')} size="small" data-testid="vote-results">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type={result.quorum.passed ? 'success' : 'error'}
          showIcon
          title={result.quorum.passed ? t('votes.quorumOk') : t('votes.quorumFail')}
          description={`${lang === 'vi' ? result.quorum.detail : result.quorum.detailEn} — ${result.quorum.citation}`}
        />
        <Typography.Text>
          {t('votes.ballotLine', {
            summoned,
            issued: count.issued,
            collected: count.collected,
            valid: count.valid,
            invalid: count.invalid,
          })}
        </Typography.Text>
        {result.flags.map((f) => (
          <Alert key={f.code} type="warning" showIcon title={text(f)} data-testid="vote-flag" />
        ))}
        <Table<SubjectResult>
          rowKey="subjectId"
          size="small"
          pagination={false}
          dataSource={result.subjects}
          columns={[
            {
              title: t('votes.fullName'),
              render: (_, r) => (
                <>
                  <div>{r.fullName}</div>
                  <Typography.Text type="secondary">{r.titleText}</Typography.Text>
                </>
              ),
            },
            ...keys.map((k) => ({
              key: k,
              title: k === 'invalid' ? t('votes.invalid') : label(BALLOT_OPTION_LABELS[k]),
              render: (_: unknown, r: SubjectResult) => share(r, k),
            })),
            { title: t('votes.distribution'), render: (_, r) => <Bar r={r} keys={keys} /> },
            {
              title: t('votes.net'),
              render: (_, r) => (
                <Tooltip title={t('votes.netHelp')}>
                  <strong>{r.netScore.toFixed(1).replace('.', ',')}</strong>{' '}
                  <Typography.Text type="secondary">
                    [{r.netInterval.low.toFixed(0)}; {r.netInterval.high.toFixed(0)}]
                  </Typography.Text>
                </Tooltip>
              ),
            },
            {
              title: label(M.comparison),
              render: (_, r) => {
                const { previous, peers, notes } = r.comparison;
                if (!previous && !peers) return <Typography.Text type="secondary">{label(M.noComparison)}</Typography.Text>;
                return (
                  <div style={{ fontSize: 12 }} data-testid="vote-comparison">
                    {previous ? (
                      <div>
                        {label(M.previous)} ({vnDate(previous.voteDate)}): {label(M.netAbbrev)} {vnNum(previous.netScore)},{' '}
                        {label(M.lowAbbrev)} {vnPct(previous.pctLow)}
                      </div>
                    ) : null}
                    {peers ? (
                      <div title={peers.basis.titles.join('; ')}>
                        {peers.basis.kind === 'equivalent'
                          ? `${label(M.peersEquivalent)} (${label(M.groupRank)
                              .replace('{g}', peers.basis.group ?? '')
                              .replace('{r}', String(peers.basis.rank ?? ''))}, ${peers.count} ${label(M.peopleCount)})`
                          : `${label(M.peers)} (${peers.count} ${label(M.peopleCount)})`}
                        : {label(M.netAbbrev)} {vnNum(peers.meanNet)}, {label(M.lowAbbrev)} {vnPct(peers.meanPctLow)}
                      </div>
                    ) : null}
                    {notes.map((n) => (
                      <Tag
                        key={n.code}
                        color={n.code.startsWith('dropped') || n.code.startsWith('below') ? 'volcano' : 'blue'}
                        style={{ marginTop: 4, whiteSpace: 'normal' }}
                      >
                        {lang === 'vi' ? n.message : n.messageEn}
                      </Tag>
                    ))}
                  </div>
                );
              },
            },
            {
              title: t('votes.consequences'),
              render: (_, r) => {
                const hit = r.consequences.filter((c) => !c.passed);
                return hit.length ? (
                  hit.map((c) => (
                    <Tooltip key={c.ruleId} title={`${lang === 'vi' ? c.detail : c.detailEn} (${c.citation})`}>
                      <Tag color="red" data-testid="vote-consequence">
                        {t(CONSEQUENCE_TAGS[c.ruleId] ?? 'votes.consequences')}
                      </Tag>
                    </Tooltip>
                  ))
                ) : (
                  <Typography.Text type="secondary">{t('votes.noConsequence')}</Typography.Text>
                );
              },
            },
          ]}
        />
        {result.ballot.shape === 'levels' && result.subjects.length ? <NetScoreChart subjects={result.subjects} /> : null}
        {result.reconciliation.map((f) => (
          <Alert key={f.code} type="error" showIcon title={text(f)} />
        ))}
        <Typography.Text type="secondary">{t('votes.legend', { policy: result.policyVersion })}</Typography.Text>
      </Space>
    </Card>
  );
}
