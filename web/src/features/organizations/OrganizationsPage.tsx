import { useEffect, useState } from 'react';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_LEVEL_LABELS,
  type Organization,
  type organizationListSchema,
} from '@contracts/organizations';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { CreateOrganizationModal } from './CreateOrganizationModal';

type OrganizationList = z.infer<typeof organizationListSchema>;

const PAGE_SIZE = 20;

export function OrganizationsPage() {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [creating, setCreating] = useState(false);

  // Search as the user types, after a short pause, from the first page.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(search.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  const list = useApiQuery<OrganizationList>('/api/organizations', {
    q: query || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });

  const columns: TableColumnsType<Organization> = [
    {
      title: t('org.code'),
      dataIndex: 'code',
      width: 160,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (name: string, org) => (
        <>
          <div>{name}</div>
          {org.shortName ? <Typography.Text type="secondary">{org.shortName}</Typography.Text> : null}
        </>
      ),
    },
    { title: t('org.kind'), dataIndex: 'kind', render: (_, org) => label(ORGANIZATION_KIND_LABELS[org.kind]) },
    { title: t('org.level'), dataIndex: 'level', width: 200, render: (_, org) => label(ORGANIZATION_LEVEL_LABELS[org.level]) },
  ];

  const canCreate = hasAnyRole(roles, ['officer', 'admin']);

  return (
    <>
      <PageHeader
        title={t('org.title')}
        intro={t('org.intro')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('org.add')}
            </Button>
          ) : null
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('org.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-label={t('org.search')}
          data-testid="organization-search"
          style={{ maxWidth: 520 }}
        />
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<Organization>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: t('org.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('org.total', { n: total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Space>
      <CreateOrganizationModal
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
