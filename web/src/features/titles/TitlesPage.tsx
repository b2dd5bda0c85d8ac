import { useState } from 'react';
import { Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import {
  MANAGING_AUTHORITY_LABELS,
  TITLE_GROUP_LABELS,
  TITLE_GROUPS,
  type Title,
  type TitleGroup,
  type titleCatalogListSchema,
  type titleListSchema,
} from '@contracts/titles';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../ui/useApiQuery';

type Catalogs = z.infer<typeof titleCatalogListSchema>;
type Titles = z.infer<typeof titleListSchema>;

/** The title catalog by version (Kết luận 35, then 368-QĐ/TW): groups, ranks, managing authority, deputy caps. */
export function TitlesPage() {
  const { t, label } = useI18n();
  const catalogs = useApiQuery<Catalogs>('/api/title-catalogs');
  const [catalogId, setCatalogId] = useState<string>();
  const [group, setGroup] = useState<TitleGroup>();
  const [q, setQ] = useState('');
  const titles = useApiQuery<Titles>('/api/titles', { catalogId, group, q: q || undefined });
  const byId = new Map((titles.data?.items ?? []).map((x) => [x.id, x]));

  const columns: TableColumnsType<Title> = [
    {
      title: t('titles.group'),
      dataIndex: 'group',
      width: 80,
      render: (g: TitleGroup) => <Tooltip title={label(TITLE_GROUP_LABELS[g])}>{g}</Tooltip>,
    },
    { title: t('titles.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('titles.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <>
          <div>{name}</div>
          {row.localityClass ? (
            <Tag>{row.localityClass === 'hn_hcm' ? t('titles.hnHcm') : t('titles.otherProvinces')}</Tag>
          ) : null}
          {row.headTitleId ? (
            <Typography.Text type="secondary">
              {t('titles.deputyOf', { name: byId.get(row.headTitleId)?.name ?? row.headTitleId })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('titles.authority'),
      dataIndex: 'managingAuthority',
      render: (_, row) => label(MANAGING_AUTHORITY_LABELS[row.managingAuthority]),
    },
    {
      title: t('titles.maxDeputies'),
      dataIndex: 'maxDeputies',
      width: 110,
      render: (n: number | null) => (n === null ? '—' : n),
    },
    {
      title: t('titles.status'),
      dataIndex: 'confirmed',
      width: 140,
      render: (ok: boolean, row) => (
        <Tooltip title={[row.citation, row.note].filter(Boolean).join(' — ')}>
          {ok ? <Tag color="green">{t('titles.confirmed')}</Tag> : <Tag color="orange">{t('titles.unconfirmed')}</Tag>}
        </Tooltip>
      ),
    },
  ];
  const catalog = titles.data?.catalog;
  return (
    <>
      <PageHeader title={t('titles.title')} intro={t('titles.intro')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 360 }}
          placeholder={t('titles.inForce')}
          value={catalogId}
          allowClear
          onChange={setCatalogId}
          options={(catalogs.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name.replace(/^Danh mục.*\((.*)\)$/, '$1')} — ${formatDate(c.validFrom)} → ${c.validTo ? formatDate(c.validTo) : t('tree.now')}`,
          }))}
          aria-label={t('titles.catalog')}
        />
        <Select
          style={{ minWidth: 120 }}
          placeholder={t('titles.allGroups')}
          allowClear
          value={group}
          onChange={setGroup}
          options={TITLE_GROUPS.map((g) => ({ value: g, label: `${t('titles.group')} ${g}` }))}
        />
        <Input.Search allowClear placeholder={t('titles.search')} onSearch={setQ} style={{ width: 280 }} />
      </Space>
      {catalog ? (
        <Typography.Paragraph type="secondary">
          {catalog.citation} ·{' '}
          {t('titles.validity', {
            from: formatDate(catalog.validFrom),
            to: catalog.validTo ? formatDate(catalog.validTo) : t('tree.now'),
          })}
        </Typography.Paragraph>
      ) : null}
      {titles.error ? <ApiErrorAlert error={titles.error} onRetry={titles.reload} /> : null}
      <Table<Title>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={titles.data?.items ?? []}
        loading={titles.loading}
        pagination={false}
      />
    </>
  );
}
