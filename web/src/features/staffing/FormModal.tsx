import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../ui/api';
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

/**
 * Ends something dated from a day (exclusive: the first day it no longer holds) — a seat or a job position closed, a
 * seat holding or a job-position assignment ended — by posting `{ [field]: day }` to `path`; the server's reason lands
 * on the date field. One form for all four.
 */
export function EndFromModal({
  title,
  path,
  field,
  dateLabel,
  help,
  doneText,
  testId,
  onClose,
  onDone,
}: {
  title: string;
  path: string;
  field: 'to' | 'validTo';
  dateLabel: string;
  help: string;
  doneText: string;
  testId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  return (
    <FormModal<Record<string, Dayjs>>
      open
      title={title}
      fields={[field]}
      initialValues={{ [field]: dayjs().add(1, 'day') }}
      onSubmit={(v) => api.post(path, { [field]: v[field]!.format('YYYY-MM-DD') })}
      onDone={onDone}
      onClose={onClose}
      doneText={doneText}
      testId={testId}
    >
      {() => (
        <Form.Item
          name={field}
          label={dateLabel}
          extra={help}
          rules={[{ required: true, message: label({ vi: 'Bắt buộc', en: 'Required' }) }]}
        >
          <DatePicker format="DD/MM/YYYY" data-testid={`${testId}-date`} />
        </Form.Item>
      )}
    </FormModal>
  );
}
