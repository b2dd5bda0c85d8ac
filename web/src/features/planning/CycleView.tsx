import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import {
  COMMITTEE_KIND_LABELS,
  CYCLE_STATUSES,
  CYCLE_STATUS_LABELS,
  type Candidate,
  type CycleDetail,
  PLANNING_LEVEL_LABELS,
  type Plan,
  type PlanVerdict,
  READINESS,
  READINESS_LABELS,
  SUBJECT_GROUP_LABELS,
} from '@contracts/planning';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { FinderDrawer } from './FinderDrawer';
import { ReportPanel } from './ReportPanel';
import { ReviewPanel } from './ReviewPanel';
import { RoundsPanel } from './RoundsPanel';
import { SeatPicker } from './SeatPicker';
import { TrainingDrawer } from './TrainingDrawer';
import { ChecksDrawer } from './ChecksDrawer';
import { L } from './texts';

const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
/**
 * The verdicts of the title's standards (qualifications; language and IT): in planning, what a person lacks is a
 * training need.
 */
const isStandard = (v: PlanVerdict) => v.ruleId.startsWith('standards.');
const needsTraining = (c: Candidate) => c.verdicts.some((v) => isStandard(v) && v.status !== 'passed');
const pct = (n: number, total: number) => (total ? `${((100 * n) / total).toFixed(1).replace('.', ',')}%` : '—');

/** A verdict as a personnel officer reads it: what failed, why, and the document it comes from. */
function VerdictTag({ v, onException }: { v: PlanVerdict; onException?: (v: PlanVerdict) => void }) {
  const { label } = useI18n();
  const color = v.status === 'failed' ? (v.exceptionId ? 'gold' : 'red') : 'orange';
  return (
    <div style={{ marginBottom: 4 }} data-testid={`verdict-${v.ruleId}`}>
      <Tag color={color}>{v.exceptionId ? label(L.excepted) : v.status === 'failed' ? '✗' : '!'}</Tag>
      <span>{label(v.detail)}</span>{' '}
      <Typography.Text type="secondary" data-testid="citation">
        ({v.citation.text})
      </Typography.Text>
      {onException && v.blocking ? (
        <Button size="small" type="link" onClick={() => onException(v)} data-testid="record-exception">
          {label(L.exception)}
        </Button>
      ) : null}
    </div>
  );
}

