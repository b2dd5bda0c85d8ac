import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_LEVELS,
  ORGANIZATION_LEVEL_LABELS,
  type CreateOrganizationBody,
} from '@contracts/organizations';
import { ApiError, api } from '../../ui/api';
import { applyFieldErrors } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { OrganizationSelect } from './OrganizationSelect';

const FIELDS = ['code', 'name', 'shortName', 'kind', 'level', 'parentId'] as const;
const CODE_PATTERN = /^[A-Z0-9._-]+$/;

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

export function CreateOrganizationModal({ open, onClose, onCreated }: Props) {
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CreateOrganizationBody>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (values: CreateOrganizationBody) => {
    setSaving(true);
    setProblems([]);
    try {
      const body: CreateOrganizationBody = { ...values, shortName: values.shortName?.trim() || undefined };
      await api.post<unknown>('/api/organizations', body);
      void message.success(t('org.created', { name: body.name }));
      form.resetFields();
      onCreated();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unplaced = applyFieldErrors(form, error, lang, FIELDS);
      setProblems([error.text(lang), ...unplaced]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('org.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {problems.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems[0]} description={problems.slice(1).join(' ')} />
      ) : null}
      <Form<CreateOrganizationBody> form={form} layout="vertical" onFinish={submit} preserve={false} requiredMark>
        <Form.Item name="parentId" label={t('org.parent')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          extra={t('org.codeHelp')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: CODE_PATTERN, message: t('org.codeHelp') },
            { max: 40 },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <Select options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: label(ORGANIZATION_KIND_LABELS[kind]) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('org.level')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <Select
            options={ORGANIZATION_LEVELS.map((level) => ({ value: level, label: label(ORGANIZATION_LEVEL_LABELS[level]) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
