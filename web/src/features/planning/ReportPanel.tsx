import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { READINESS_LABELS } from '@contracts/planning';
import type { PlanningReport, SuccessionSeat } from '@contracts/planning-work';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

const vnDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');
const READINESS_COLORS = { now: 'green', one_two_years: 'blue', three_five_years: 'default' } as const;

/** Succession chart per seat, coverage of key seats, structure against the targets, age bands; exports. */
export function ReportPanel({ cycleId }: { cycleId: string }) {
  const { label } = useI18n();
  const report = useApiQuery<PlanningReport>(`/api/planning/cycles/${cycleId}/report`);
  if (report.error) return <ApiErrorAlert error={report.error} onRetry={report.reload} />;
  const r = report.data;
  if (!r) return null;
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={`/api/planning/cycles/${cycleId}/list.docx`} data-testid="export-docx">
          {label(L.exportDocx)}
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/planning/cycles/${cycleId}/list.xlsx`} data-testid="export-xlsx">
          {label(L.exportXlsx)}
        </Button>
      </Space>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={label(L.coverage)}>
          <span data-testid="report-coverage">
            {label(L.coverageText)
              .replace('{a}', String(r.coverage.withReadyNow))
              .replace('{b}', String(r.coverage.seats))
              .replace('{p}', String(r.coverage.percent).replace('.', ','))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={label(L.seatsWithout)}>
          {r.coverage.withoutReadyNow.map((s) => `${s.titleName} — ${s.organizationName}`).join('; ') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={label(L.succession)} style={{ marginBottom: 16 }}>
        <Table<SuccessionSeat>
          rowKey="planId"
          size="small"
          pagination={false}
          dataSource={r.seats}
          columns={[
            { title: label(L.seat), render: (_, s) => `${s.titleName} — ${s.organizationName}` },
            {
              title: label(L.incumbent),
              render: (_, s) =>
                s.incumbents.length
                  ? s.incumbents.map((i) => (
                      <div key={i.fullName}>
                        {i.fullName} · {label(L.termEnd)} {vnDate(i.termEnd)} · {label(L.retires)} {vnDate(i.retirementDate)}
                      </div>
                    ))
                  : label(L.none),
            },
            {
              title: label(L.successors),
              render: (_, s) =>
                s.successors.length
                  ? s.successors.map((c, i) => (
                      <div key={c.personId}>
                        {i + 1}. {c.fullName}{' '}
                        <Tag color={READINESS_COLORS[c.readiness]}>{label(READINESS_LABELS[c.readiness])}</Tag>
                        <Typography.Text type="secondary">
                          {label(L.retires)} {vnDate(c.retirementDate)}
                        </Typography.Text>
                        {c.blocking ? <Tag color="red">✗</Tag> : null}
                      </div>
                    ))
                  : label(L.none),
            },
          ]}
        />
      </Card>
      <Card size="small" title={label(L.structure)} style={{ marginBottom: 16 }}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={r.structure}
          columns={[
            { title: '', render: (_, s) => label(s.label) },
            { title: label(L.people), render: (_, s) => `${s.count}/${s.total}` },
            {
              title: label(L.target),
              render: (_, s) =>
                s.targetPercent === null ? (
                  <Typography.Text type="secondary">{label(L.noTarget)}</Typography.Text>
                ) : (
                  <>
                    <Tag color={s.met ? 'green' : 'red'}>≥ {s.targetPercent}%</Tag>
                    <Typography.Text type="secondary">({s.citation})</Typography.Text>
                  </>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={label(L.ageBands)}>
        <Table
          rowKey={(b) => label(b.label)}
          size="small"
          pagination={false}
          dataSource={r.ageBands}
          columns={[
            { title: '', render: (_, b) => label(b.label) },
            { title: label(L.people), dataIndex: 'count' },
          ]}
        />
        {r.ageBandsCitation ? <Typography.Text type="secondary">({r.ageBandsCitation})</Typography.Text> : null}
      </Card>
    </>
  );
}
