import { useState } from 'react';
import { App, Button, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { RESTRUCTURING_KIND_LABELS, type RestructuringEvent, type restructuringEventListSchema } from '@contracts/restructuring';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, formatDateTime, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { RestructuringWizard } from './RestructuringWizard';

type Events = z.infer<typeof restructuringEventListSchema>;

/** Restructuring events (merge, split, rename, move, dissolve) with revert, and the wizard that previews a new one. */
export function RestructuringPage() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const { roles } = useSession();
  const canWrite = hasAnyRole(roles, ['officer', 'admin']);
  const events = useApiQuery<Events>('/api/restructuring-events');
  const [wizard, setWizard] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const revert = async (e: RestructuringEvent) => {
    try {
      await api.post(`/api/restructuring-events/${e.id}/revert`);
      setError(null);
      message.success(t('restr.reverted', { title: e.title }));
      events.reload();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, null));
    }
  };

  const columns: TableColumnsType<RestructuringEvent> = [
    { title: t('restr.date'), dataIndex: 'effectiveDate', width: 120, render: (d: string) => formatDate(d) },
    { title: t('restr.kind'), dataIndex: 'kind', width: 170, render: (_, e) => label(RESTRUCTURING_KIND_LABELS[e.kind]) },
    { title: t('restr.eventTitle'), dataIndex: 'title' },
    { title: t('restr.decision'), dataIndex: 'decisionRef', width: 200, render: (d: string | null) => d ?? '—' },
    { title: t('restr.changes'), dataIndex: 'changeCount', width: 100 },
    {
      title: t('restr.status'),
      width: 220,
      render: (_, e) =>
        e.status === 'reverted' ? (
          <Tag>{t('restr.revertedAt', { at: formatDateTime(e.revertedAt) })}</Tag>
        ) : canWrite ? (
          <Popconfirm
            title={t('restr.revertConfirm')}
            onConfirm={() => void revert(e)}
            okText={t('restr.revert')}
            cancelText={t('common.cancel')}
          >
            <Button size="small">{t('restr.revert')}</Button>
          </Popconfirm>
        ) : (
          <Tag color="green">{t('restr.applied')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('restr.title')}
        intro={t('restr.intro')}
        extra={
          canWrite && !wizard ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setWizard(true)} data-testid="restructuring-new">
              {t('restr.new')}
            </Button>
          ) : null
        }
      />
      {wizard ? (
        <RestructuringWizard
          onClose={() => setWizard(false)}
          onApplied={() => {
            setWizard(false);
            events.reload();
          }}
        />
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      {events.error ? <ApiErrorAlert error={events.error} onRetry={events.reload} /> : null}
      <Table<RestructuringEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.loading}
        pagination={false}
        locale={{ emptyText: t('restr.empty') }}
        key={lang}
      />
    </>
  );
}
