import { useRef, useState } from 'react';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, List, Popconfirm, Typography } from 'antd';
import { DOCUMENT_LIMITS, type Attachment } from '@contracts/documents';
import { ApiError, api, request } from '../../ui/api';
import { formatDateTime, useI18n } from '../../ui/i18n';
import { DM } from './messages';

interface Props {
  /** POST target, e.g. /api/documents/ID/attachments */
  uploadPath: string;
  attachments: Attachment[];
  canUpload: boolean;
  onUploaded: () => void;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Attached PDF/DOCX files with size and SHA-256, and an upload button (the server checks type, size and content). */
export function AttachmentList({ uploadPath, attachments, canUpload, onUploaded }: Props) {
  const { t, lang, label } = useI18n();
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await api.upload(uploadPath, file);
      void message.success(t('att.uploaded', { name: file.name }));
      onUploaded();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.text(lang) : String(cause));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (id: string) => {
    try {
      await request('DELETE', `/api/attachments/${id}`);
      void message.success(label(DM.removed));
      onUploaded();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.text(lang) : String(cause));
    }
  };

  return (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="attachment-error" /> : null}
      <List
        size="small"
        dataSource={attachments}
        locale={{ emptyText: t('att.none') }}
        renderItem={(a) => (
          <List.Item
            actions={
              canUpload
                ? [
                    <Popconfirm key="rm" title={label(DM.removeFile)} onConfirm={() => void remove(a.id)}>
                      <Button type="link" danger size="small">
                        {label(DM.remove)}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <a href={`/api/attachments/${a.id}/content`} download={a.fileName}>
                <PaperClipOutlined /> {a.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sizeText(a.sizeBytes)} · {formatDateTime(a.createdAt)} · SHA-256{' '}
                <Typography.Text code copyable={{ text: a.sha256 }} style={{ fontSize: 11 }}>
                  {a.sha256.slice(0, 16)}…
                </Typography.Text>
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {canUpload ? (
        <Flex gap={8} align="center" style={{ marginTop: 8 }}>
          <input
            ref={input}
            type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            style={{ display: 'none' }}
            data-testid="attachment-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('att.upload')}
          </Button>
          <Typography.Text type="secondary">
            {t('att.help', { mb: DOCUMENT_LIMITS.attachmentMaxBytes / 1024 / 1024 })}
          </Typography.Text>
        </Flex>
      ) : null}
    </>
  );
}
