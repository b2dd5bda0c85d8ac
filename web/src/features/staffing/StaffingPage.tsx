import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import {
  JOB_POSITION_CATEGORY_LABELS,
  STAFFING_CATEGORY_LABELS,
  type JobPosition,
  type StaffingCategory,
  type StaffingRow,
  type StaffingTable,
  type jobPositionListSchema,
} from '@contracts/staffing';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../ui/useApiQuery';
import { s } from './messages';
import { JobAssignmentsModal } from './JobAssignments';
import { CloseModal, JobPositionModal, QuotaModal } from './StaffingForms';

type Jobs = z.infer<typeof jobPositionListSchema>;

/** A bar of the actual count against the quota: red beyond the quota. */
function QuotaBar({ quota, actual, max }: { quota: number; actual: number; max: number }) {
  const width = (n: number) => `${Math.min(100, (n / Math.max(max, 1)) * 100)}%`;
  return (
    <div style={{ position: 'relative', height: 14, background: '#f5f5f5', borderRadius: 2, minWidth: 160 }} aria-hidden>
      <div style={{ position: 'absolute', inset: 0, width: width(quota), background: '#d9d9d9', borderRadius: 2 }} />
      <div
        style={{
          position: 'absolute',
          top: 3,
          bottom: 3,
          left: 0,
          width: width(actual),
          background: actual > quota ? '#cf1322' : '#389e0d',
        }}
      />
    </div>
  );
}

/** Quota vs actual per unit and category, rolled up the tree, with the Kết luận 40 target; the unit's job positions. */
export function StaffingPage() {
  const { t, label } = useI18n();
  const [organizationId, setOrganizationId] = useState<string>();
  const [year, setYear] = useState(new Date().getFullYear());
  const [category, setCategory] = useState<StaffingCategory>('cadre_civil_servant');
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  return (
    <>
      <PageHeader title={t('staff.title')} intro={t('staff.intro')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 420 }} data-testid="staffing-unit">
          <OrganizationSelect value={organizationId} onChange={setOrganizationId} placeholder={t('staff.pickUnit')} />
        </div>
        <InputNumber
          min={2015}
          max={2040}
          value={asOf ? asOf.year() : year}
          disabled={asOf !== null}
          onChange={(v) => v && setYear(v)}
          prefix={t('staff.year')}
        />
        <Tooltip title={label(s.asOfHelp)}>
          <DatePicker
            format="DD/MM/YYYY"
            value={asOf}
            onChange={(d) => setAsOf(d ?? null)}
            placeholder={label(s.asOf)}
            allowClear
            data-testid="staffing-asof"
          />
        </Tooltip>
        <Space.Compact>
          {(['cadre_civil_servant', 'public_employee', 'contract'] as const).map((c) => (
            <Tag.CheckableTag key={c} checked={category === c} onChange={() => setCategory(c)}>
              {label(STAFFING_CATEGORY_LABELS[c])}
            </Tag.CheckableTag>
          ))}
        </Space.Compact>
      </Space>
      {organizationId ? (
        <StaffingView
          organizationId={organizationId}
          year={asOf ? asOf.year() : year}
          asOf={asOf ? asOf.format('YYYY-MM-DD') : undefined}
          category={category}
        />
      ) : (
        <Empty description={t('staff.pickHelp')} />
      )}
    </>
  );
}

