import { useState } from 'react';
import { Card, Select, Table, Tag, Typography } from 'antd';
import type { ProcessDetail } from '@contracts/decisions';
import type { RegisterDocument } from '@contracts/documents';
import { formatDate, useI18n } from '../../ui/i18n';
import { Link } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';
import { RD } from './register.messages';

/** Picks register entries by number or title (diacritics-insensitive search of the register); the value is their ids. */
export function RegisterDocumentSelect(props: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  testId?: string;
}) {
  const { label } = useI18n();
  const [search, setSearch] = useState('');
  const found = useApiQuery<{ items: RegisterDocument[] }>('/api/documents', { q: search || undefined, limit: 20 });
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      maxCount={props.max}
      style={{ minWidth: 280 }}
      placeholder={`${label(RD.pick)} — ${label(RD.pickHint)}`}
      value={props.value}
      onChange={(ids: string[]) => props.onChange?.(ids)}
      loading={found.loading}
      data-testid={props.testId}
      options={(found.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
    />
  );
}

/** The register entries the process relies on, with the step or dossier paper linking each. */
export function RegisterDocumentsCard({ p }: { p: ProcessDetail }) {
  const { label } = useI18n();
  const steps = new Map(p.steps.map((s) => [s.key, s.label]));
  const dossier = new Map(p.dossier.map((d) => [d.key, d.label]));
  return (
    <Card title={label(RD.title)} data-testid="register-documents">
      <Typography.Paragraph type="secondary">{label(RD.intro)}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(d) => `${d.id}-${d.via}-${d.stepKey ?? d.dossierKey ?? ''}`}
        pagination={false}
        dataSource={p.registerDocuments}
        locale={{ emptyText: label(RD.none) }}
        columns={[
          {
            title: label(RD.number),
            render: (_, d) => <Link to={`/documents?number=${encodeURIComponent(d.number)}`}>{d.number}</Link>,
          },
          { title: label(RD.docTitle), dataIndex: 'title' },
          { title: label(RD.issuedOn), render: (_, d) => formatDate(d.issuedOn) },
          {
            title: label(RD.linkedBy),
            render: (_, d) => {
              const what = d.via === 'step' ? steps.get(d.stepKey ?? '') : dossier.get(d.dossierKey ?? '');
              return (
                <>
                  <Tag>{label(d.via === 'step' ? RD.viaStep : RD.viaDossier)}</Tag>
                  {what ? label(what) : null}
                </>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