export function CycleView({ id }: { id: string }) {
  const { label, lang } = useI18n();
  const { roles } = useSession();
  const { message } = App.useApp();
  const canWrite = hasAnyRole(roles, ['officer', 'admin']);
  const query = useApiQuery<CycleDetail>(`/api/planning/cycles/${id}`);
  const [detail, setDetail] = useState<CycleDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [finderPlan, setFinderPlan] = useState<Plan | null>(null);
  const [trainingPlan, setTrainingPlan] = useState<Plan | null>(null);
  const [checksOf, setChecksOf] = useState<Candidate | null>(null);
  const [exceptionFor, setExceptionFor] = useState<PlanVerdict | null>(null);
  const cycle = detail?.id === id ? detail : query.data;

  const run = async (p: Promise<CycleDetail>) => {
    try {
      setDetail(await p);
      setError(null);
      return true;
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
      return false;
    }
  };

  const refresh = () => void run(api.get<CycleDetail>(`/api/planning/cycles/${id}`));

  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!cycle) return null;
  const nextStatus = CYCLE_STATUSES[CYCLE_STATUSES.indexOf(cycle.status) + 1];
  const s = cycle.structure;

  return (
    <>
      <Link to="/planning">{label(L.back)}</Link>
      <PageHeader
        title={cycle.name}
        intro={`${cycle.organizationName} · ${label(PLANNING_LEVEL_LABELS[cycle.level])} · ${label(L.term)} ${cycle.termFrom}–${cycle.termTo}`}
        extra={
          nextStatus && canWrite ? (
            <Button
              type="primary"
              data-testid="planning-next-status"
              onClick={() => void run(api.post(`/api/planning/cycles/${id}/status`, { status: nextStatus }))}
            >
              {label(L.next).replace('{s}', label(CYCLE_STATUS_LABELS[nextStatus]))}
            </Button>
          ) : null
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={label(L.status)}>
          <Tag data-testid="planning-status">{label(CYCLE_STATUS_LABELS[cycle.status])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={label(L.authority)}>{cycle.approvingAuthority}</Descriptions.Item>
        <Descriptions.Item label={label(L.reference)}>
          {vnDate(cycle.referenceDate)}
          {cycle.referenceLabel ? ` (${cycle.referenceLabel})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={label(L.structure)}>
          {label(L.people)}: {s.total} · {label(L.women)}: {s.women} ({pct(s.women, s.total)}) · {label(L.young)}
          {s.youngUnderYears ? ` <${s.youngUnderYears}` : ''}: {s.young} ({pct(s.young, s.total)}) · {label(L.minority)}:{' '}
          {s.ethnicMinority} ({pct(s.ethnicMinority, s.total)})
        </Descriptions.Item>
        <Descriptions.Item label={label(L.checks)} span={2}>
          {cycle.blockingCount ? (
            <Tag color="red" data-testid="planning-blocking">
              {cycle.blockingCount} {label(L.blocking)}
            </Tag>
          ) : (
            <Tag color="green" data-testid="planning-blocking">
              {label(L.noBlocking)}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {error ? <ApiErrorAlert error={error} /> : null}
      {cycle.verdicts.filter((v) => v.status !== 'passed').length ? (
        <Card size="small" title={label(L.cycleChecks)} style={{ marginBottom: 16 }}>
          {cycle.verdicts
            .filter((v) => v.status !== 'passed')
            .map((v, i) => (
              <VerdictTag key={i} v={v} onException={canWrite ? setExceptionFor : undefined} />
            ))}
        </Card>
      ) : null}
      <Tabs
        items={[
          {
            key: 'plans',
            label: label(L.tabList),
            children: (
              <>
                {canWrite && cycle.status !== 'submitted' ? <SeatPicker cycle={cycle} onDone={(d) => setDetail(d)} /> : null}
                {cycle.plans.map((plan) => (
                  <PlanCard
                    key={plan.id}
                    plan={plan}
                    canWrite={canWrite && cycle.status !== 'submitted'}
                    onFinder={() => setFinderPlan(plan)}
                    onTraining={() => setTrainingPlan(plan)}
                    onAllChecks={setChecksOf}
                    onException={setExceptionFor}
                    onChange={(p) => void run(p)}
                  />
                ))}
              </>
            ),
          },
          {
            key: 'rounds',
            label: <span data-testid="tab-rounds">{label(L.tabRounds)}</span>,
            children: <RoundsPanel cycle={cycle} canWrite={canWrite} onChanged={refresh} />,
          },
          {
            key: 'review',
            label: <span data-testid="tab-review">{label(L.tabReview)}</span>,
            children: <ReviewPanel cycle={cycle} canWrite={canWrite} onChanged={refresh} />,
          },
          {
            key: 'report',
            label: <span data-testid="tab-report">{label(L.tabReport)}</span>,
            children: <ReportPanel key={`${cycle.candidateCount}:${cycle.status}`} cycleId={cycle.id} />,
          },
        ]}
      />
      {finderPlan ? (
        <FinderDrawer
          plan={finderPlan}
          onClose={() => setFinderPlan(null)}
          onAdd={async (personId) => {
            if (await run(api.post(`/api/planning/plans/${finderPlan.id}/candidates`, { personId })))
              void message.success(lang === 'vi' ? 'Đã đưa vào quy hoạch' : 'Added to the plan');
          }}
        />
      ) : null}
      {trainingPlan ? <TrainingDrawer cycle={cycle} plan={trainingPlan} onClose={() => setTrainingPlan(null)} /> : null}
      {checksOf ? (
        <ChecksDrawer
          planId={checksOf.planId}
          personId={checksOf.personId}
          fullName={checksOf.fullName}
          onClose={() => setChecksOf(null)}
        />
      ) : null}
      {exceptionFor ? (
        <ExceptionModal
          verdict={exceptionFor}
          onClose={() => setExceptionFor(null)}
          onSave={async (body) => {
            if (await run(api.post(`/api/planning/cycles/${id}/exceptions`, body))) setExceptionFor(null);
          }}
        />
      ) : null}
    </>
  );
}

function PlanCard(props: {
  plan: Plan;
  canWrite: boolean;
  onFinder: () => void;
  onTraining: () => void;
  onAllChecks: (c: Candidate) => void;
  onException: (v: PlanVerdict) => void;
  onChange: (p: Promise<CycleDetail>) => void;
}) {
  const { plan, canWrite } = props;
  const { label } = useI18n();
  const needing = plan.candidates.filter(needsTraining).length;
  const title =
    plan.kind === 'seat'
      ? `${plan.titleName} — ${plan.organizationName}`
      : `${plan.committeeKind ? label(COMMITTEE_KIND_LABELS[plan.committeeKind]) : label(L.committee)} — ${plan.organizationName} (${plan.statutorySize} ${label(L.statutorySize)})`;
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      data-testid="planning-plan"
      extra={
        <Space>
          {plan.candidates.length ? (
            <Button onClick={props.onTraining} data-testid="planning-training-open">
              {label(L.trainingNeeds)} (
              {label(L.trainingCount).replace('{n}', String(needing)).replace('{t}', String(plan.candidates.length))})
            </Button>
          ) : null}
          {canWrite && plan.kind === 'seat' ? (
            <Button onClick={props.onFinder} data-testid="planning-finder">
              {label(L.finder)}
            </Button>
          ) : null}
        </Space>
      }
    >
      {plan.kind === 'seat' ? (
        <Typography.Paragraph>
          {label(L.incumbent)}:{' '}
          {plan.incumbents.length
            ? plan.incumbents.map((i) => `${i.fullName}${i.termEnd ? ` (hết nhiệm kỳ ${vnDate(i.termEnd)})` : ''}`).join(', ')
            : label(L.none)}
        </Typography.Paragraph>
      ) : null}
      {plan.verdicts.map((v, i) => (
        <VerdictTag key={i} v={v} onException={canWrite ? props.onException : undefined} />
      ))}
      <Table<Candidate>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plan.candidates}
        columns={[
          { title: label(L.rank), dataIndex: 'rank', width: 60 },
          { title: label(L.person), dataIndex: 'fullName' },
          { title: label(L.born), render: (_, c) => vnDate(c.birthDate) },
          { title: label(L.currentTitle), render: (_, c) => c.currentTitle ?? '—' },
          { title: label(L.subjectGroup), render: (_, c) => label(SUBJECT_GROUP_LABELS[c.subjectGroup]) },
          {
            title: label(L.readiness),
            render: (_, c) =>
              canWrite ? (
                <Select
                  size="small"
                  value={c.readiness}
                  style={{ width: 130 }}
                  options={READINESS.map((r) => ({ value: r, label: label(READINESS_LABELS[r]) }))}
                  onChange={(readiness) =>
                    props.onChange(api.patch<CycleDetail>(`/api/planning/candidates/${c.id}`, { readiness }))
                  }
                />
              ) : (
                label(READINESS_LABELS[c.readiness])
              ),
          },
          { title: label(L.retires), render: (_, c) => vnDate(c.retirementDate) },
          {
            title: label(L.trainingColumn),
            render: (_, c) => {
              const gaps = c.verdicts.filter((v) => isStandard(v) && v.status !== 'passed');
              return gaps.length ? (
                gaps.map((v, i) => (
                  <Typography.Paragraph
                    key={i}
                    data-testid="candidate-training"
                    style={{ fontSize: 12, marginBottom: 0 }}
                    ellipsis={{ rows: 3, expandable: true, symbol: label(L.more) }}
                  >
                    {label(v.detail)} ({v.citation.text})
                  </Typography.Paragraph>
                ))
              ) : (
                <Tag color="green">{label(L.meetsStandards)}</Tag>
              );
            },
          },
          {
            title: label(L.checks),
            render: (_, c) => {
              const failed = c.verdicts.filter((v) => v.status === 'failed');
              const warnings = c.verdicts.filter((v) => v.status === 'warning' && !isStandard(v));
              return (
                <>
                  {failed.map((v, i) => (
                    <VerdictTag key={i} v={v} onException={canWrite ? props.onException : undefined} />
                  ))}
                  {failed.length === 0 ? <Tag color="green">{label(L.allPassed)}</Tag> : null}
                  {warnings.length ? (
                    <Tooltip
                      title={warnings.map((v, i) => (
                        <div key={i}>
                          {label(v.detail)} ({v.citation.text})
                        </div>
                      ))}
                    >
                      <Tag color="orange">{label(L.warnings).replace('{n}', String(warnings.length))}</Tag>
                    </Tooltip>
                  ) : null}
                  <div>
                    <Button
                      size="small"
                      type="link"
                      // Secondary, not the theme's red: it opens passes, not a problem.
                      style={{ padding: 0, height: 'auto', fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}
                      onClick={() => props.onAllChecks(c)}
                      data-testid="candidate-all-checks"
                    >
                      {label(L.passedChecks).replace('{n}', String(c.passedCount))}
                    </Button>
                  </div>
                </>
              );
            },
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, c: Candidate) => (
                    <RemoveButton
                      onRemove={(reason) => props.onChange(api.post(`/api/planning/candidates/${c.id}/remove`, { reason }))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function RemoveButton({ onRemove }: { onRemove: (reason: string) => void }) {
  const { label } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {label(L.remove)}
      </Button>
      <Modal
        open={open}
        title={label(L.removeReason)}
        okButtonProps={{ disabled: reason.trim().length < 3 }}
        onOk={() => {
          onRemove(reason.trim());
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

function ExceptionModal(props: {
  verdict: PlanVerdict;
  onClose: () => void;
  onSave: (body: Record<string, unknown>) => Promise<void>;
}) {
  const { label } = useI18n();
  const [form] = Form.useForm<{ decisionRef: string; decidedBy: string; decidedOn: dayjs.Dayjs; reason: string }>();
  return (
    <Modal open title={label(L.exceptionTitle)} onCancel={props.onClose} onOk={() => form.submit()} okText={label(L.exception)}>
      <Typography.Paragraph>
        {label(props.verdict.detail)} ({props.verdict.citation.text})
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decidedOn: dayjs() }}
        onFinish={(v) =>
          void props.onSave({
            planId: props.verdict.planId,
            ruleId: props.verdict.ruleId,
            personId: props.verdict.personId,
            decisionRef: v.decisionRef,
            decidedBy: v.decidedBy,
            decidedOn: v.decidedOn.format('YYYY-MM-DD'),
            reason: v.reason,
          })
        }
      >
        <Form.Item name="decisionRef" label={label(L.decisionRef)} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="exception-ref" />
        </Form.Item>
        <Form.Item name="decidedBy" label={label(L.decidedBy)} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="exception-by" />
        </Form.Item>
        <Form.Item name="decidedOn" label={label(L.decidedOn)}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={label(L.reason)} rules={[{ required: true, min: 3 }]}>
          <Input.TextArea data-testid="exception-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
