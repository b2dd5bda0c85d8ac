import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PackDetail, PackSummary, Rule } from '@contracts/policy';
import { TRACK_LABELS } from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDateTime, useI18n } from '../../ui/i18n';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { periodText } from './format';
import { StatusTag } from './RuleDrawer';

/** The packs (national and local), with the rules of the one opened and the approval of local ones. */
export function PacksTab({ onOpenRule }: { onOpenRule: (id: string) => void }) {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const packs = useApiQuery<{ items: PackSummary[] }>('/api/policy/packs');
  const [open, setOpen] = useState<string | null>(null);
  const [approving, setApproving] = useState<PackSummary | null>(null);

  const approvalTag = (p: PackSummary) => {
    if (!p.approval) return null;
    const color = p.approval.status === 'approved' ? 'green' : p.approval.status === 'pending' ? 'gold' : 'red';
    return (
      <Space orientation="vertical" size={0}>
        <Tag color={color}>{t(`policy.approval.${p.approval.status}`)}</Tag>
        {p.approval.approvedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('policy.approvedBy', { name: p.approval.approvedBy ?? '—', at: formatDateTime(p.approval.approvedAt) })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  };

  const columns: TableColumnsType<PackSummary> = [
    {
      title: t('policy.pack'),
      dataIndex: 'title',
      width: '42%',
      render: (_, p) => (
        <>
          <div>
            <Typography.Text strong>{label(p.title)}</Typography.Text>
          </div>
          <Typography.Text type="secondary">{label(p.description)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('policy.scopeHeader'),
      dataIndex: 'scope',
      width: 130,
      render: (_, p) =>
        p.scope === 'national' ? t('policy.scope.national') : `${t('policy.scope.local')} (${p.organizationCode})`,
    },
    { title: t('policy.period'), width: 130, render: (_, p) => periodText(p.effectiveFrom, p.effectiveTo) },
    {
      title: t('policy.ruleCount'),
      width: 120,
      render: (_, p) => (
        <>
          {p.ruleCount}
          {p.unconfirmedCount ? (
            <div>
              <Tag color="orange">
                {p.unconfirmedCount} {t('policy.unconfirmed').toLowerCase()}
              </Tag>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('policy.status'), width: 190, render: (_, p) => approvalTag(p) },
    {
      title: '',
      width: 120,
      render: (_, p) => (
        <Space orientation="vertical">
          <Button size="small" onClick={() => setOpen(open === p.id ? null : p.id)} data-testid={`open-pack-${p.id}`}>
            {t('policy.viewRules')}
          </Button>
          {p.approval && p.approval.status !== 'approved' && hasAnyRole(roles, ['admin']) ? (
            <Button size="small" type="primary" onClick={() => setApproving(p)}>
              {t('policy.approve')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {packs.error ? <ApiErrorAlert error={packs.error} onRetry={packs.reload} /> : null}
      <Table<PackSummary>
        rowKey="id"
        columns={columns}
        dataSource={packs.data?.items ?? []}
        loading={packs.loading}
        pagination={false}
      />
      {open ? <PackRules packId={open} onOpenRule={onOpenRule} /> : null}
      <ApproveModal
        pack={approving}
        onClose={() => setApproving(null)}
        onDone={() => {
          setApproving(null);
          packs.reload();
        }}
      />
    </Space>
  );
}

function PackRules({ packId, onOpenRule }: { packId: string; onOpenRule: (id: string) => void }) {
  const { t, label } = useI18n();
  const pack = useApiQuery<PackDetail>(`/api/policy/packs/${encodeURIComponent(packId)}`);
  const columns: TableColumnsType<Rule> = [
    {
      title: t('policy.rule'),
      render: (_, r) => (
        <>
          <a onClick={() => onOpenRule(r.id)}>{label(r.title)}</a>
          <div>
            <Typography.Text type="secondary" code>
              {r.id}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('policy.citation'), width: 260, render: (_, r) => r.citation.text },
    { title: t('policy.period'), width: 200, render: (_, r) => periodText(r.effectiveFrom, r.effectiveTo) },
    { title: t('policy.track'), width: 150, render: (_, r) => r.tracks.map((tr) => label(TRACK_LABELS[tr])).join(', ') },
    { title: t('policy.status'), width: 130, render: (_, r) => <StatusTag status={r.status} reason={r.reason} /> },
  ];
  if (pack.error) return <ApiErrorAlert error={pack.error} onRetry={pack.reload} />;
  return (
    <div data-testid="pack-rules">
      <Typography.Title level={5}>{pack.data ? label(pack.data.title) : ''}</Typography.Title>
      <Table<Rule>
        rowKey={(r) => `${r.id}-${r.effectiveFrom}-${r.tracks.join()}`}
        size="small"
        columns={columns}
        dataSource={pack.data?.rules ?? []}
        loading={pack.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </div>
  );
}

function ApproveModal({ pack, onClose, onDone }: { pack: PackSummary | null; onClose: () => void; onDone: () => void }) {
  const { t, label, lang } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!pack) return;
    const { note } = await form.validateFields();
    setSaving(true);
    try {
      await api.post(`/api/policy/local-packs/${encodeURIComponent(pack.id)}/approve`, { note });
      void message.success(t('policy.approvedDone', { name: label(pack.title) }));
      form.resetFields();
      setError(null);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={pack !== null}
      title={pack ? t('policy.approveTitle', { name: label(pack.title) }) : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('policy.approve')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
    >
      <Typography.Paragraph>{pack ? t('policy.approveHelp', { org: pack.organizationCode ?? '' }) : ''}</Typography.Paragraph>
      {error ? <Typography.Paragraph type="danger">{error.text(lang)}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('policy.approveNote')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