function StaffingView({
  organizationId,
  year,
  asOf,
  category,
}: {
  organizationId: string;
  year: number;
  asOf?: string;
  category: StaffingCategory;
}) {
  const { t, label, lang } = useI18n();
  const table = useApiQuery<StaffingTable>('/api/staffing', asOf ? { organizationId, asOf } : { organizationId, year });
  const jobs = useApiQuery<Jobs>('/api/job-positions', asOf ? { organizationId, asOf } : { organizationId });
  const [quotaOpen, setQuotaOpen] = useState(false);
  const [jobForm, setJobForm] = useState<{ job: JobPosition | null } | null>(null);
  const [closing, setClosing] = useState<JobPosition | null>(null);
  const [people, setPeople] = useState<JobPosition | null>(null);
  const data = table.data;
  const fig = (row: StaffingRow) => row.rolledUp.find((f) => f.category === category);
  const max = Math.max(0, ...(data?.rows ?? []).map((r) => Math.max(fig(r)?.quota ?? 0, fig(r)?.actual ?? 0)));
  const columns: TableColumnsType<StaffingRow> = [
    {
      title: t('staff.unit'),
      dataIndex: 'organizationName',
      render: (name: string, row) => <span style={{ paddingLeft: row.depth * 16 }}>{name}</span>,
    },
    { title: t('staff.quota'), width: 100, render: (_, row) => fig(row)?.quota ?? '—' },
    {
      title: t('staff.actual'),
      width: 100,
      render: (_, row) => {
        const f = fig(row);
        if (!f) return '—';
        return f.actual > f.quota ? <Typography.Text type="danger">{f.actual}</Typography.Text> : f.actual;
      },
    },
    {
      title: label(s.difference),
      width: 120,
      render: (_, row) => {
        const f = fig(row);
        if (!f || f.quota === 0) return '—';
        if (f.difference > 0) return <Typography.Text type="danger">+{f.difference}</Typography.Text>;
        return <Typography.Text type="secondary">{f.difference === 0 ? '0' : `−${-f.difference}`}</Typography.Text>;
      },
    },
    {
      title: t('staff.chart'),
      width: 220,
      render: (_, row) => (fig(row) ? <QuotaBar quota={fig(row)!.quota} actual={fig(row)!.actual} max={max} /> : null),
    },
    { title: t('staff.baseline'), width: 110, render: (_, row) => fig(row)?.baseline2021 ?? '—' },
    {
      title: t('staff.target'),
      width: 130,
      render: (_, row) => {
        const f = fig(row);
        if (!f || f.target === null) return '—';
        return f.quota <= f.target ? <Tag color="green">≤ {f.target}</Tag> : <Tag color="red">≤ {f.target}</Tag>;
      },
    },
  ];
  const jobColumns: TableColumnsType<JobPosition> = [
    { title: t('jobs.name'), dataIndex: 'name' },
    { title: t('jobs.category'), dataIndex: 'category', render: (_, j) => label(JOB_POSITION_CATEGORY_LABELS[j.category]) },
    { title: t('jobs.rank'), dataIndex: 'requiredRank' },
    { title: t('jobs.count'), dataIndex: 'count', width: 90 },
    { title: t('jobs.assigned'), dataIndex: 'assigned', width: 110 },
    {
      title: label(s.actions),
      width: 270,
      render: (_, j) => (
        <Space size={4}>
          <Button size="small" onClick={() => setPeople(j)} data-testid={`job-people-${j.name}`}>
            {label(s.people)}
          </Button>
          <Button size="small" onClick={() => setJobForm({ job: j })} data-testid={`job-edit-${j.name}`}>
            {label(s.edit)}
          </Button>
          <Button size="small" danger onClick={() => setClosing(j)}>
            {label(s.close)}
          </Button>
        </Space>
      ),
    },
  ];
  const refresh = () => {
    setQuotaOpen(false);
    setJobForm(null);
    setClosing(null);
    table.reload();
    jobs.reload();
  };
  return (
    <>
      {table.error ? <ApiErrorAlert error={table.error} onRetry={table.reload} /> : null}
      {data ? (
        <>
          {data.verdicts.map((v) => (
            <Alert
              key={`${v.ruleId}-${v.subjectId}-${v.detail}`}
              type={v.passed ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 8 }}
              title={lang === 'vi' ? v.detail : v.detailEn}
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.ruleId} — {v.citation}
                </Typography.Text>
              }
            />
          ))}
          {data.asOf ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={label(s.asOfNote).replace('{date}', formatDate(data.asOf))}
              data-testid="staffing-asof-note"
            />
          ) : null}
          <Space style={{ marginBottom: 8 }} wrap>
            <Button onClick={() => setQuotaOpen(true)} data-testid="quota-set">
              {label(s.setQuota)}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label(s.actualHelp)}
            </Typography.Text>
          </Space>
          <Table<StaffingRow>
            rowKey="organizationId"
            size="small"
            columns={columns}
            dataSource={data.rows.filter((r) => r.rolledUp.length > 0)}
            pagination={{ pageSize: 50 }}
            loading={table.loading}
            data-testid="staffing-table"
          />
          <Card
            size="small"
            title={t('jobs.title')}
            style={{ marginTop: 16 }}
            extra={
              <Button size="small" onClick={() => setJobForm({ job: null })} data-testid="job-add">
                {label(s.addJob)}
              </Button>
            }
          >
            <Table<JobPosition>
              rowKey="id"
              size="small"
              columns={jobColumns}
              dataSource={jobs.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t('jobs.empty') }}
              data-testid="jobs-table"
            />
          </Card>
        </>
      ) : null}
      {quotaOpen ? (
        <QuotaModal
          open
          organizationId={organizationId}
          year={year}
          category={category}
          onClose={() => setQuotaOpen(false)}
          onDone={refresh}
        />
      ) : null}
      {jobForm ? (
        <JobPositionModal
          open
          organizationId={organizationId}
          job={jobForm.job}
          onClose={() => setJobForm(null)}
          onDone={refresh}
        />
      ) : null}
      {people ? (
        <JobAssignmentsModal
          job={people}
          onClose={() => {
            setPeople(null);
            jobs.reload();
          }}
        />
      ) : null}
      {closing ? (
        <CloseModal
          title={`${label(s.closeJob)}: ${closing.name}`}
          path={`/api/job-positions/${closing.id}/close`}
          onClose={() => setClosing(null)}
          onDone={refresh}
        />
      ) : null}
    </>
  );
}
