import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import {
  JOB_POSITION_CATEGORIES,
  JOB_POSITION_CATEGORY_LABELS,
  STAFFING_CATEGORIES,
  STAFFING_CATEGORY_LABELS,
  STAFFING_LIMITS,
  type JobPosition,
  type JobPositionHistory,
  type JobPositionCategory,
  type quotaHistorySchema,
  type StaffingCategory,
} from '@contracts/staffing';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { period } from '../org-tree/IncumbentForms';
import { useApiQuery } from '../../ui/useApiQuery';
import { EndFromModal, FormModal } from './FormModal';
import { s } from './messages';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
type QuotaHistory = z.infer<typeof quotaHistorySchema>;

interface QuotaValues {
  organizationId: string;
  year: number;
  category: StaffingCategory;
  quota: number;
  validFrom?: Dayjs;
  decisionRef?: string;
}

/** Sets a unit's quota for a year and category (the actual count comes from the records). */
export function QuotaModal({
  open,
  organizationId,
  year,
  category,
  onClose,
  onDone,
}: {
  open: boolean;
  organizationId: string;
  year: number;
  category: StaffingCategory;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  const required = { required: true, message: label(s.required) };
  return (
    <FormModal<QuotaValues>
      open={open}
      title={label(s.setQuota)}
      fields={['organizationId', 'year', 'category', 'quota', 'validFrom', 'decisionRef']}
      initialValues={{ organizationId, year, category }}
      onSubmit={(v) =>
        api.post('/api/staffing/quotas', {
          organizationId: v.organizationId,
          year: v.year,
          category: v.category,
          quota: v.quota,
          validFrom: v.validFrom ? iso(v.validFrom) : undefined,
          decisionRef: v.decisionRef?.trim() || undefined,
        })
      }
      onDone={onDone}
      onClose={onClose}
      doneText={label(s.quotaSaved)}
      testId="quota-form"
    >
      {() => (
        <>
          <Form.Item name="organizationId" label={label(s.unit)} rules={[required]}>
            <OrganizationSelect />
          </Form.Item>
          <Form.Item name="year" label={label(s.year)} rules={[required]}>
            <InputNumber min={STAFFING_LIMITS.yearMin} max={STAFFING_LIMITS.yearMax} />
          </Form.Item>
          <Form.Item name="category" label={label(s.category)} rules={[required]}>
            <Select options={STAFFING_CATEGORIES.map((c) => ({ value: c, label: label(STAFFING_CATEGORY_LABELS[c]) }))} />
          </Form.Item>
          <Form.Item name="quota" label={label(s.quota)} rules={[required]}>
            <InputNumber min={0} max={STAFFING_LIMITS.quotaMax} style={{ width: 200 }} data-testid="quota-input" />
          </Form.Item>
          <Form.Item name="validFrom" label={label(s.quotaFrom)} extra={label(s.quotaFromHelp)}>
            <DatePicker format="DD/MM/YYYY" data-testid="quota-from" />
          </Form.Item>
          <Form.Item name="decisionRef" label={label(s.decisionRef)}>
            <Input maxLength={100} placeholder="45/QĐ-UBND" />
          </Form.Item>
          <QuotaHistoryList organizationId={organizationId} year={year} />
        </>
      )}
    </FormModal>
  );
}

/** The figures a unit's quotas of the year have had (each category, from – to, decision). */
function QuotaHistoryList({ organizationId, year }: { organizationId: string; year: number }) {
  const { label } = useI18n();
  const h = useApiQuery<QuotaHistory>('/api/staffing/quotas/history', { organizationId, year });
  const versions = h.data?.versions ?? [];
  if (versions.length === 0) return null;
  return (
    <div data-testid="quota-history">
      <Typography.Text strong>{label(s.quotaHistory)}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {versions.map((v) => (
          <li key={`${v.category}-${v.validFrom}`}>
            {label(STAFFING_CATEGORY_LABELS[v.category])}: <b>{v.quota}</b> ({period(v.validFrom, v.validTo, label(s.now))})
            {v.decisionRef ? `, ${v.decisionRef}` : ''}
            {v.byEvent ? `, ${label(s.byEvent)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface JobValues {
  name: string;
  category: JobPositionCategory;
  requiredRank: string;
  count: number;
  validFrom?: Dayjs;
  /** a change of count: its first day, and the decision */
  from?: Dayjs;
  decisionRef?: string;
}

/** Creates a job position of a unit, or changes one (`job`). */
export function JobPositionModal({
  open,
  organizationId,
  job,
  onClose,
  onDone,
}: {
  open: boolean;
  organizationId: string;
  job: JobPosition | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  const required = { required: true, message: label(s.required) };
  return (
    <FormModal<JobValues>
      open={open}
      title={label(job ? s.editJob : s.addJob)}
      fields={['name', 'category', 'requiredRank', 'count', 'validFrom', 'from', 'decisionRef']}
      initialValues={
        job
          ? { name: job.name, category: job.category, requiredRank: job.requiredRank, count: job.count }
          : { category: 'professional', count: 1, validFrom: dayjs() }
      }
      onSubmit={(v) =>
        job
          ? api.patch(`/api/job-positions/${job.id}`, {
              name: v.name,
              category: v.category,
              requiredRank: v.requiredRank,
              count: v.count,
              from: v.from ? iso(v.from) : undefined,
              decisionRef: v.decisionRef?.trim() || undefined,
            })
          : api.post('/api/job-positions', {
              organizationId,
              name: v.name,
              category: v.category,
              requiredRank: v.requiredRank,
              count: v.count,
              validFrom: iso(v.validFrom!),
            })
      }
      onDone={onDone}
      onClose={onClose}
      doneText={label(s.saved)}
      testId="job-form"
    >
      {() => (
        <>
          <Form.Item name="name" label={label(s.jobName)} rules={[required, { max: 300 }]}>
            <Input data-testid="job-name" />
          </Form.Item>
          <Form.Item name="category" label={label(s.jobCategory)} rules={[required]}>
            <Select options={JOB_POSITION_CATEGORIES.map((c) => ({ value: c, label: label(JOB_POSITION_CATEGORY_LABELS[c]) }))} />
          </Form.Item>
          <Form.Item name="requiredRank" label={label(s.jobRank)} rules={[required, { max: 40 }]}>
            <Input placeholder="Chuyên viên" data-testid="job-rank" />
          </Form.Item>
          <Form.Item name="count" label={label(s.jobCount)} rules={[required]}>
            <InputNumber min={1} max={1000} data-testid="job-count" />
          </Form.Item>
          {job ? (
            <>
              <Form.Item name="from" label={label(s.jobCountFrom)} extra={label(s.jobCountFromHelp)}>
                <DatePicker format="DD/MM/YYYY" data-testid="job-count-from" />
              </Form.Item>
              <Form.Item name="decisionRef" label={label(s.jobDecisionRef)}>
                <Input maxLength={100} placeholder="12/QĐ-UBND" data-testid="job-decision" />
              </Form.Item>
              <JobCountHistoryList jobPositionId={job.id} />
            </>
          ) : (
            <Form.Item name="validFrom" label={label(s.validFrom)} rules={[required]}>
              <DatePicker format="DD/MM/YYYY" data-testid="job-valid-from" />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}

/** The head counts a job position has had (from – to, decision). */
function JobCountHistoryList({ jobPositionId }: { jobPositionId: string }) {
  const { label } = useI18n();
  const h = useApiQuery<JobPositionHistory>(`/api/job-positions/${jobPositionId}/history`);
  const versions = h.data?.versions ?? [];
  if (versions.length === 0) return null;
  return (
    <div data-testid="job-count-history">
      <Typography.Text strong>{label(s.jobCountHistory)}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {versions.map((v) => (
          <li key={v.validFrom}>
            <b>{v.count}</b> ({period(v.validFrom, v.validTo, label(s.now))}){v.decisionRef ? `, ${v.decisionRef}` : ''}
            {v.byEvent ? `, ${label(s.byEvent)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Closes a seat or a job position from a date, with the server's reason on the date field when it refuses. */
export function CloseModal({
  title,
  path,
  onClose,
  onDone,
}: {
  title: string;
  path: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  return (
    <EndFromModal
      title={title}
      path={path}
      field="validTo"
      dateLabel={label(s.validTo)}
      help={label(s.validToHelp)}
      doneText={label(s.closed)}
      testId="close-form"
      onClose={onClose}
      onDone={onDone}
    />
  );
}
