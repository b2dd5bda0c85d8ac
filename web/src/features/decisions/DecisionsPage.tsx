import { useState } from 'react';
import { Card, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ACTION_LABELS, PROCESS_STATUS_LABELS, type ProcessSummary } from '@contracts/decisions';
import type { VoteConsequenceTask } from '@contracts/votes';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link, useSearch } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';
import { hasAnyRole, useSession } from '../../ui/session';
import { InspectionView, TrailView } from './InspectionView';
import { C, FLAG_LABELS, M, S } from './messages';
import { SeatCategories } from './SeatCategories';
import { ProcessView } from './ProcessView';
import { StartProcess } from './StartProcess';

const PAGE_SIZE = 20;
const STATUS_COLOR = { open: 'blue', stopped: 'red', decided: 'green', cancelled: 'default' } as const;

/** Personnel processes in scope with deadlines and flags; `/decisions?id=…` shows one process. */
export function DecisionsPage() {
  const search = new URLSearchParams(useSearch());
  const id = search.get('id');
  const trail = search.get('trail');
  if (trail) return <TrailView id={trail} />;
  if (search.get('inspection')) return <InspectionView />;
  if (search.get('seats')) return <SeatCategories />;
  return id ? <ProcessView id={id} /> : <ProcessList />;
}

function ProcessList() {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const [page, setPage] = useState(1);
  const [flagged, setFlagged] = useState(false);
  const list = useApiQuery<{ items: ProcessSummary[]; total: number }>('/api/decisions', {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    flagged: flagged ? 'true' : undefined,
  });
  const columns: TableColumnsType<ProcessSummary> = [
    { title: t('decisions.started'), dataIndex: 'startedOn', width: 110, render: (d: string) => formatDate(d) },
    {
      title: t('decisions.person'),
      dataIndex: 'personName',
      render: (name: string, p) => (
        <Link to={`/decisions?id=${p.id}`} data-testid={`process-${p.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('decisions.action'), dataIndex: 'action', width: 150, render: (_, p) => label(ACTION_LABELS[p.action]) },
    { title: t('decisions.seat'), render: (_, p) => `${p.positionName} — ${p.organizationName}` },
    { title: t('decisions.currentStep'), dataIndex: 'currentStep', render: (s: string | null) => s ?? '—' },
    {
      title: t('decisions.deadline'),
      dataIndex: 'processDeadline',
      width: 120,
      render: (d: string, p) => (p.status === 'open' ? formatDate(d) : '—'),
    },
    {
      title: t('decisions.status'),
      dataIndex: 'status',
      width: 200,
      render: (_, p) => (
        <Space wrap size={4}>
          <Tag color={STATUS_COLOR[p.status]}>{label(PROCESS_STATUS_LABELS[p.status])}</Tag>
          {p.flags.map((f, i) => (
            <Tooltip key={i} title={label({ vi: f.message, en: f.messageEn })}>
              <Tag color="volcano">{label(FLAG_LABELS[f.code])}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('decisions.title')}
        intro={t('decisions.intro')}
        extra={
          <Space>
            {hasAnyRole(roles, ['inspector', 'leader', 'admin']) ? (
              <Link to="/decisions?inspection=1" data-testid="inspection-link">
                {label(M.inspectionTitle)}
              </Link>
            ) : null}
            {hasAnyRole(roles, ['officer', 'leader', 'inspector', 'admin']) ? (
              <Link to="/decisions?seats=1" data-testid="seats-link">
                {label(C.link)}
              </Link>
            ) : null}
            {hasAnyRole(roles, ['officer']) ? <StartProcess /> : null}
            {t('decisions.flaggedOnly')}
            <Switch checked={flagged} onChange={(v) => (setFlagged(v), setPage(1))} data-testid="flagged-only" />
          </Space>
        }
      />
      {hasAnyRole(roles, ['officer']) ? <ToStart /> : null}
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<ProcessSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: t('decisions.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
      />
    </>
  );
}

/** Open dismissal procedures raised by low confidence votes, each with its start button. */
function ToStart() {
  const { label } = useI18n();
  const tasks = useApiQuery<{ items: VoteConsequenceTask[] }>('/api/decisions/to-start');
  const items = tasks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={label(S.toStartTitle)} size="small" style={{ marginBottom: 16 }} data-testid="to-start">
      <Typography.Paragraph type="secondary">{label(S.toStartIntro)}</Typography.Paragraph>
      <Table<VoteConsequenceTask>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: label(M.who), render: (_, r) => `${r.fullName} — ${r.titleText}` },
          { title: label(M.votes), render: (_, r) => `${r.sessionTitle} (${formatDate(r.voteDate)})` },
          { title: label(M.assessment), render: (_, r) => `${label(r.detail)} (${r.citation})` },
          { title: '', width: 220, render: (_, r) => <StartProcess task={r} /> },
        ]}
      />
    </Card>
  );
}
