import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import {
  DISCIPLINE_LABELS,
  DISCIPLINE_LEVELS,
  EVALUATION_STATUS_LABELS,
  type AppraisalBody,
  type Evaluation,
  type EvaluationFacts,
  RATING_LABELS,
  STEP_LABELS,
  SUBJECT_GROUP_LABELS,
  TASK_OUTCOMES,
  TASK_OUTCOME_LABELS,
  isLeaderGroup,
} from '@contracts/evaluations';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, formatDateTime, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { ScoreForm } from './ScoreForm';
import { L, fill } from './texts';

interface Props {
  id: string | null;
  canManage: boolean;
  onClose: () => void;
  onChanged: () => void;
}

export function levelTag(level: keyof typeof RATING_LABELS | null, lang: 'vi' | 'en') {
  if (!level) return null;
  const color = { excellent: 'green', good: 'blue', complete: 'gold', not_complete: 'red' }[level];
  return (
    <Tag color={color} title={RATING_LABELS[level][lang]}>
      {RATING_LABELS[level].short}
    </Tag>
  );
}

/** One evaluation: tasks, the self-assessment and appraisal sheets, the verdicts with their citations, the steps. */
export function EvaluationDrawer({ id, canManage, onClose, onChanged }: Props) {
  const { label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const detail = useApiQuery<Evaluation>(id ? `/api/evaluations/${id}` : '/api/evaluations/none');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [factsForm] = Form.useForm();
  const [taskForm] = Form.useForm();
  const [complaintForm] = Form.useForm();
  const e = id ? detail.data : undefined;

  const post = async (path: string, body: unknown) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.post(path, body);
      void message.success(label(L.saved));
      detail.reload();
      onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem([error.text(lang), ...error.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))].join(' — '));
    } finally {
      setBusy(false);
    }
  };

  const factsOf = (v: Record<string, unknown>): AppraisalBody['facts'] => ({
    discipline: (v.discipline as EvaluationFacts['discipline']) ?? 'none',
    degradation: Boolean(v.degradation),
    unitPlanPercent: (v.unitPlanPercent as number | null | undefined) ?? null,
    unitMissedBasicTargets: Boolean(v.unitMissedBasicTargets),
    unitsLed: v.unitsTotal
      ? { total: v.unitsTotal as number, notComplete: (v.unitsNotComplete as number | undefined) ?? 0 }
      : null,
    corruptionInManagedUnit: Boolean(v.corruption),
    shortcomingsFixed: v.shortcomingsFixed !== false,
  });

  const canSelf = e && (e.status === 'self_assessment' || e.status === 'appraisal') && (canManage || e.own);
  const canAppraise = e && canManage && (e.status === 'appraisal' || e.status === 'decision');
  const leader = e ? isLeaderGroup(e.subjectGroup) : false;

  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={e ? `${e.personName} — ${e.cycle.title}` : ''} destroyOnHidden>
      {detail.error && id ? <ApiErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {e ? (
        <div data-testid="evaluation-drawer">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={label(L.organization)}>{e.organizationName}</Descriptions.Item>
            <Descriptions.Item label={label(L.subjectGroup)}>{label(SUBJECT_GROUP_LABELS[e.subjectGroup])}</Descriptions.Item>
            <Descriptions.Item label={label(L.status)}>
              <span data-testid="evaluation-status">{label(EVALUATION_STATUS_LABELS[e.status])}</span>
            </Descriptions.Item>
            <Descriptions.Item label={label(L.policy)}>{e.cycle.policyDocument}</Descriptions.Item>
            <Descriptions.Item label={label(L.selfPoints)}>{e.selfPoints ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={label(L.appraisalPoints)}>{e.appraisalPoints ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={label(L.proposed)}>
              <span data-testid="evaluation-proposed">{levelTag(e.proposedLevel, lang) ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={label(L.decided)}>{levelTag(e.decidedLevel, lang) ?? '—'}</Descriptions.Item>
          </Descriptions>
          {problem ? (
            <Alert type="error" showIcon style={{ marginTop: 12 }} title={problem} data-testid="evaluation-error" />
          ) : null}

          <Divider titlePlacement="start">{label(L.tasks)}</Divider>
          <Typography.Paragraph type="secondary">
            {fill(label(L.shares), {
              a: e.shares.onTimePercent,
              b: e.shares.exceedingPercent,
              c: e.shares.behindPercent,
              d: e.shares.failedPercent,
            })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={e.tasks}
            columns={[
              { title: label(L.taskTitle), dataIndex: 'title' },
              { title: label(L.dueOn), dataIndex: 'dueOn', render: (v: string) => formatDate(v) },
              { title: label(L.doneOn), dataIndex: 'doneOn', render: (v: string | null) => formatDate(v) },
              {
                title: label(L.outcome),
                dataIndex: 'outcome',
                render: (v: keyof typeof TASK_OUTCOME_LABELS) => label(TASK_OUTCOME_LABELS[v]),
              },
            ]}
          />
          {canManage && e.status !== 'decided' ? (
            <Form
              form={taskForm}
              layout="inline"
              style={{ marginTop: 8 }}
              onFinish={(v: { title: string; dueOn: dayjs.Dayjs; doneOn?: dayjs.Dayjs; outcome: string }) =>
                void post(`/api/evaluations/${e.id}/tasks`, {
                  title: v.title,
                  dueOn: v.dueOn.format('YYYY-MM-DD'),
                  doneOn: v.doneOn ? v.doneOn.format('YYYY-MM-DD') : null,
                  outcome: v.outcome,
                }).then(() => taskForm.resetFields())
              }
              initialValues={{ outcome: 'done' }}
            >
              <Form.Item name="title" rules={[{ required: true }]}>
                <Input placeholder={label(L.taskTitle)} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="dueOn" rules={[{ required: true }]}>
                <DatePicker format="DD/MM/YYYY" placeholder={label(L.dueOn)} />
              </Form.Item>
              <Form.Item name="doneOn">
                <DatePicker format="DD/MM/YYYY" placeholder={label(L.doneOn)} />
              </Form.Item>
              <Form.Item name="outcome">
                <Select
                  style={{ width: 150 }}
                  options={TASK_OUTCOMES.map((o) => ({ value: o, label: label(TASK_OUTCOME_LABELS[o]) }))}
                />
              </Form.Item>
              <Button htmlType="submit" loading={busy}>
                {label(L.addTask)}
              </Button>
            </Form>
          ) : null}

          {canSelf ? (
            <>
              <Divider titlePlacement="start">{label({ vi: 'Tự đánh giá', en: 'Self-assessment' })}</Divider>
              <ScoreForm
                testId="self"
                criteria={e.criteria}
                resultsMax={e.resultsMax}
                initial={e.selfScore}
                submitLabel={label(L.submitSelf)}
                busy={busy}
                onSubmit={(score, comment) => void post(`/api/evaluations/${e.id}/self-assessment`, { score, comment })}
              />
            </>
          ) : null}

          {canAppraise ? (
            <>
              <Divider titlePlacement="start">{label({ vi: 'Thẩm định', en: 'Appraisal' })}</Divider>
              <ScoreForm
                testId="appraisal"
                criteria={e.criteria}
                resultsMax={e.resultsMax}
                initial={e.appraisalScore ?? e.selfScore}
                submitLabel={label(L.submitAppraisal)}
                busy={busy}
                onSubmit={(score, comment) => {
                  const facts = factsOf(factsForm.getFieldsValue(true) as Record<string, unknown>);
                  void post(`/api/evaluations/${e.id}/appraisal`, { score, facts, comment });
                }}
              >
                <Typography.Text strong>{label(L.facts)}</Typography.Text>
                <Form
                  form={factsForm}
                  component={false}
                  initialValues={{
                    discipline: e.facts.discipline,
                    degradation: e.facts.degradation,
                    shortcomingsFixed: e.facts.shortcomingsFixed,
                    corruption: e.facts.corruptionInManagedUnit,
                    unitPlanPercent: e.facts.unitPlanPercent ?? undefined,
                    unitMissedBasicTargets: e.facts.unitMissedBasicTargets,
                    unitsTotal: e.facts.unitsLed?.total,
                    unitsNotComplete: e.facts.unitsLed?.notComplete,
                  }}
                >
                  <Space wrap style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name="discipline" label={label(L.discipline)}>
                      <Select
                        style={{ width: 160 }}
                        options={DISCIPLINE_LEVELS.map((d) => ({ value: d, label: label(DISCIPLINE_LABELS[d]) }))}
                      />
                    </Form.Item>
                    <Form.Item name="degradation" valuePropName="checked">
                      <Checkbox>{label(L.degradation)}</Checkbox>
                    </Form.Item>
                    <Form.Item name="shortcomingsFixed" valuePropName="checked">
                      <Checkbox>{label(L.shortcomingsFixed)}</Checkbox>
                    </Form.Item>
                  </Space>
                  {leader ? (
                    <Space wrap style={{ display: 'flex' }}>
                      <Form.Item name="unitPlanPercent" label={label(L.unitPlan)}>
                        <InputNumber min={0} max={1000} step={0.1} />
                      </Form.Item>
                      <Form.Item name="unitMissedBasicTargets" valuePropName="checked">
                        <Checkbox>{label(L.missedTargets)}</Checkbox>
                      </Form.Item>
                      <Form.Item name="corruption" valuePropName="checked">
                        <Checkbox>{label(L.corruption)}</Checkbox>
                      </Form.Item>
                      <Typography.Text type="secondary" data-testid="low-votes-source" style={{ width: '100%' }}>
                        {label(L.lowVotes)}:{' '}
                        {e.facts.lowVotes
                          ? `${e.facts.lowVotes.low}/${e.facts.lowVotes.ballots} — ${e.facts.lowVotes.sessionRef}`
                          : label(L.lowVotesFromSessions)}
                      </Typography.Text>
                      <Form.Item name="unitsTotal" label={label(L.unitsLed)}>
                        <InputNumber min={0} />
                      </Form.Item>
                      <Form.Item name="unitsNotComplete">
                        <InputNumber min={0} />
                      </Form.Item>
                    </Space>
                  ) : null}
                </Form>
              </ScoreForm>
            </>
          ) : null}

          {e.verdicts.length ? (
            <>
              <Divider titlePlacement="start">{label(L.verdicts)}</Divider>
              <div data-testid="evaluation-verdicts">
                {e.verdicts.map((v, i) => (
                  <Alert
                    key={i}
                    style={{ marginBottom: 6 }}
                    type={v.status === 'passed' ? 'success' : v.status === 'warning' ? 'warning' : 'error'}
                    title={label(v.detail)}
                    description={`${v.citation.text} · ${v.ruleId}`}
                  />
                ))}
              </div>
            </>
          ) : null}

          <Divider titlePlacement="start">{label(L.steps)}</Divider>
          <Table
            size="small"
            rowKey={(s) => `${s.kind}-${s.at}`}
            pagination={false}
            dataSource={e.steps}
            locale={{ emptyText: label(L.empty) }}
            columns={[
              { title: label(L.status), dataIndex: 'kind', render: (k: keyof typeof STEP_LABELS) => label(STEP_LABELS[k]) },
              { title: label({ vi: 'Người thực hiện', en: 'By' }), dataIndex: 'actorName' },
              { title: label({ vi: 'Thời điểm', en: 'When' }), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
              { title: label(L.total), dataIndex: 'points' },
              { title: label(L.decided), dataIndex: 'level', render: (v: Evaluation['decidedLevel']) => levelTag(v, lang) },
              { title: label(L.comment), dataIndex: 'comment' },
            ]}
          />
          {canManage && e.status === 'decided' ? (
            <Form
              form={complaintForm}
              layout="inline"
              style={{ marginTop: 12 }}
              onFinish={(v: { comment: string }) => void post(`/api/evaluations/${e.id}/complaint`, v)}
            >
              <Form.Item name="comment" rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 360 }} placeholder={label(L.comment)} />
              </Form.Item>
              <Button danger htmlType="submit" loading={busy}>
                {label(L.complaint)}
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
