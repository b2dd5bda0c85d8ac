import { useState } from 'react';
import { CheckOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Divider, Drawer, Flex, List, Select, Space, Steps, Typography } from 'antd';
import { DOCUMENT_TYPE_LABELS, ISSUING_BODY_INFO } from '@contracts/document-numbering';
import {
  ITEM_KIND_LABELS,
  ITEM_STATUSES,
  ITEM_STATUS_LABELS,
  MILESTONE_STAGE_LABELS,
  type ItemStatus,
  type MilestoneStage,
  type ProgrammeItemDetail,
} from '@contracts/programme';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { AttachmentList } from '../documents/AttachmentList';
import { DocumentFormModal } from '../documents/DocumentFormModal';
import { E } from '../documents/edit.messages';
import { WithdrawButton } from '../documents/WithdrawButton';
import { ItemFormModal } from './ItemFormModal';
import { StatusTag } from './StatusTag';

export function ItemDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={id !== null} onClose={onClose} size={760} title={t('prog.detail')} destroyOnHidden>
      {id ? (
        <ItemDetail
          id={id}
          onChanged={onChanged}
          onWithdrawn={() => {
            onChanged();
            onClose();
          }}
        />
      ) : null}
    </Drawer>
  );
}

/** An item with its people and units, its milestones (mark done), status, outcome documents and files. */
function ItemDetail({ id, onChanged, onWithdrawn }: { id: string; onChanged: () => void; onWithdrawn: () => void }) {
  const { t, label } = useI18n();
  const { message } = AntApp.useApp();
  const { roles } = useSession();
  const detail = useApiQuery<ProgrammeItemDetail>(`/api/programme/items/${id}`);
  const [status, setStatus] = useState<ItemStatus>();
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const canWrite = hasAnyRole(roles, ['officer', 'admin']) && Boolean(detail.data?.canEdit);
  const reload = () => {
    detail.reload();
    onChanged();
  };
  const act = async (path: string, body: unknown) => {
    setFailure(null);
    try {
      await api.post(path, body);
      void message.success(t('prog.saved'));
      reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, null));
    }
  };
  if (detail.error) return <ApiErrorAlert error={detail.error} onRetry={detail.reload} />;
  const item = detail.data;
  if (!item) return null;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div data-testid="item-drawer">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {item.code} — {item.title}
      </Typography.Title>
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('prog.kind')}>{label(ITEM_KIND_LABELS[item.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('prog.status')}>
          <StatusTag item={item} />
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.assigningBody')}>{label(ISSUING_BODY_INFO[item.assigningBody])}</Descriptions.Item>
        <Descriptions.Item label={t('prog.dueOn')}>{formatDate(item.dueOn)}</Descriptions.Item>
        <Descriptions.Item label={t('prog.leadUnit')}>{item.leadOrganization.name}</Descriptions.Item>
        <Descriptions.Item label={t('prog.completedOn')}>{formatDate(item.completedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('prog.coordinators')} span={2}>
          {item.coordinators.map((c) => c.name).join('; ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('prog.responsible')} span={2}>
          {item.responsible.map((p) => p.fullName).join(', ') || '—'}
        </Descriptions.Item>
        {item.summary ? (
          <Descriptions.Item label={t('prog.summary')} span={2}>
            {item.summary}
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      {canWrite ? (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Select<ItemStatus>
            placeholder={t('prog.changeStatus')}
            value={status}
            onChange={setStatus}
            style={{ width: 240 }}
            options={ITEM_STATUSES.filter((s) => s !== item.status).map((s) => ({
              value: s,
              label: label(ITEM_STATUS_LABELS[s]),
            }))}
          />
          <Button disabled={!status} onClick={() => void act(`/api/programme/items/${item.id}/status`, { status })}>
            {t('prog.applyStatus')}
          </Button>
          <div style={{ flex: 1 }} />
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-item">
            {label(E.edit)}
          </Button>
          <WithdrawButton path={`/api/programme/items/${item.id}/withdraw`} text={E.withdrawItem} onDone={onWithdrawn} />
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setRegistering(true)} data-testid="add-outcome">
            {t('prog.addOutcome')}
          </Button>
        </Flex>
      ) : null}

      <Divider titlePlacement="start">{t('prog.milestones')}</Divider>
      {item.milestones.length === 0 ? (
        <Typography.Text type="secondary">{t('prog.noMilestones')}</Typography.Text>
      ) : (
        <Steps
          orientation="vertical"
          size="small"
          items={item.milestones.map((m) => ({
            status: m.doneOn ? 'finish' : m.dueOn < today ? 'error' : 'wait',
            title: label(MILESTONE_STAGE_LABELS[m.stage]),
            content: (
              <Space>
                <span>
                  {t('prog.milestoneDue', { on: formatDate(m.dueOn) })}
                  {m.doneOn ? ` — ${t('prog.milestoneDone', { on: formatDate(m.doneOn) })}` : ''}
                </span>
                {canWrite && !m.doneOn ? (
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    onClick={() =>
                      void act(`/api/programme/items/${item.id}/milestones/${m.stage as MilestoneStage}`, { doneOn: today })
                    }
                  >
                    {t('prog.markDone')}
                  </Button>
                ) : null}
              </Space>
            ),
          }))}
        />
      )}

      <Divider titlePlacement="start">{t('prog.outcomes')}</Divider>
      <List
        size="small"
        dataSource={item.outcomes}
        locale={{ emptyText: t('prog.noOutcomes') }}
        renderItem={(d) => (
          <List.Item>
            <Space>
              <a href={`/documents?number=${encodeURIComponent(d.number)}`}>
                {label(DOCUMENT_TYPE_LABELS[d.type])} {d.number}
              </a>
              <Typography.Text type="secondary">
                {d.title} · {formatDate(d.issuedOn)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />

      <Divider titlePlacement="start">{t('att.title')}</Divider>
      <AttachmentList
        uploadPath={`/api/programme/items/${item.id}/attachments`}
        attachments={item.attachments}
        canUpload={canWrite}
        onUploaded={reload}
      />
      <ItemFormModal
        open={editing}
        editing={item}
        defaultYear={item.year}
        onClose={() => setEditing(false)}
        onCreated={() => {
          setEditing(false);
          reload();
        }}
      />
      <DocumentFormModal
        open={registering}
        programmeItem={{ id: item.id, code: item.code, title: item.title, organizationId: item.leadOrganization.id }}
        onClose={() => setRegistering(false)}
        onCreated={() => {
          setRegistering(false);
          reload();
        }}
      />
    </div>
  );
}
