import type { ReactElement } from 'react';
import { AuditOutlined, ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { HomeSummary } from '@contracts/home';
import { ApiErrorAlert } from '../../ui/errors';
import { RemindersCard } from '../programme/RemindersCard';
import { useI18n, type MessageKey } from '../../ui/i18n';
import { useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { WorkQueueCard } from './WorkQueueCard';

interface Count {
  key: 'organizations' | 'users' | 'auditEntriesToday';
  testId: string;
  title: MessageKey;
  icon: ReactElement;
}

const COUNTS: readonly Count[] = [
  { key: 'organizations', testId: 'count-organizations', title: 'home.organizations', icon: <ApartmentOutlined /> },
  { key: 'users', testId: 'count-users', title: 'home.users', icon: <TeamOutlined /> },
  { key: 'auditEntriesToday', testId: 'count-audit', title: 'home.auditToday', icon: <AuditOutlined /> },
];

export function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const summary = useApiQuery<HomeSummary>('/api/home/summary');

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: user?.fullName ?? '' })}
      </Typography.Title>
      {summary.error ? <ApiErrorAlert error={summary.error} onRetry={summary.reload} /> : null}
      <Typography.Paragraph>
        <Typography.Text strong>{t('home.scope')}: </Typography.Text>
        {summary.data ? <ScopeTags names={summary.data.scopeNames} /> : null}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {COUNTS.map((count) => (
          <Col key={count.key} xs={24} sm={12} lg={8}>
            <Card>
              {summary.data ? (
                <Statistic
                  title={t(count.title)}
                  value={summary.data[count.key]}
                  prefix={count.icon}
                  // The raw number, so tests and screen readers read the value itself.
                  formatter={(value) => <span data-testid={count.testId}>{value}</span>}
                />
              ) : (
                <Skeleton active paragraph={{ rows: 1 }} title={false} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <WorkQueueCard />
        </Col>
        <Col xs={24} lg={12}>
          <RemindersCard />
        </Col>
      </Row>
    </>
  );
}

function ScopeTags({ names }: { names: string[] }) {
  const { t } = useI18n();
  if (names.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <>
      {names.map((name) => (
        <Tag key={name} color="red" variant="outlined">
          {name}
        </Tag>
      ))}
    </>
  );
}
