import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import { VOTE_KIND_LABELS, VOTE_MODE_LABELS, VOTE_STATUS_LABELS, type VoteSession, type voteListSchema } from '@contracts/votes';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link, useSearch } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { CreateVoteModal } from './CreateVoteModal';
import { VoteDetailView } from './VoteDetailView';
import { vnDate } from './format';
import { ConsequenceTasks } from './ConsequenceTasks';
import { M } from './messages';

type VoteList = z.infer<typeof voteListSchema>;
const PAGE_SIZE = 20;

/** Vote sessions in scope; `/votes?id=…` shows one session. */
export function VotesPage() {
  const id = new URLSearchParams(useSearch()).get('id');
  return id ? <VoteDetailView id={id} /> : <VoteList />;
}

function VoteList() {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useApiQuery<VoteList>('/api/votes', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const columns: TableColumnsType<VoteSession> = [
    { title: t('votes.date'), dataIndex: 'voteDate', width: 120, render: (d: string) => vnDate(d) },
    {
      title: t('votes.titleCol'),
      dataIndex: 'title',
      render: (title: string, v) => <Link to={`/votes?id=${v.id}`}>{title}</Link>,
    },
    { title: t('votes.organization'), dataIndex: 'organizationName' },
    { title: t('votes.kind'), dataIndex: 'kind', width: 170, render: (_, v) => label(VOTE_KIND_LABELS[v.kind]) },
    { title: t('votes.mode'), dataIndex: 'mode', width: 150, render: (_, v) => label(VOTE_MODE_LABELS[v.mode]).split(' (')[0] },
    {
      title: t('votes.status'),
      dataIndex: 'status',
      width: 230,
      render: (_, v) => <Tag color={v.status === 'open' ? 'orange' : 'green'}>{label(VOTE_STATUS_LABELS[v.status])}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('votes.title')}
        intro={t('votes.intro')}
        extra={
          hasAnyRole(roles, ['officer']) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="vote-create">
              {t('votes.create')}
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          {
            key: 'sessions',
            label: label(M.sessions),
            children: (
              <>
                {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
                <Table<VoteSession>
                  rowKey="id"
                  columns={columns}
                  dataSource={list.data?.items ?? []}
                  loading={list.loading}
                  locale={{ emptyText: t('votes.empty') }}
                  pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
                />
              </>
            ),
          },
          {
            key: 'consequences',
            label: label(M.consequences),
            children: (
              <>
                <Typography.Paragraph type="secondary">{label(M.consequencesIntro)}</Typography.Paragraph>
                <ConsequenceTasks />
              </>
            ),
          },
        ]}
      />
      <CreateVoteModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </>
  );
}
