import { useState } from 'react';
import { Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import { AUDIT_ENTITY_LABELS, describeAuditAction, type AuditEntry, type auditListSchema } from '@contracts/audit';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDateTime, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../ui/useApiQuery';
import { Checkpoints } from './Checkpoints';
import { VerifyButton, VerifyOutcome, type VerifyState } from './VerifyIntegrity';

type AuditList = z.infer<typeof auditListSchema>;

const PAGE_SIZE = 20;
const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 6)}…${id.slice(-4)}` : id);

export function AuditPage() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [verify, setVerify] = useState<VerifyState>({ status: 'idle' });
  const list = useApiQuery<AuditList>('/api/audit', { limit: pageSize, offset: (page - 1) * pageSize });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 110 },
    { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at) },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tooltip title={action}>
          <Typography.Text strong>{describeAuditAction(action, lang)}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (entity: string) => AUDIT_ENTITY_LABELS[entity]?.[lang] ?? entity,
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (id: string) => (
        <Tooltip title={id}>
          <Typography.Text code copyable={{ text: id }}>
            {shortId(id)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorId',
      render: (actorId: string | null, entry) =>
        actorId ? (
          <Tooltip title={actorId}>
            <Typography.Text>{entry.actorName ?? shortId(actorId)}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text code>{hash.slice(0, 12)}</Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        extra={<VerifyButton state={verify} onChange={setVerify} />}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <VerifyOutcome state={verify} />
        <Checkpoints />
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<AuditEntry>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{ expandedRowRender: (entry) => <ChangeDetail entry={entry} /> }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('audit.total', { n: total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Space>
    </>
  );
}

/** The before/after snapshots, so an inspector sees what actually changed. */
function ChangeDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const block = (title: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 280 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: 8,
          margin: '4px 0 0',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      {block(t('audit.before'), entry.before)}
      {block(t('audit.after'), entry.after)}
      <Typography.Text type="secondary" style={{ flexBasis: '100%' }}>
        {t('audit.hash')}: <Typography.Text code>{entry.hash}</Typography.Text>
      </Typography.Text>
    </div>
  );
}
