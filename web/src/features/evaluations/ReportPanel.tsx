import { useState } from 'react';
import { Alert, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { type DistributionReport, RATING_LABELS, RATING_LEVELS, type RatingLevel } from '@contracts/evaluations';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { StartProcess } from '../decisions/StartProcess';
import { RatingBar, TrendChart, type TrendPoint } from './charts';
import { L } from './texts';

type Row = DistributionReport['rows'][number];
const pct = (v: number | null) => (v === null ? '—' : `${String(v).replace('.', ',')}%`);

/** The scope's totals per year, summed over the units. */
function scopeTrend(report: DistributionReport): TrendPoint[] {
  return report.years.map((year) => {
    const counts = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;
    for (const r of report.rows) {
      const t = r.trend.find((x) => x.year === year);
      if (t) for (const l of RATING_LEVELS) counts[l] += t.counts[l] ?? 0;
    }
    const total = RATING_LEVELS.reduce((s, l) => s + counts[l], 0);
    return {
      year,
      counts,
      total,
      topPercent: total ? Math.round(((counts.excellent + counts.good) * 1000) / total) / 10 : null,
    };
  });
}

/** Decided annual ratings per unit across years, the "all top" flag, and SVG charts of the year and the trend. */
export function ReportPanel({ defaultYear }: { defaultYear: number }) {
  const { label } = useI18n();
  const { roles } = useSession();
  const [year, setYear] = useState(defaultYear);
  const [years, setYears] = useState(3);
  const report = useApiQuery<DistributionReport>('/api/evaluation-reports/distribution', { year, years });
  const data = report.data;
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{label(L.year)}</Typography.Text>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="report-year" />
        <Typography.Text>{label(L.trendYears)}</Typography.Text>
        <InputNumber value={years} min={2} max={10} onChange={(v) => v && setYears(v)} />
      </Space>
      {report.error ? <ApiErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {data && data.rows.length ? <TrendChart points={scopeTrend(data)} title={label(L.trendTitle)} /> : null}
      <Typography.Title level={5}>{label(L.distribution)}</Typography.Title>
      <Typography.Paragraph type="secondary">{label(L.allTopHelp)}</Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="organizationId"
        data-testid="distribution-table"
        pagination={false}
        loading={report.loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: label(L.empty) }}
        columns={[
          {
            title: label(L.organization),
            dataIndex: 'organizationName',
            render: (v: string, r) => (
              <Space direction="vertical" size={2}>
                {v}
                {r.allTop ? <Tag color="orange">{label(L.allTop)}</Tag> : null}
              </Space>
            ),
          },
          ...RATING_LEVELS.map((l) => ({
            title: <span title={label(RATING_LABELS[l])}>{RATING_LABELS[l].short}</span>,
            key: l,
            render: (_: unknown, r: Row) => r.counts[l],
          })),
          { title: label(L.total), dataIndex: 'total' },
          { title: String(year), key: 'bar', render: (_: unknown, r: Row) => <RatingBar counts={r.counts} /> },
          {
            title: label(L.topShareByYear),
            key: 'trend',
            render: (_: unknown, r: Row) => (
              <Space size={4} wrap>
                {r.trend.map((t) => (
                  <Tag key={t.year} color={t.allTop ? 'orange' : undefined}>
                    {t.year}: {pct(t.topPercent)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: label(L.topChange),
            key: 'change',
            render: (_: unknown, r: Row) =>
              r.topChange === null ? (
                '—'
              ) : (
                <Tag color={r.topChange > 0 ? 'volcano' : r.topChange < 0 ? 'green' : undefined}>
                  {r.topChange > 0 ? '+' : ''}
                  {String(r.topChange).replace('.', ',')} {label(L.percentPoints)}
                </Tag>
              ),
          },
        ]}
      />
      {data?.notComplete.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {label(L.notComplete)}
          </Typography.Title>
          {data.notComplete.map((n) => (
            <Alert
              key={n.evaluationId}
              type="warning"
              style={{ marginBottom: 6 }}
              title={`${n.personName} — ${n.organizationName}`}
              description={label(n.suggestion)}
              action={
                hasAnyRole(roles, ['officer']) ? (
                  <StartProcess preset={{ personId: n.personId, fullName: n.personName }} />
                ) : undefined
              }
            />
          ))}
        </>
      ) : null}
    </div>
  );
}
