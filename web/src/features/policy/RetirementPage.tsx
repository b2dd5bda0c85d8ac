import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Layout, Select, Space, Typography } from 'antd';
import type { RetirementResult } from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { PageHeader } from '../../ui/PageHeader';
import { Link } from '../../ui/router';
import { birthToIso } from './CheckTab';

/** The public retirement calculator: sex and a (partial) birth date → age, date, pension start, source. */
export function RetirementPage() {
  const { t, label } = useI18n();
  const [form] = Form.useForm<{ sex: 'M' | 'F'; birth: string }>();
  const [result, setResult] = useState<RetirementResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (v: { sex: 'M' | 'F'; birth: string }) => {
    try {
      setResult(
        await api.get<RetirementResult>('/api/retirement/calculate', { sex: v.sex, birth: birthToIso(v.birth) ?? v.birth }),
      );
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setResult(null);
    }
  };

  const age = result?.retirementAge;
  return (
    <>
      <PageHeader title={t('retire.title')} intro={t('retire.intro')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
        <Form form={form} layout="inline" initialValues={{ sex: 'M' }} onFinish={(v) => void submit(v)} data-testid="retire-form">
          <Form.Item name="sex" label={t('retire.sex')}>
            <Select
              style={{ width: 110 }}
              options={[
                { value: 'M', label: t('sex.M') },
                { value: 'F', label: t('sex.F') },
              ]}
              data-testid="retire-sex"
            />
          </Form.Item>
          <Form.Item
            name="birth"
            label={t('retire.birth')}
            rules={[
              { required: true, message: t('common.required') },
              {
                validator: async (_, v: string) =>
                  v && !birthToIso(v) ? Promise.reject(new Error(t('check.birthInvalid'))) : undefined,
              },
            ]}
            extra={t('check.birthHelp')}
          >
            <Input placeholder="20/05/1975" style={{ width: 200 }} data-testid="retire-birth" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="retire-submit">
              {t('retire.submit')}
            </Button>
          </Form.Item>
        </Form>
        {error ? <ApiErrorAlert error={error} /> : null}
        {result && age ? (
          <Card data-testid="retire-result">
            <Descriptions column={1} bordered size="middle">
              <Descriptions.Item label={t('retire.age')}>
                {age.months ? t('retire.ageValue', { y: age.years, m: age.months }) : t('retire.ageYears', { y: age.years })}
              </Descriptions.Item>
              <Descriptions.Item label={t('retire.date')}>
                <Typography.Text strong data-testid="retire-date">
                  {formatDate(result.retirementDate)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('retire.pension')}>{formatDate(result.pensionFrom)}</Descriptions.Item>
              <Descriptions.Item label={t('retire.basis')}>{result.citation.text}</Descriptions.Item>
            </Descriptions>
            {result.assumptions.map((a) => (
              <Alert
                key={a.ruleId}
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={label(a.detail)}
                description={a.citation.text}
              />
            ))}
          </Card>
        ) : null}
      </Space>
    </>
  );
}

/** The calculator for visitors who are not signed in: no menu, a link to sign in. */
export function PublicRetirementPage() {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, color: '#fff' }}>
        <span style={{ fontSize: 20, fontWeight: 700 }}>{t('app.name')}</span>
        <span style={{ flex: 1 }} />
        <LanguageSwitch />
        <Link to="/login" style={{ color: '#fff' }}>
          {t('retire.signIn')}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Flex vertical style={{ background: '#fff', padding: 24, borderRadius: 4 }}>
          <RetirementPage />
          <Typography.Text type="secondary" style={{ marginTop: 16 }}>
            {t('retire.public')}
          </Typography.Text>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
