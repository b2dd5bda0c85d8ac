import { useEffect, useState } from 'react';
import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import { SEXES, THEORY_LEVELS } from '@contracts/person-catalogs';
import { AGE_BANDS, AGE_BAND_LABELS, type PersonSummary, type personListSchema } from '@contracts/persons';
import { urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { navigate } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { M } from './formMessages';
import { PersonDrawer } from './PersonDrawer';
import { partialDate, usePersonTexts } from './texts';

type PersonList = z.infer<typeof personListSchema>;

/** Search the cadre records of the scope the Vietnamese way, open a CV, export the result. */
export function PersonsPage() {
  const { p, fmt, label } = usePersonTexts();
  const { roles } = useSession();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Record<string, string | number | undefined>>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('id'));

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setFilters((f) => ({ ...f, q: search.trim() || undefined }));
      setPage(1);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  const list = useApiQuery<PersonList>('/api/persons', { ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  const setFilter = (key: string, value: string | number | undefined | null) => {
    setFilters((f) => ({ ...f, [key]: value ?? undefined }));
    setPage(1);
  };
  const open = (id: string | null) => {
    setOpenId(id);
    window.history.replaceState(null, '', id ? `/persons?id=${id}` : '/persons');
  };

  const columns: TableColumnsType<PersonSummary> = [
    {
      title: p.name,
      dataIndex: 'fullName',
      render: (name: string, row) => (
        <a href={`/persons?id=${row.id}`} onClick={(e) => (e.preventDefault(), open(row.id))} data-testid="person-link">
          {name}
        </a>
      ),
    },
    { title: p.birth, dataIndex: 'birthDate', width: 120, render: (d: string) => partialDate(d) },
    { title: p.sex, dataIndex: 'sex', width: 90, render: (s: PersonSummary['sex']) => label(SEXES[s]) },
    { title: p.post, dataIndex: 'currentTitle' },
    { title: p.unit, dataIndex: 'organizationName' },
    {
      title: p.theory,
      dataIndex: 'theoryLevel',
      width: 150,
      render: (t: PersonSummary['theoryLevel']) => label(THEORY_LEVELS[t]),
    },
    {
      title: p.party,
      dataIndex: 'partyMember',
      width: 110,
      render: (m: boolean) => (m ? <Tag color="red">{p.partyYes}</Tag> : null),
    },
  ];
  const canImport = hasAnyRole(roles, ['officer', 'admin']);
  const canExport = hasAnyRole(roles, ['officer', 'leader', 'inspector', 'admin']);

  return (
    <>
      <PageHeader
        title={p.title}
        intro={p.intro}
        extra={
          <>
            {canExport ? (
              <Button icon={<DownloadOutlined />} href={urlWithQuery('/api/persons/export.xlsx', filters)} data-testid="export">
                {p.export}
              </Button>
            ) : null}
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/persons/import')}>
                {p.import}
              </Button>
            ) : null}
            {canImport ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/persons/edit')} data-testid="new-person">
                {label(M.newTitle)}
              </Button>
            ) : null}
          </>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={p.search}
            aria-label={p.search}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 320 }}
            data-testid="person-search"
          />
          <div style={{ width: 300 }}>
            <OrganizationSelect
              value={filters.organizationId as string | undefined}
              onChange={(v) => setFilter('organizationId', v)}
              placeholder={p.organization}
            />
          </div>
          <Select
            allowClear
            placeholder={p.theory}
            style={{ width: 170 }}
            onChange={(v) => setFilter('theoryLevel', v)}
            options={Object.entries(THEORY_LEVELS).map(([value, l]) => ({ value, label: label(l) }))}
          />
          <Select
            allowClear
            placeholder={p.party}
            style={{ width: 170 }}
            onChange={(v) => setFilter('partyMember', v)}
            options={[
              { value: 'true', label: p.partyYes },
              { value: 'false', label: p.partyNo },
            ]}
          />
          <Select
            allowClear
            placeholder={p.sex}
            style={{ width: 110 }}
            onChange={(v) => setFilter('sex', v)}
            options={Object.entries(SEXES).map(([value, l]) => ({ value, label: label(l) }))}
          />
          <Select
            allowClear
            placeholder={p.ageBand}
            style={{ width: 130 }}
            onChange={(v) => setFilter('ageBand', v)}
            options={AGE_BANDS.map((b) => ({ value: b, label: label(AGE_BAND_LABELS[b]) }))}
          />
          <InputNumber
            placeholder={p.birthYear}
            min={1900}
            max={2100}
            style={{ width: 120 }}
            onChange={(v) => setFilter('birthYear', v ?? undefined)}
          />
          <Input
            allowClear
            placeholder={p.title2}
            style={{ width: 180 }}
            onChange={(e) => setFilter('title', e.target.value.trim() || undefined)}
          />
        </Space>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<PersonSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: p.empty }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => <Typography.Text data-testid="person-total">{fmt(p.total, { n: total })}</Typography.Text>,
            onChange: (next, size) => {
              setPage(size === pageSize ? next : 1);
              setPageSize(size);
            },
          }}
        />
      </Space>
      <PersonDrawer id={openId} onClose={() => open(null)} />
    </>
  );
}
