import { useState } from 'react';
import { Alert, Badge, Button, Card, Col, Empty, Flex, List, Row, Space, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { INCUMBENCY_KIND_LABELS, type Incumbent, type Position, type positionListSchema } from '@contracts/positions';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { s } from '../staffing/messages';
import { CloseModal } from '../staffing/StaffingForms';
import { EndModal, IncumbentModal, SeatHistoryModal } from './IncumbentForms';
import { m } from './messages';
import { SeatModal } from './SeatForms';

type PositionList = z.infer<typeof positionListSchema>;

/** One unit's seats on a day as cards: the title, how many places, who sits there, what the rules flag. */
export function OrgChart({ organizationId, asOf }: { organizationId: string; asOf: string }) {
  const { t, label, lang } = useI18n();
  const list = useApiQuery<PositionList>('/api/positions', { organizationId, asOf });
  const [form, setForm] = useState<{ seat: Position | null } | null>(null);
  const [closing, setClosing] = useState<Position | null>(null);
  const [seating, setSeating] = useState<Position | null>(null);
  const [ending, setEnding] = useState<Incumbent | null>(null);
  const [history, setHistory] = useState<Position | null>(null);
  const done = () => {
    setForm(null);
    setClosing(null);
    setSeating(null);
    setEnding(null);
    list.reload();
  };
  if (list.error) return <ApiErrorAlert error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const flagged = new Set((list.data?.problems ?? []).map((p) => p.subjectId));
  return (
    <div data-testid="org-chart">
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setForm({ seat: null })} data-testid="seat-add">
          {label(s.addSeat)}
        </Button>
      </Flex>
      {form ? (
        <SeatModal
          open
          organizationId={organizationId}
          asOf={asOf}
          seat={form.seat}
          onClose={() => setForm(null)}
          onDone={done}
        />
      ) : null}
      {closing ? (
        <CloseModal
          title={`${label(s.closeSeat)}: ${closing.titleName}`}
          path={`/api/positions/${closing.id}/close`}
          onClose={() => setClosing(null)}
          onDone={done}
        />
      ) : null}
      {seating ? <IncumbentModal seat={seating} asOf={asOf} onClose={() => setSeating(null)} onDone={done} /> : null}
      {ending ? (
        <EndModal
          title={`${label(m.endIncumbent)}: ${ending.personName}`}
          path={`/api/incumbents/${ending.id}/end`}
          onClose={() => setEnding(null)}
          onDone={done}
        />
      ) : null}
      {history ? <SeatHistoryModal seat={history} onClose={() => setHistory(null)} /> : null}
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
              actions={[
                <Button
                  key="history"
                  size="small"
                  type="link"
                  onClick={() => setHistory(seat)}
                  data-testid={`seat-history-${seat.titleName}`}
                >
                  {label(m.history)}
                </Button>,
                <Button
                  key="edit"
                  size="small"
                  type="link"
                  onClick={() => setForm({ seat })}
                  title={label(s.editSeat)}
                  data-testid={`seat-edit-${seat.titleName}`}
                >
                  {label(s.edit)}
                </Button>,
                <Button key="close" size="small" type="link" danger onClick={() => setClosing(seat)} title={label(s.closeSeat)}>
                  {label(s.close)}
                </Button>,
              ]}
            >
              <List
                size="small"
                dataSource={seat.incumbents}
                locale={{ emptyText: t('chart.nobody') }}
                footer={
                  <Button
                    size="small"
                    type="dashed"
                    block
                    onClick={() => setSeating(seat)}
                    data-testid={`seat-incumbent-${seat.titleName}`}
                  >
                    + {label(m.addIncumbent)}
                  </Button>
                }
                renderItem={(p) => (
                  <List.Item
                    actions={[
                      <Button
                        key="end"
                        size="small"
                        type="link"
                        onClick={() => setEnding(p)}
                        data-testid={`incumbent-end-${p.personName}`}
                      >
                        {label(m.end)}
                      </Button>,
                    ]}
                  >
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
