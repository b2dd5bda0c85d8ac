import { Alert, Badge, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { INCUMBENCY_KIND_LABELS, type Position, type positionListSchema } from '@contracts/positions';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

type PositionList = z.infer<typeof positionListSchema>;

/** One unit's seats on a day as cards: the title, how many places, who sits there, what the rules flag. */
export function OrgChart({ organizationId, asOf }: { organizationId: string; asOf: string }) {
  const { t, label, lang } = useI18n();
  const list = useApiQuery<PositionList>('/api/positions', { organizationId, asOf });
  if (list.error) return <ApiErrorAlert error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const flagged = new Set((list.data?.problems ?? []).map((p) => p.subjectId));
  return (
    <div data-testid="org-chart">
      {(list.data?.problems ?? []).map((p) => (
        <Alert
          key={`${p.ruleId}-${p.subjectId}-${p.detail}`}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={lang === 'vi' ? p.detail : p.detailEn}
          description={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.ruleId} — {p.citation}
            </Typography.Text>
          }
        />
      ))}
      {!list.loading && items.length === 0 ? <Empty description={t('chart.empty')} /> : null}
      <Row gutter={[12, 12]}>
        {items.map((seat: Position) => (
          <Col key={seat.id} xs={24} lg={12}>
            <Card
              size="small"
              loading={list.loading}
              title={seat.titleName}
              style={flagged.has(seat.id) ? { borderColor: '#faad14' } : undefined}
              extra={
                seat.vacant > 0 ? (
                  <Badge status="warning" text={t('chart.vacant', { n: seat.vacant })} />
                ) : (
                  <Typography.Text type="secondary">{t('chart.seats', { n: seat.seatCount })}</Typography.Text>
                )
              }
            >
              <List
                size="small"
                dataSource={seat.incumbents}
                locale={{ emptyText: t('chart.nobody') }}
                renderItem={(p) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong>{p.personName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <Tag>{label(INCUMBENCY_KIND_LABELS[p.how])}</Tag>
                        {t('chart.since', { date: formatDate(p.from) })}
                        {p.termEnd ? ` · ${t('chart.termEnd', { date: formatDate(p.termEnd) })}` : ''}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
