import { useState } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Input, Modal, Typography } from 'antd';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n, type Bilingual } from '../../ui/i18n';
import { E } from './edit.messages';

/** Withdraws an entry recorded by mistake, asking why; a refusal (what still depends on it) is shown in the dialog. */
export function WithdrawButton({ path, text, onDone }: { path: string; text: Bilingual; onDone: () => void }) {
  const { label } = useI18n();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const submit = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await api.post(path, { reason });
      void message.success(label(E.withdrawn));
      setOpen(false);
      onDone();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, null));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button danger icon={<DeleteOutlined />} onClick={() => setOpen(true)} data-testid="withdraw">
        {label(text)}
      </Button>
      <Modal
        open={open}
        title={label(E.withdrawTitle)}
        okText={label(E.withdraw)}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 5 }}
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={label(E.withdrawExplain)} style={{ marginBottom: 12 }} />
        {failure ? <ApiErrorAlert error={failure} /> : null}
        <Typography.Text>{label(E.reason)}</Typography.Text>
        <Input.TextArea
          data-testid="withdraw-reason"
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
