import { useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Select } from 'antd';
import type { CreateUserBody } from '@contracts/auth';
import { LIMITS, ROLES, ROLE_LABELS } from '@contracts/common';
import { ApiError, api } from '../../ui/api';
import { applyFieldErrors } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { OrganizationSelect } from '../organizations/OrganizationSelect';

const FIELDS = ['username', 'fullName', 'password', 'grants'] as const;
const USERNAME_PATTERN = /^[a-z0-9._-]+$/;

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CreateUserBody>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (values: CreateUserBody) => {
    setSaving(true);
    setProblems([]);
    try {
      await api.post<unknown>('/api/users', values);
      void message.success(t('users.created', { name: values.fullName }));
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

  const roleOptions = ROLES.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }));

  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      {problems.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems[0]} description={problems.slice(1).join(' ')} />
      ) : null}
      <Form<CreateUserBody>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ grants: [{ role: 'officer' }] }}
      >
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 3, max: LIMITS.usernameMax },
            { pattern: USERNAME_PATTERN, message: t('users.usernameHelp') },
          ]}
        >
          <Input maxLength={LIMITS.usernameMax} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHelp', { n: LIMITS.passwordMin })}
          rules={[
            { required: true, message: t('common.required') },
            { min: LIMITS.passwordMin, message: t('users.passwordHelp', { n: LIMITS.passwordMin }) },
            { max: LIMITS.passwordMax },
          ]}
        >
          <Input.Password maxLength={LIMITS.passwordMax} autoComplete="new-password" />
        </Form.Item>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <Form.Item label={t('users.grants')} required style={{ marginBottom: 0 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[{ required: true, message: t('common.requiredSelect') }]}
                    style={{ width: 240 }}
                  >
                    <Select options={roleOptions} placeholder={t('users.role')} aria-label={t('users.role')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'organizationId']}
                    rules={[{ required: true, message: t('common.requiredSelect') }]}
                    style={{ flex: 1 }}
                  >
                    <OrganizationSelect placeholder={t('users.organization')} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('users.removeGrant')}
                    />
                  ) : null}
                </Flex>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'officer' })}>
                  {t('users.addGrant')}
                </Button>
              </Form.Item>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
