import { useEffect, useState } from 'react';
import { FileExcelOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, ISSUING_BODY_INFO, type DocumentType } from '@contracts/document-numbering';
import { PARTICIPATION_LABELS, type RegisterDocument } from '@contracts/documents';
import { ApiError, api, urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { DocumentDrawer } from './DocumentDrawer';
import { DocumentFormModal } from './DocumentFormModal';
import { DocumentStatusTag } from './DocumentStatusTag';
import { DM } from './messages';

/** The document register: search (with or without diacritics), filter, register, open; `?number=377-QĐ/TW` opens one. */
export function DocumentsPage() {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [type, setType] = useState<DocumentType>();
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<ApiError | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(search.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  // A citation link from elsewhere (the policy packs): /documents?number=377-QĐ/TW
  useEffect(() => {
    const number = new URLSearchParams(window.location.search).get('number');
    if (!number) return;
    api
      .get<RegisterDocument>(`/api/documents/by-number/${encodeURIComponent(number)}`)
      .then((doc) => setOpenId(doc.id))
      .catch((error: unknown) => setLinkError(error instanceof ApiError ? error : new ApiError(0, null)));
  }, []);

  const list = useApiQuery<{ items: RegisterDocument[]; total: number }>('/api/documents', {
    q: query || undefined,
    type,
    year: year ?? undefined,
    limit: 20,
    offset: (page - 1) * 20,
  });

  const columns: TableColumnsType<RegisterDocument> = [
    {
      title: t('doc.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, doc) => (
        <a onClick={() => setOpenId(doc.id)} data-testid="document-number">
          {number}
        </a>
      ),
    },
    { title: t('doc.type'), dataIndex: 'type', width: 120, render: (_, doc) => label(DOCUMENT_TYPE_LABELS[doc.type]) },
    {
      title: t('doc.title'),
      dataIndex: 'title',
      render: (title: string, doc) => (
        <>
          <div>{title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(ISSUING_BODY_INFO[doc.issuingBody])} · {label(PARTICIPATION_LABELS[doc.participation])}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('doc.issuedOn'),
      dataIndex: 'issuedOn',
      width: 130,
      render: (d: string | null) => (d ? formatDate(d) : <Tag color="warning">{t('doc.dateUnconfirmed')}</Tag>),
    },
    { title: t('doc.status'), dataIndex: 'status', width: 170, render: (_, doc) => <DocumentStatusTag doc={doc} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('doc.pageTitle')}
        intro={t('doc.intro')}
        extra={
          hasAnyRole(roles, ['officer', 'admin']) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-document">
              {t('doc.add')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('doc.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 460 }}
          data-testid="document-search"
        />
        <Select<DocumentType>
          allowClear
          placeholder={t('doc.allTypes')}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          style={{ width: 180 }}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: label(DOCUMENT_TYPE_LABELS[d]) }))}
        />
        <InputNumber<number>
          placeholder={t('doc.year')}
          min={1945}
          max={2100}
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
          style={{ width: 120 }}
        />
        <div style={{ flex: 1 }} />
        <Tooltip title={label(DM.exportHint)}>
          <Button
            icon={<FileExcelOutlined />}
            href={urlWithQuery('/api/documents/register.xlsx', { q: query || undefined, type, year: year ?? undefined })}
            data-testid="export-register"
          >
            {label(DM.exportXlsx)}
          </Button>
        </Tooltip>
      </Flex>
      {linkError ? <ApiErrorAlert error={linkError} /> : null}
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<RegisterDocument>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: t('doc.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('doc.total', { n: total }),
          onChange: setPage,
        }}
      />
      <DocumentFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(doc) => {
          setCreating(false);
          list.reload();
          setOpenId(doc.id);
        }}
      />
      <DocumentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} onOpen={setOpenId} />
    </>
  );
}
