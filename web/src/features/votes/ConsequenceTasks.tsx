import { useState } from 'react';
import { Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { z } from 'zod';
import { VOTE_CONSEQUENCE_LABELS, type VoteConsequenceTask, type voteConsequenceListSchema } from '@contracts/votes';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { Link } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';
import { vnDate } from './format';
import { M } from './messages';

type TaskList = z.infer<typeof voteConsequenceListSchema>;
const PAGE_SIZE = 20;

/** The consequences raised by published confidence votes, in the reader's scope (one session's, or all). */
export function ConsequenceTasks({ sessionId }: { sessionId?: string }) {
  const { label, lang } = useI18n();
  const [status, setStatus] = useState<'open' | 'handled' | 'all'>(sessionId ? 'all' : 'open');
  const [page, setPage] = useState(1);
  const list = useApiQuery<TaskList>('/api/vote-consequences', {
    sessionId,
    status: status === 'all' ? undefined : status,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return (
    <div data-testid="vote-consequences">
      {sessionId ? null : (
        <Segmented<'open' | 'handled' | 'all'>
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: label(M.statusOpen) },
            { value: 'handled', label: label(M.statusHandled) },
            { value: 'all', label: label(M.filterAll) },
          ]}
        />
      )}
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<VoteConsequenceTask>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: label(M.noConsequences) }}
        pagination={sessionId ? false : { current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: label(M.subject),
            render: (_, r) => (
              <>
                <div>{r.fullName}</div>
                <Typography.Text type="secondary">{r.titleText}</Typography.Text>
              </>
            ),
          },
          {
            title: label(M.consequence),
            render: (_, r) => (
              <Tooltip title={lang === 'vi' ? r.detail.vi : r.detail.en}>
                <Tag color={r.consequence === 'dismissal-procedure' ? 'red' : 'volcano'} data-testid="consequence-tag">
                  {label(VOTE_CONSEQUENCE_LABELS[r.consequence])}
                </Tag>
              </Tooltip>
            ),
          },
          { title: label(M.rule), render: (_, r) => <Typography.Text type="secondary">{r.citation}</Typography.Text> },
          ...(sessionId
            ? []
            : [
                {
                  title: label(M.voteCol),
                  render: (_: unknown, r: VoteConsequenceTask) => (
                    <>
                      <Link to={`/votes?id=${r.sessionId}`}>{r.sessionTitle}</Link>
                      <div>
                        <Typography.Text type="secondary">
                          {r.organizationName} · {vnDate(r.voteDate)}
                        </Typography.Text>
                      </div>
                    </>
                  ),
                },
              ]),
          {
            title: label(M.handledBy),
            render: (_, r) =>
              r.status === 'open' ? (
                <Tag color="orange">{label(M.statusOpen)}</Tag>
              ) : (
                <Tag color="green">
                  {label(M.statusHandled)}
                  {r.handledAt ? ` ${vnDate(r.handledAt)}` : ''}: {r.handledRef}
                </Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
