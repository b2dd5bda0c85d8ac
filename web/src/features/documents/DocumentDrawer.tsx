import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { DOCUMENT_TYPE_LABELS, ISSUING_BODY_INFO } from '@contracts/document-numbering';
import {
  PARTICIPATION_LABELS,
  RELATION_KINDS,
  RELATION_LABELS,
  VISIBILITY_LABELS,
  type RegisterDocument,
  type RegisterDocumentDetail,
  type RelationKind,
} from '@contracts/documents';
import { ApiError, api, request } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { AttachmentList } from './AttachmentList';
import { DocumentStatusTag } from './DocumentStatusTag';
import { DM } from './messages';
import { E } from './edit.messages';
import { DocumentFormModal } from './DocumentFormModal';
import { WithdrawButton } from './WithdrawButton';
import { EditOutlined } from '@ant-design/icons';

/** One register entry: its data, what it implements/amends/replaces and what replaced it, and its files. */
export function DocumentDrawer({
  id,
  onClose,
  onChanged,
  onOpen,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
  /** Follow a relation to the other document. */
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title={t('doc.detail')} destroyOnHidden>
      {id ? (
        <DocumentDetail
          key={id}
          id={id}
          onChanged={onChanged}
          onOpen={onOpen}
          onWithdrawn={() => {
            onChanged();
            onClose();
          }}
        />
      ) : null}
    </Drawer>
  );
}

