import { useRef, useState } from 'react';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { LoginBody } from '@contracts/auth';
import { LIMITS } from '@contracts/common';
import { ApiError } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useSession } from '../../ui/session';
import { BRAND_RED } from '../../ui/theme';

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, lang } = useI18n();
  const { login } = useSession();
  const [form] = Form.useForm<LoginBody>();
  const [error, setError] = useState<ApiError | null>(null);
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<InputRef>(null);

  const submit = async (values: LoginBody) => {
    setBusy(true);
    setError(null);
    try {
      await login({ username: values.username.trim(), password: values.password, totp: values.totp || undefined });
      onSignedIn();
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : new ApiError(0, null);
      if (apiError.code === 'TOTP_REQUIRED') {
        // The password was right: ask for the second factor instead of showing a failure.
        setNeedsTotp(true);
        window.setTimeout(() => totpRef.current?.focus(), 0);
        if (values.totp) setError(apiError);
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, boxSizing: 'border-box', background: '#f5f5f5' }}
    >
      <div style={{ position: 'fixed', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 420, borderTop: `4px solid ${BRAND_RED}` }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, color: BRAND_RED }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="login-error"
            title={error.code === 'INTERNAL' || error.status === 0 ? t('login.failed') : error.text(lang)}
            description={error.code === 'INTERNAL' || error.status === 0 ? error.text(lang) : undefined}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<LoginBody> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              id="username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={LIMITS.usernameMax}
              size="large"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              id="password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={LIMITS.passwordMax}
              size="large"
            />
          </Form.Item>
          {needsTotp ? (
            <Form.Item
              name="totp"
              label={t('login.totp')}
              extra={t('login.totpHelp')}
              rules={[
                { required: true, message: t('login.totpInvalid') },
                { pattern: /^\d{6}$/, message: t('login.totpInvalid') },
              ]}
            >
              <Input
                id="totp"
                ref={totpRef}
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                size="large"
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
