import { useState } from 'react';
import { Alert, Button, Card, Input, Result, Space, Steps, Typography } from 'antd';
import { ApiError, api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../../ui/session';

interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

/** Turns on the second factor: the server makes a secret, the user proves his app has it, then it is required at login. */
export function SecurityPage() {
  const { label, lang } = useI18n();
  const { user } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const fail = (e: unknown) => setError(e instanceof ApiError ? e.text(lang) : String(e));

  if (user?.totpEnabled || done)
    return (
      <Result
        status="success"
        title={label({ vi: 'Xác thực hai lớp đang bật', en: 'Two-factor authentication is on' })}
        subTitle={label({
          vi: 'Mỗi lần đăng nhập, hệ thống sẽ hỏi mã 6 số từ ứng dụng xác thực của bạn.',
          en: 'Every login asks for the 6-digit code from your authenticator app.',
        })}
      />
    );

  return (
    <>
      <PageHeader
        title={label({ vi: 'Bảo mật tài khoản', en: 'Account security' })}
        intro={label({
          vi: 'Bật xác thực hai lớp (TOTP) để kẻ lấy được mật khẩu cũng không đăng nhập được.',
          en: 'Turn on two-factor authentication (TOTP) so a stolen password alone cannot log in.',
        })}
      />
      <Card style={{ maxWidth: 720 }}>
        <Steps
          orientation="vertical"
          current={setup ? 1 : 0}
          items={[
            {
              title: label({ vi: 'Tạo khóa bí mật', en: 'Create the secret' }),
              content: setup ? (
                <Space orientation="vertical">
                  <Typography.Text>
                    {label({
                      vi: 'Nhập khóa này vào ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…):',
                      en: 'Enter this key in your authenticator app:',
                    })}
                  </Typography.Text>
                  <Typography.Text code copyable data-testid="totp-secret">
                    {setup.secret}
                  </Typography.Text>
                  <Typography.Text type="secondary" copyable={{ text: setup.otpauthUri }}>
                    {label({ vi: 'Hoặc sao chép liên kết otpauth', en: 'Or copy the otpauth link' })}
                  </Typography.Text>
                </Space>
              ) : (
                <Button type="primary" onClick={() => api.post<TotpSetup>('/api/auth/totp/setup').then(setSetup, fail)}>
                  {label({ vi: 'Tạo khóa', en: 'Create key' })}
                </Button>
              ),
            },
            {
              title: label({ vi: 'Xác nhận bằng mã 6 số', en: 'Confirm with a 6-digit code' }),
              content: setup ? (
                <Space>
                  <Input
                    id="totp-code"
                    inputMode="numeric"
                    maxLength={6}
                    value={code}
                    onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                    style={{ width: 140 }}
                  />
                  <Button
                    type="primary"
                    disabled={code.length !== 6}
                    onClick={() => api.post('/api/auth/totp/enable', { code }).then(() => setDone(true), fail)}
                  >
                    {label({ vi: 'Bật xác thực hai lớp', en: 'Turn on' })}
                  </Button>
                </Space>
              ) : null,
            },
          ]}
        />
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Card>
    </>
  );
}
