import { Card, Col, Empty, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { ISSUING_BODY_INFO } from '@contracts/document-numbering';
import type { ProgrammeItem, YearView } from '@contracts/programme';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { TimelineChart } from './TimelineChart';

interface Props {
  year: number;
  organizationId?: string;
  version: number;
}

const percent = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

/** done/total per assigning body and lead unit, the overdue items and the year's timeline. */
export function YearProgressPanel({ year, organizationId, version }: Props) {
  const { t, label } = useI18n();
  const view = useApiQuery<YearView>('/api/programme/year', { year, organizationId, v: version });
  if (view.error) return <ApiErrorAlert error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Skeleton active />;
  const v = view.data;
  const bar = (done: number, total: number) => (
    <span>
      <Typography.Text strong>
        {done}/{total}
      </Typography.Text>
      <Progress percent={percent(done, total)} size="small" style={{ width: 160, marginLeft: 12, marginBottom: 0 }} />
    </span>
  );
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('prog.doneTotal')} value={`${v.totals.done}/${v.totals.total}`} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('prog.overdue')}
              value={v.totals.overdue}
              valueStyle={v.totals.overdue ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('prog.percentDone')} value={percent(v.totals.done, v.totals.total)} suffix="%" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Table
            size="small"
            pagination={false}
            rowKey="body"
            title={() => <Typography.Text strong>{t('prog.byBody')}</Typography.Text>}
            dataSource={v.byBody}
            columns={[
              { title: t('prog.assigningBody'), dataIndex: 'body', render: (_, r) => label(ISSUING_BODY_INFO[r.body]) },
              { title: t('prog.doneTotal'), dataIndex: 'done', render: (_, r) => bar(r.done, r.total) },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.organization.id}
            title={() => <Typography.Text strong>{t('prog.byLeadUnit')}</Typography.Text>}
            dataSource={v.byLeadUnit}
            columns={[
              { title: t('prog.leadUnit'), dataIndex: 'organization', render: (_, r) => r.organization.name },
              { title: t('prog.doneTotal'), dataIndex: 'done', render: (_, r) => bar(r.done, r.total) },
            ]}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('prog.overdueItems')}
      </Typography.Title>
      {v.overdue.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prog.noOverdue')} />
      ) : (
        <Table<ProgrammeItem>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={v.overdue}
          data-testid="overdue-table"
          columns={[
            { title: t('prog.code'), dataIndex: 'code', width: 150 },
            { title: t('prog.itemTitle'), dataIndex: 'title' },
            { title: t('prog.leadUnit'), dataIndex: 'leadOrganization', render: (_, r) => r.leadOrganization.name },
            {
              title: t('prog.dueOn'),
              dataIndex: 'dueOn',
              width: 120,
              render: (d: string) => <Tag color="error">{formatDate(d)}</Tag>,
            },
          ]}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('prog.timeline')}
      </Typography.Title>
      <TimelineChart year={v.year} items={v.timeline} />
    </>
  );
}