function DocumentDetail({
  id,
  onChanged,
  onOpen,
  onWithdrawn,
}: {
  id: string;
  onChanged: () => void;
  onOpen: (id: string) => void;
  onWithdrawn: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const { roles } = useSession();
  const detail = useApiQuery<RegisterDocumentDetail>(`/api/documents/${id}`);
  const doc = detail.data;
  const canWrite = hasAnyRole(roles, ['officer', 'admin']) && Boolean(detail.data?.canEdit);
  const reload = () => {
    detail.reload();
    onChanged();
  };
  const removeRelation = async (relationId: string) => {
    try {
      await request('DELETE', `/api/documents/${id}/relations/${relationId}`);
      void message.success(label(DM.removed));
      reload();
    } catch (cause) {
      void message.error(cause instanceof ApiError ? cause.text(lang) : String(cause));
    }
  };
  if (detail.error) return <ApiErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!doc) return null;
  return (
    <div data-testid="document-drawer">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {label(DOCUMENT_TYPE_LABELS[doc.type])} {doc.number}
      </Typography.Title>
      <Typography.Paragraph strong>{doc.title}</Typography.Paragraph>
      {doc.status === 'replaced' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('doc.replacedBy', { by: doc.replacedBy.map((r) => r.number).join(', '), on: formatDate(doc.effectiveTo) })}
        />
      ) : null}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('doc.number')}>
          <Typography.Text strong>{doc.number}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('doc.status')}>
          <DocumentStatusTag doc={doc} />
        </Descriptions.Item>
        <Descriptions.Item label={t('doc.issuingBody')}>{label(ISSUING_BODY_INFO[doc.issuingBody])}</Descriptions.Item>
        <Descriptions.Item label={t('doc.issuedOn')}>
          {doc.issuedOn ? formatDate(doc.issuedOn) : <Tag color="warning">{t('doc.dateUnconfirmed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('doc.effectiveFrom')}>{formatDate(doc.effectiveFrom)}</Descriptions.Item>
        <Descriptions.Item label={t('doc.effectiveTo')}>{formatDate(doc.effectiveTo)}</Descriptions.Item>
        <Descriptions.Item label={t('doc.signer')}>{doc.signer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('doc.participation')}>{label(PARTICIPATION_LABELS[doc.participation])}</Descriptions.Item>
        <Descriptions.Item label={t('doc.keeper')}>{doc.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('doc.visibility')}>{label(VISIBILITY_LABELS[doc.visibility])}</Descriptions.Item>
        {doc.summary ? (
          <Descriptions.Item label={t('doc.summary')} span={2}>
            {doc.summary}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {canWrite ? (
        <Flex gap={8} style={{ marginTop: 12 }} justify="end">
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-document">
            {label(E.edit)}
          </Button>
          <WithdrawButton path={`/api/documents/${doc.id}/withdraw`} text={E.withdrawDocument} onDone={onWithdrawn} />
        </Flex>
      ) : null}
      <DocumentFormModal
        open={editing}
        editing={doc}
        onClose={() => setEditing(false)}
        onCreated={() => {
          setEditing(false);
          reload();
        }}
      />

      <Divider titlePlacement="start">{t('doc.relations')}</Divider>
      <List
        size="small"
        dataSource={doc.relations}
        locale={{ emptyText: t('doc.noRelations') }}
        renderItem={(r) => {
          const names = RELATION_LABELS[r.kind];
          const verb = r.direction === 'outgoing' ? label(names) : label({ vi: names.inverseVi, en: names.inverseEn });
          return (
            <List.Item
              actions={
                canWrite
                  ? [
                      <Popconfirm key="rm" title={label(DM.removeRelation)} onConfirm={() => void removeRelation(r.id)}>
                        <Button type="link" danger size="small">
                          {label(DM.remove)}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <Tag color={r.kind === 'replaces' ? 'volcano' : r.kind === 'amends' ? 'gold' : 'blue'}>{verb}</Tag>
                <a onClick={() => onOpen(r.other.id)}>
                  <Typography.Text strong>{r.other.number}</Typography.Text>
                </a>
                <Typography.Text type="secondary">{r.other.title}</Typography.Text>
                {r.effectiveOn ? (
                  <Typography.Text type="secondary">({t('doc.fromDate', { on: formatDate(r.effectiveOn) })})</Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          );
        }}
      />
      {canWrite ? <AddRelation doc={doc} onAdded={reload} /> : null}

      <Divider titlePlacement="start">{t('doc.citedBy')}</Divider>
      {doc.citedBy.length > 0 && doc.status === 'replaced' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('doc.rulesLostForce', { n: doc.citedBy.length, on: formatDate(doc.effectiveTo) })}
          data-testid="rules-lost-force"
        />
      ) : null}
      <div data-testid="cited-by">
        <List
          size="small"
          dataSource={doc.citedBy}
          locale={{ emptyText: t('doc.notCited') }}
          renderItem={(rule) => (
            <List.Item>
              <Flex vertical>
                <Space wrap>
                  <Typography.Text code>{rule.ruleId}</Typography.Text>
                  <Typography.Text strong delete={rule.lostForceOn !== null}>
                    {label(rule.title)}
                  </Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {label(rule.packTitle)} · {rule.citation} ·{' '}
                  {t('doc.ruleInForce', {
                    from: formatDate(rule.effectiveFrom),
                    to: rule.effectiveTo ? formatDate(rule.effectiveTo) : '…',
                  })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </div>

      <Divider titlePlacement="start">{t('att.title')}</Divider>
      <AttachmentList
        uploadPath={`/api/documents/${doc.id}/attachments`}
        attachments={doc.attachments}
        canUpload={canWrite}
        onUploaded={reload}
      />
    </div>
  );
}

function AddRelation({ doc, onAdded }: { doc: RegisterDocumentDetail; onAdded: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<RelationKind>('replaces');
  const [target, setTarget] = useState<string>();
  const [on, setOn] = useState<Dayjs | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const found = useApiQuery<{ items: RegisterDocument[] }>('/api/documents', { q: search || undefined, limit: 20 });

  const save = async () => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(`/api/documents/${doc.id}/relations`, { kind, targetId: target, effectiveOn: on?.format('YYYY-MM-DD') });
      void message.success(t('doc.relationAdded'));
      setTarget(undefined);
      onAdded();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.text(lang) : String(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} data-testid="relation-error" /> : null}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Select<RelationKind>
          value={kind}
          onChange={setKind}
          style={{ width: 200 }}
          options={RELATION_KINDS.map((k) => ({ value: k, label: `${doc.number} ${label(RELATION_LABELS[k]).toLowerCase()}` }))}
        />
        <Select
          value={target}
          onChange={setTarget}
          placeholder={t('doc.relationTarget')}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          style={{ flex: 1, minWidth: 240 }}
          options={(found.data?.items ?? [])
            .filter((d) => d.id !== doc.id)
            .map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
        />
        <DatePicker value={on} onChange={setOn} format="DD/MM/YYYY" placeholder={t('doc.relationFrom')} />
        <Button onClick={() => void save()} loading={saving} disabled={!target}>
          {t('doc.relationAdd')}
        </Button>
      </Flex>
    </>
  );
}
