import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { STATE_MANAGEMENT_LEVELS, THEORY_LEVELS } from '@contracts/person-catalogs';
import type { CycleDetail, Cycle } from '@contracts/planning';
import { EDUCATION_LABELS } from '@contracts/policy';
import {
  COURSE_KINDS,
  COURSE_KIND_LABELS,
  ENROLMENT_STATUS_LABELS,
  STANDARD_REQUIREMENT_LABELS,
  type PlanNeeds,
  type RequirementCheck,
} from '@contracts/training';
import { urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { M } from './messages';

type Person = PlanNeeds['people'][number];

/** For a planning plan: each planned person's gaps against the target title's standards, by a due date; .xlsx export. */
export function NeedsPanel({ year }: { year: number }) {
  const { label } = useI18n();
  const cycles = useApiQuery<{ items: Cycle[] }>('/api/planning/cycles');
  const [cycleId, setCycleId] = useState<string>();
  const [planId, setPlanId] = useState<string>();
  const [dueBy, setDueBy] = useState(`${year + 1}-12-31`);
  useEffect(() => setDueBy(`${year + 1}-12-31`), [year]);
  useEffect(() => {
    if (!cycleId && cycles.data?.items.length) setCycleId(cycles.data.items[0]!.id);
  }, [cycles.data, cycleId]);
  return (
    <>
      {cycles.error ? <ApiErrorAlert error={cycles.error} onRetry={cycles.reload} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{label(M.planningCycle)}</Typography.Text>
        <Select
          data-testid="needs-cycle"
          style={{ minWidth: 380 }}
          value={cycleId}
          onChange={(v) => {
            setCycleId(v);
            setPlanId(undefined);
          }}
          options={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.termFrom}–${c.termTo})` }))}
        />
        {cycleId ? <PlanSelect cycleId={cycleId} value={planId} onChange={setPlanId} /> : null}
        <Typography.Text>{label(M.dueBy)}</Typography.Text>
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          value={dayjs(dueBy)}
          onChange={(d) => d && setDueBy(d.format('YYYY-MM-DD'))}
        />
      </Space>
      {planId ? <NeedsTable planId={planId} dueBy={dueBy} /> : <Alert type="info" title={label(M.choosePlan)} />}
    </>
  );
}

function PlanSelect({ cycleId, value, onChange }: { cycleId: string; value?: string; onChange: (id: string) => void }) {
  const { label } = useI18n();
  const cycle = useApiQuery<CycleDetail>(`/api/planning/cycles/${cycleId}`);
  const plans = cycle.data?.plans ?? [];
  useEffect(() => {
    // A seat plan names its title; a committee plan's people have a title only when one was set for them.
    const first = plans.find((p) => p.titleName) ?? plans[0];
    if (!value && first) onChange(first.id);
  }, [plans, value, onChange]);
  return (
    <>
      <Typography.Text>{label(M.planningPlan)}</Typography.Text>
      <Select
        data-testid="needs-plan"
        style={{ minWidth: 360 }}
        loading={cycle.loading}
        value={value}
        onChange={onChange}
        options={plans.map((p) => ({
          value: p.id,
          label: `${p.titleName ?? (p.kind === 'committee' ? 'Cấp ủy, ban thường vụ' : '')} — ${p.organizationName} (${p.candidates.length} người)`,
        }))}
      />
    </>
  );
}

/** One plan's training needs: what the people still need (the pool's summary), each person's gaps and courses; .xlsx. */
export function NeedsTable({ planId, dueBy }: { planId: string; dueBy: string }) {
  const { label } = useI18n();
  const needs = useApiQuery<PlanNeeds>(`/api/training/plans/${planId}/needs`, { dueBy });
  const data = needs.data;
  return (
    <>
      {needs.error ? <ApiErrorAlert error={needs.error} onRetry={needs.reload} /> : null}
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>
              {label(M.stillNeeded)} ({formatDate(data.dueBy)}):
            </Typography.Text>
            {COURSE_KINDS.filter((k) => data.stillNeeded[k]).map((k) => (
              <Tag key={k} color="orange" data-testid={`still-${k}`}>
                {label(COURSE_KIND_LABELS[k])}: {data.stillNeeded[k]}
              </Tag>
            ))}
            {COURSE_KINDS.every((k) => !data.stillNeeded[k]) ? <Tag color="green">{label(M.nobody)}</Tag> : null}
            <Button href={urlWithQuery(`/api/training/plans/${planId}/needs.xlsx`, { dueBy })}>{label(M.exportXlsx)}</Button>
          </Space>
          <Table<Person>
            rowKey="personId"
            size="small"
            data-testid="needs-table"
            loading={needs.loading}
            dataSource={data.people}
            pagination={false}
            locale={{ emptyText: label(M.empty) }}
            expandable={{
              rowExpandable: (p) => p.checks.length > 0,
              expandedRowRender: (p) => <ChecksTable checks={p.checks} />,
            }}
            columns={[
              { title: label(M.person), dataIndex: 'personName', key: 'n' },
              { title: label(M.unit), dataIndex: 'organizationName', key: 'o' },
              { title: label(M.targetTitle), dataIndex: 'targetTitleName', key: 't' },
              {
                title: label(M.standards),
                key: 's',
                render: (_: unknown, p: Person) =>
                  p.standards ? (
                    <Space direction="vertical" size={0}>
                      <span>
                        {label(M.theory)}: {label(THEORY_LEVELS[p.standards.theory])}
                      </span>
                      {p.standards.education !== 'none' ? (
                        <span>
                          {label(M.education)}: {label(EDUCATION_LABELS[p.standards.education])}
                        </span>
                      ) : null}
                      <span>
                        {label(M.stateManagement)}: {label(STATE_MANAGEMENT_LEVELS[p.standards.stateManagement])}
                      </span>
                      {p.standards.priorPostMonths !== null ? (
                        <span>
                          {label(M.priorPost)}: {p.standards.priorPostMonths} {label(M.months)}
                        </span>
                      ) : null}
                      {p.checks
                        .filter((c) => c.requirement === 'foreignLanguage' || c.requirement === 'informatics')
                        .map((c) => (
                          <span key={c.requirement}>
                            {label(STANDARD_REQUIREMENT_LABELS[c.requirement])}: {label(c.required)}
                          </span>
                        ))}
                      {p.unconfirmed ? <Tag color="gold">{label(M.unconfirmed)}</Tag> : null}
                    </Space>
                  ) : (
                    label(p.targetTitleName ? M.noStandard : M.noTitle)
                  ),
              },
              {
                title: label(M.gaps),
                key: 'g',
                render: (_: unknown, p: Person) =>
                  !p.standards && p.checks.length === 0 ? null : p.gaps.length === 0 ? (
                    <Tag color="green">{label(M.meets)}</Tag>
                  ) : (
                    <Space direction="vertical" size={2}>
                      {p.gaps.map((g) => (
                        <Tag key={g.kind} color={g.kind === 'language' || g.kind === 'it' ? 'orange' : 'red'}>
                          {label(g.detail)}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              {
                title: label(M.already),
                key: 'c',
                render: (_: unknown, p: Person) =>
                  p.courses.map((c) => (
                    <div key={`${c.courseName}-${c.status}`}>
                      {c.courseName} — {label(ENROLMENT_STATUS_LABELS[c.status])}
                      {c.dueBy ? ` (${label(M.dueBy).toLowerCase()} ${formatDate(c.dueBy)})` : ''}
                    </div>
                  )),
              },
            ]}
          />
        </Space>
      ) : null}
    </>
  );
}

const STATUS_COLOR: Record<RequirementCheck['status'], string> = { met: 'green', gap: 'red', not_training: 'default' };

/** Every requirement of the planned title's standards: what the record holds, the verdict, its source and status. */
function ChecksTable({ checks }: { checks: RequirementCheck[] }) {
  const { label } = useI18n();
  return (
    <Table<RequirementCheck>
      rowKey="requirement"
      size="small"
      pagination={false}
      data-testid="needs-checks"
      dataSource={checks}
      columns={[
        { title: label(M.requirement), key: 'r', render: (_, c) => label(STANDARD_REQUIREMENT_LABELS[c.requirement]) },
        { title: label(M.required), key: 'q', render: (_, c) => label(c.required) },
        { title: label(M.has), key: 'h', render: (_, c) => (c.has ? label(c.has) : '—') },
        {
          title: label(M.verdict),
          key: 'v',
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <Tag color={STATUS_COLOR[c.status]}>{label(M[c.status])}</Tag>
              {c.reason ? <Typography.Text type="secondary">{label(c.reason)}</Typography.Text> : null}
            </Space>
          ),
        },
        {
          title: label(M.source),
          key: 's',
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <span>{c.citation}</span>
              <Typography.Text type="secondary">
                {c.entryId}
                {c.confirmed ? '' : ` — ${label(M.unconfirmedShort)}`}
              </Typography.Text>
            </Space>
          ),
        },
      ]}
    />
  );
}
