import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ACTION_LABELS, PROCESS_STATUS_LABELS, type Inspection, type ProcessSummary, type Trail } from '@contracts/decisions';
import { AUDIT_ACTION_LABELS } from '@contracts/audit';
import { VOTE_MODE_LABELS, type VoteMode } from '@contracts/votes';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';
import { relationLabel } from './messages';
import { FLAG_LABELS, M } from './messages';

function useAuditLabel() {
  const { label } = useI18n();
  return (action: string) => {
    const l = AUDIT_ACTION_LABELS[action];
    return l ? label(l) : action;
  };
}

const VERDICT_COLOR = { passed: 'green', warning: 'orange', failed: 'red' } as const;

function ChainStatus({ chain }: { chain: Inspection['chain'] }) {
  const { label } = useI18n();
  return (
    <Alert
      type={chain.ok ? 'success' : 'error'}
      showIcon
      title={`${label(chain.ok ? M.chainOk : M.chainBroken)} (${chain.checked} ${label(M.entriesChecked)})`}
      description={chain.problem ? label({ vi: chain.problem.message, en: chain.problem.messageEn }) : undefined}
      data-testid="chain-status"
    />
  );
}

function Flags({ p }: { p: ProcessSummary }) {
  const { label } = useI18n();
  return (
    <Space wrap size={4}>
      {p.flags.map((f, i) => (
        <Tooltip key={i} title={label({ vi: f.message, en: f.messageEn })}>
          <Tag color="volcano">{label(FLAG_LABELS[f.code])}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** Read-only: every flagged process in scope, the exception counts per authority and year, the chain's verification. */
export function InspectionView() {
  const { t, label } = useI18n();
  const q = useApiQuery<Inspection>('/api/decisions/inspection');
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={q.reload} />;
  const v = q.data;
  return (
    <>
      <Link to="/decisions">
        <ArrowLeftOutlined /> {t('decisions.back')}
      </Link>
      <PageHeader title={label(M.inspectionTitle)} intro={label(M.inspectionIntro)} />
      {!v ? (
        <Card loading />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <ChainStatus chain={v.chain} />
          <Card title={label(M.exceptions)}>
            <Table
              rowKey={(r) => `${r.year}-${r.authority}`}
              size="small"
              pagination={false}
              dataSource={v.exceptions}
              locale={{ emptyText: label(M.none) }}
              data-testid="exceptions"
              columns={[
                { title: label(M.year), dataIndex: 'year', width: 80 },
                { title: label(M.authority), dataIndex: 'authority' },
                { title: label(M.overrides), dataIndex: 'overrides', width: 110 },
                { title: label(M.outsidePlan), dataIndex: 'outsidePlan', width: 130 },
                { title: label(M.total), dataIndex: 'total', width: 80 },
                {
                  title: label(M.assessment),
                  render: (_, r) =>
                    r.verdict ? (
                      <span>
                        <Tag color={VERDICT_COLOR[r.verdict.status]}>{t(`decisions.verdict.${r.verdict.status}`)}</Tag>
                        <Typography.Text type="secondary">{r.verdict.citation.text}</Typography.Text>
                      </span>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card title={`${label(M.flaggedProcesses)} (${v.flagged.length})`}>
            <Table<ProcessSummary>
              rowKey="id"
              size="small"
              dataSource={v.flagged}
              locale={{ emptyText: label(M.none) }}
              pagination={{ pageSize: 20 }}
              data-testid="flagged"
              columns={[
                { title: t('decisions.started'), width: 110, render: (_, p) => formatDate(p.startedOn) },
                {
                  title: t('decisions.person'),
                  render: (_, p) => (
                    <Link to={`/decisions?trail=${p.id}`} data-testid={`trail-${p.id}`}>
                      {p.personName}
                    </Link>
                  ),
                },
                { title: t('decisions.action'), width: 140, render: (_, p) => label(ACTION_LABELS[p.action]) },
                { title: t('decisions.seat'), render: (_, p) => `${p.positionName} — ${p.organizationName}` },
                { title: t('decisions.status'), width: 140, render: (_, p) => label(PROCESS_STATUS_LABELS[p.status]) },
                { title: t('decisions.flags'), render: (_, p) => <Flags p={p} /> },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}

/** One process's full trail: steps, votes and counts, checks, documents, recusals, audit entries; read-only. */
export function TrailView({ id }: { id: string }) {
  const { t, label } = useI18n();
  const auditLabel = useAuditLabel();
  const q = useApiQuery<Trail>(`/api/decisions/${id}/trail`);
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={q.reload} />;
  const v = q.data;
  if (!v) return <Card loading />;
  const p = v.process;
  const stepLabel = (key: string) => label(p.steps.find((s) => s.key === key)?.label ?? { vi: key, en: key });
  return (
    <>
      <Space size="large">
        <Link to="/decisions?inspection=1">
          <ArrowLeftOutlined /> {label(M.backToInspection)}
        </Link>
        <Link to={`/decisions?id=${p.id}`}>{t('decisions.title')}</Link>
      </Space>
      <PageHeader
        title={`${label(ACTION_LABELS[p.action])}: ${p.personName}`}
        intro={`${p.positionName} — ${p.organizationName} · ${label(PROCESS_STATUS_LABELS[p.status])} · ${p.citation}`}
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ChainStatus chain={v.chain} />
        {p.flags.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('decisions.flags')}
            description={
              <ul data-testid="trail-flags">
                {p.flags.map((f, i) => (
                  <li key={i}>{label({ vi: f.message, en: f.messageEn })}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Card title={t('decisions.steps')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={p.steps}
            columns={[
              { title: label(M.step), render: (_, s) => `${s.ordinal}. ${label(s.label)}` },
              { title: t('decisions.voterGroup'), render: (_, s) => label(s.voterGroup) },
              { title: t('decisions.doneOn'), render: (_, s) => formatDate(s.completedOn) },
              { title: t('decisions.minutes'), render: (_, s) => s.minutesRef ?? '—' },
              {
                title: t('decisions.status'),
                render: (_, s) => (s.outcome ? t(`decisions.outcome.${s.outcome as 'passed'}`) : s.status),
              },
            ]}
          />
        </Card>
        <Card title={label(M.votes)}>
          <Table
            rowKey="sessionId"
            size="small"
            pagination={false}
            dataSource={v.votes}
            locale={{ emptyText: label(M.none) }}
            data-testid="trail-votes"
            columns={[
              { title: label(M.step), render: (_, r) => stepLabel(r.stepKey) },
              {
                title: label(M.mode),
                render: (_, r) => (r.mode in VOTE_MODE_LABELS ? label(VOTE_MODE_LABELS[r.mode as VoteMode]) : r.mode),
              },
              { title: label(M.summoned), dataIndex: 'summoned' },
              { title: label(M.collected), render: (_, r) => r.collected ?? '—' },
              {
                title: label(M.inFavour),
                render: (_, r) => r.subjects.map((s) => `${s.fullName}: ${s.inFavour ?? '—'}`).join('; '),
              },
              { title: '', render: (_, r) => <Link to={`/votes?id=${r.sessionId}`}>{t('decisions.voteLink')}</Link> },
            ]}
          />
        </Card>
        <Card title={t('decisions.checks')}>
          <Space orientation="vertical" size={2}>
            {[...p.startVerdicts, ...p.eligibility].map((x, i) => (
              <div key={i}>
                <Tag color={VERDICT_COLOR[x.status]}>{t(`decisions.verdict.${x.status}`)}</Tag>
                {label(x.detail)} <Typography.Text type="secondary">({x.citation.text})</Typography.Text>
              </div>
            ))}
          </Space>
        </Card>
        <Card title={t('decisions.dossier')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={p.dossier}
            columns={[
              { title: t('decisions.document'), render: (_, d) => label(d.label) },
              { title: t('decisions.documentDate'), render: (_, d) => formatDate(d.documentDate) },
              { title: t('decisions.reference'), render: (_, d) => d.reference ?? '—' },
              { title: t('decisions.status'), render: (_, d) => t(`decisions.dossier.${d.state}`) },
            ]}
          />
        </Card>
        <Card title={t('decisions.recusals')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.recusals}
            locale={{ emptyText: label(M.none) }}
            data-testid="trail-recusals"
            columns={[
              { title: t('decisions.participant'), dataIndex: 'fullName' },
              { title: t('decisions.stepCol'), render: (_, r) => (r.stepKey ? stepLabel(r.stepKey) : '—') },
              {
                title: t('decisions.relation'),
                render: (_, r) => (r.relation ? relationLabel(r.relation, label) : (r.reason ?? '—')),
              },
            ]}
          />
        </Card>
        <Card title={label(M.auditEntries)}>
          <Table
            rowKey="seq"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={v.audit}
            data-testid="trail-audit"
            columns={[
              { title: '#', dataIndex: 'seq', width: 70 },
              { title: label(M.when), width: 170, render: (_, a) => `${formatDate(a.at.slice(0, 10))} ${a.at.slice(11, 19)}` },
              { title: label(M.who), render: (_, a) => a.actorName ?? '—' },
              {
                title: label(M.what),
                render: (_, a) => auditLabel(a.action),
              },
              {
                title: label(M.hash),
                render: (_, a) => <Typography.Text code>{a.hash.slice(0, 16)}…</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
