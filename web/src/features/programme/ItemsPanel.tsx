import { useEffect, useState } from 'react';
import { FileExcelOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ISSUING_BODY_INFO } from '@contracts/document-numbering';
import { ITEM_KIND_LABELS, ITEM_STATUSES, ITEM_STATUS_LABELS, type ItemStatus, type ProgrammeItem } from '@contracts/programme';
import { urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { ItemDrawer } from './ItemDrawer';
import { ItemFormModal } from './ItemFormModal';
import { PM } from './messages';
import { StatusTag } from './StatusTag';

interface Props {
  year: number;
  organizationId?: string;
  version: number;
  onChanged: () => void;
}

/** The year's proposals, submissions, reports and tasks: search without diacritics, add, open. */
export function ItemsPanel({ year, organizationId, version, onChanged }: Props) {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ItemStatus>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(search.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  const list = useApiQuery<{ items: ProgrammeItem[]; total: number }>('/api/programme/items', {
    year,
    organizationId,
    q: query || undefined,
    status,
    limit: 20,
    offset: (page - 1) * 20,
    v: version,
  });
  const changed = () => {
    list.reload();
    onChanged();
  };

  const columns: TableColumnsType<ProgrammeItem> = [
    {
      title: t('prog.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string, item) => (
        <a onClick={() => setOpenId(item.id)} data-testid="item-code">
          {code}
        </a>
      ),
    },
    {
      title: t('prog.itemTitle'),
      dataIndex: 'title',
      render: (title: string, item) => (
        <>
          <div>{title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(ITEM_KIND_LABELS[item.kind])} · {t('prog.assignedBy')} {label(ISSUING_BODY_INFO[item.assigningBody])} ·{' '}
            {item.leadOrganization.name}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('prog.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      render: (d: string, item) => (item.overdue ? <Tag color="error">{formatDate(d)}</Tag> : formatDate(d)),
    },
    { title: t('prog.status'), dataIndex: 'status', width: 170, render: (_, item) => <StatusTag item={item} /> },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('prog.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 420 }}
          data-testid="item-search"
        />
        <Select<ItemStatus>
          allowClear
          placeholder={t('prog.allStatuses')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          style={{ width: 220 }}
          options={ITEM_STATUSES.map((s) => ({ value: s, label: label(ITEM_STATUS_LABELS[s]) }))}
        />
        <div style={{ flex: 1 }} />
        <Tooltip title={label(PM.exportItemsHint)}>
          <Button
            icon={<FileExcelOutlined />}
            href={urlWithQuery('/api/programme/items.xlsx', { year, organizationId, q: query || undefined, status })}
            data-testid="export-items"
          >
            {label(PM.exportItems)}
          </Button>
        </Tooltip>
        {hasAnyRole(roles, ['officer', 'admin']) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-item">
            {t('prog.add')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<ProgrammeItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: t('prog.noItems') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('prog.total', { n: total }),
          onChange: setPage,
        }}
      />
      <ItemFormModal
        open={creating}
        defaultYear={year}
        onClose={() => setCreating(false)}
        onCreated={(item) => {
          setCreating(false);
          changed();
          setOpenId(item.id);
        }}
      />
      <ItemDrawer id={openId} onClose={() => setOpenId(null)} onChanged={changed} />
    </>
  );
}
