import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import {
  COURSE_KINDS,
  COURSE_KIND_LABELS,
  ENROLMENT_STATUS_LABELS,
  type CourseKind,
  type TrainingPlan,
} from '@contracts/training';
import { urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { M } from './messages';

/** A unit's training plan for the year: courses and people by kind, then who must finish what by when. */
export function YearPlanPanel({ year }: { year: number }) {
  const { label } = useI18n();
  const [organizationId, setOrganizationId] = useState<string>();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{label(M.unit)}</Typography.Text>
        <div style={{ minWidth: 380 }}>
          <OrganizationSelect value={organizationId} onChange={setOrganizationId} placeholder={label(M.chooseUnit)} />
        </div>
        {organizationId ? (
          <Button href={urlWithQuery('/api/training/plan.xlsx', { organizationId, year })}>{label(M.exportXlsx)}</Button>
        ) : null}
      </Space>
      {organizationId ? (
        <PlanTables organizationId={organizationId} year={year} />
      ) : (
        <Alert type="info" title={label(M.chooseUnit)} />
      )}
    </>
  );
}

type Due = TrainingPlan['due'][number];

function PlanTables({ organizationId, year }: { organizationId: string; year: number }) {
  const { label } = useI18n();
  const plan = useApiQuery<TrainingPlan>('/api/training/plan', { organizationId, year });
  const rows = COURSE_KINDS.map((k) => ({ kind: k, ...(plan.data?.byKind[k] ?? { courses: 0, enrolled: 0, completed: 0 }) }));
  return (
    <>
      {plan.error ? <ApiErrorAlert error={plan.error} onRetry={plan.reload} /> : null}
      <Table
        rowKey="kind"
        size="small"
        data-testid="plan-by-kind"
        loading={plan.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: label(M.kind), dataIndex: 'kind', key: 'k', render: (k: CourseKind) => label(COURSE_KIND_LABELS[k]) },
          { title: label(M.coursesCount), dataIndex: 'courses', key: 'c' },
          { title: label(M.enrolledCount), dataIndex: 'enrolled', key: 'e' },
          { title: label(M.completedCount), dataIndex: 'completed', key: 'd' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {label(M.who)}
      </Typography.Title>
      <Table<Due>
        rowKey={(d) => `${d.personName}-${d.courseName}`}
        size="small"
        loading={plan.loading}
        dataSource={plan.data?.due ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: label(M.empty) }}
        columns={[
          { title: label(M.person), dataIndex: 'personName', key: 'p' },
          { title: label(M.course), dataIndex: 'courseName', key: 'c' },
          { title: label(M.kind), dataIndex: 'kind', key: 'k', render: (k: CourseKind) => label(COURSE_KIND_LABELS[k]) },
          { title: label(M.dueBy), dataIndex: 'dueBy', key: 'd', render: (d: string | null) => formatDate(d) },
          {
            title: label(M.status),
            dataIndex: 'status',
            key: 's',
            render: (s: Due['status']) => (
              <Tag color={s === 'completed' ? 'green' : s === 'failed' ? 'red' : 'blue'}>{label(ENROLMENT_STATUS_LABELS[s])}</Tag>
            ),
          },
        ]}
      />
    </>
  );
}
