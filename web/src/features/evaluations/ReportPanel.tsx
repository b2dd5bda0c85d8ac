import { useState } from 'react';
import { Alert, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type DistributionReport, RATING_LABELS, RATING_LEVELS, type RatingLevel } from '@contracts/evaluations';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

const COLORS: Record<RatingLevel, string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  complete: '#d4b106',
  not_complete: '#cf1322',
};

/** A stacked bar of the four levels: the chart of one unit's year. */
function Bar({ counts }: { counts: Record<RatingLevel, number> }) {
  const { label } = useI18n();
  const total = RATING_LEVELS.reduce((s, l) => s + counts[l], 0) || 1;
  return (
    <div style={{ display: 'flex', width: 240, height: 14, borderRadius: 3, overflow: 'hidden', background: '#f0f0f0' }}>
      {RATING_LEVELS.map((l) =>
        counts[l] ? (
          <Tooltip key={l} title={`${label(RATING_LABELS[l])}: ${counts[l]}`}>
            <div style={{ width: `${(100 * counts[l]) / total}%`, background: COLORS[l] }} />
          </Tooltip>
        ) : null,
      )}
    </div>
  );
}

/** Distribution of decided annual ratings per unit, against the year before, with the "all top" flag. */
export function ReportPanel({ defaultYear }: { defaultYear: number }) {
  const { label } = useI18n();
  const [year, setYear] = useState(defaultYear);
  const report = useApiQuery<DistributionReport>('/api/evaluation-reports/distribution', { year });
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{label(L.year)}</Typography.Text>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Space size={4}>
          {RATING_LEVELS.map((l) => (
            <Tag key={l} color={COLORS[l]}>
              {RATING_LABELS[l].short}
            </Tag>
          ))}
        </Space>
      </Space>
      {report.error ? <ApiErrorAlert error={report.error} onRetry={report.reload} /> : null}
      <Typography.Title level={5}>{label(L.distribution)}</Typography.Title>
      <Table
        size="small"
        rowKey="organizationId"
        pagination={false}
        loading={report.loading}
        dataSource={report.data?.rows ?? []}
        locale={{ emptyText: label(L.empty) }}
        columns={[
          {
            title: label(L.organization),
            dataIndex: 'organizationName',
            render: (v: string, r) => (
              <Space>
                {v}
                {r.allTop ? <Tag color="orange">{label(L.allTop)}</Tag> : null}
              </Space>
            ),
          },
          ...RATING_LEVELS.map((l) => ({
            title: RATING_LABELS[l].short,
            key: l,
            render: (_: unknown, r: DistributionReport['rows'][number]) => r.counts[l],
          })),
          { title: label(L.total), dataIndex: 'total' },
          {
            title: String(year),
            key: 'bar',
            render: (_: unknown, r: DistributionReport['rows'][number]) => <Bar counts={r.counts} />,
          },
          {
            title: `${label(L.previous)} (${year - 1})`,
            key: 'prev',
            render: (_: unknown, r: DistributionReport['rows'][number]) => (r.previous ? <Bar counts={r.previous} /> : '—'),
          },
        ]}
      />
      {report.data?.notComplete.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {label(L.notComplete)}
          </Typography.Title>
          {report.data.notComplete.map((n) => (
            <Alert
              key={n.evaluationId}
              type="warning"
              style={{ marginBottom: 6 }}
              title={`${n.personName} — ${n.organizationName}`}
              description={label(n.suggestion)}
            />
          ))}
        </>
      ) : null}
    </div>
  );
}
