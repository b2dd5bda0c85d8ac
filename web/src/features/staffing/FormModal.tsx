import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../../ui/api';
import { applyFieldErrors } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';

/**
 * A modal form that sends its values and puts the server's validation messages on the fields they name
 * (`details[].path`), the rest in a banner. Used by the seat, quota and job position forms.
 */
export function FormModal<T extends object>({
  open,
  title,
  fields,
  initialValues,
  onSubmit,
  onDone,
  onClose,
  doneText,
  children,
  testId,
}: {
  open: boolean;
  title: string;
  fields: readonly string[];
  initialValues?: Partial<T>;
  onSubmit: (values: T) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
  doneText: string;
  children: (form: FormInstance<T>) => ReactNode;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const submit = async (values: T) => {
    setSaving(true);
    setProblems([]);
    try {
      await onSubmit(values);
      void message.success(doneText);
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unplaced = applyFieldErrors(form, error, lang, fields);
      setProblems([error.text(lang), ...unplaced]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'form-modal-ok' } as Record<`data-${string}`, string>}
    >
      <div data-testid={testId}>
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={problems[0]}
            description={problems.slice(1).join(' ')}
          />
        ) : null}
        <Form<T> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues} requiredMark>
          {children(form)}
        </Form>
      </div>
    </Modal>
  );
}
