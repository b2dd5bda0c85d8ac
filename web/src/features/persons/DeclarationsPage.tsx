import { useState } from 'react';
import { App, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import type { Declaration } from '@contracts/persons';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDateTime } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../ui/useApiQuery';
import { PersonDrawer } from './PersonDrawer';
import { usePersonTexts } from './texts';

/** The officer's queue of self-service declarations: approve (the record gets a new version) or reject. */
export function DeclarationsPage() {
  const { p, lang } = usePersonTexts();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApiQuery<{ items: Declaration[]; total: number }>('/api/person-declarations', { status, limit: 100 });
  const decide = async (d: Declaration, decision: 'approve' | 'reject') => {
    try {
      await api.post(`/api/person-declarations/${d.id}/decision`, { decision, note: notes[d.id] || null });
      void message.success(decision === 'approve' ? p.approved : p.rejected);
      list.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  };
  const statusLabel = { pending: p.pending, approved: p.approved, rejected: p.rejected };
  return (
    <>
      <PageHeader title={p.declarations} intro={p.declarationsIntro} />
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: statusLabel[s] }))}
        style={{ marginBottom: 16 }}
      />
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Declaration>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: p.name, render: (_, d) => <a onClick={() => setOpenId(d.personId)}>{d.personName}</a> },
          { title: p.submitted, render: (_, d) => formatDateTime(d.submittedAt), width: 170 },
          {
            title: p.changes,
            render: (_, d) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxWidth: 420 }}>{JSON.stringify(d.changes, null, 1)}</pre>
            ),
          },
          { title: p.note, dataIndex: 'note' },
          {
            title: p.status,
            render: (_, d) =>
              d.status === 'pending' ? (
                <Space orientation="vertical">
                  <Input
                    placeholder={p.note}
                    value={notes[d.id] ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [d.id]: e.target.value }))}
                  />
                  <Space>
                    <Button type="primary" onClick={() => void decide(d, 'approve')}>
                      {p.approve}
                    </Button>
                    <Button danger onClick={() => void decide(d, 'reject')}>
                      {p.reject}
                    </Button>
                  </Space>
                </Space>
              ) : (
                <Tag color={d.status === 'approved' ? 'green' : 'default'}>{statusLabel[d.status]}</Tag>
              ),
          },
        ]}
      />
      <PersonDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
