import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CycleDetail, Plan } from '@contracts/planning';
import { ROUND_STEPS, ROUND_STEP_LABELS, type Round, type RoundStep, type SessionOption } from '@contracts/planning-work';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const planLabel = (p: Plan) => `${p.titleName ?? ''} — ${p.organizationName}`;

/** The recommendation rounds of every plan, and a form to record one from the minutes. */
export function RoundsPanel({ cycle, canWrite, onChanged }: { cycle: CycleDetail; canWrite: boolean; onChanged: () => void }) {
  const { label } = useI18n();
  const rounds = useApiQuery<{ items: Round[] }>(`/api/planning/cycles/${cycle.id}/rounds`);
  const [recording, setRecording] = useState<Plan | null>(null);
  const open = canWrite && (cycle.status === 'draft' || cycle.status === 'in_rounds');
  return (
    <>
      <Typography.Paragraph type="secondary">{label(L.roundsHint)}</Typography.Paragraph>
      {rounds.error ? <ApiErrorAlert error={rounds.error} onRetry={rounds.reload} /> : null}
      {cycle.plans.map((plan) => {
        const mine = (rounds.data?.items ?? []).filter((r) => r.planId === plan.id);
        return (
          <Card
            key={plan.id}
            size="small"
            style={{ marginBottom: 16 }}
            title={planLabel(plan)}
            data-testid="rounds-plan"
            extra={
              open && plan.candidates.length ? (
                <Button onClick={() => setRecording(plan)} data-testid="round-new">
                  {label(L.newRound)}
                </Button>
              ) : null
            }
          >
            {mine.length === 0 ? <Typography.Text type="secondary">{label(L.noRounds)}</Typography.Text> : null}
            {mine.map((r) => (
              <div key={r.id} style={{ marginBottom: 12 }} data-testid="round">
                <Typography.Text strong>
                  {label(ROUND_STEP_LABELS[r.step])} — {vnDate(r.heldOn)}
                </Typography.Text>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {label(L.participants)}: {r.participants} · {label(L.summoned)}: {r.summoned} · {label(L.present)}: {r.present}
                  {r.documents.length ? ` · ${r.documents.map((d) => `${d.ref} (${d.title})`).join('; ')}` : ''}
                </Typography.Paragraph>
                <Table
                  rowKey="personId"
                  size="small"
                  pagination={false}
                  dataSource={r.results}
                  columns={[
                    { title: label(L.person), dataIndex: 'fullName' },
                    { title: label(L.agree), dataIndex: 'agree', width: 90 },
                    { title: label(L.disagree), dataIndex: 'disagree', width: 110 },
                    {
                      title: label(L.result),
                      render: (_, x) => (
                        <span data-testid="round-result">
                          <Tag color={x.passed ? 'green' : 'red'}>{x.passed ? label(L.passedOn) : label(L.notPassed)}</Tag>
                          {label(x.verdict.detail)}{' '}
                          <Typography.Text type="secondary" data-testid="citation">
                            ({x.verdict.citation.text})
                          </Typography.Text>
                        </span>
                      ),
                    },
                  ]}
                />
              </div>
            ))}
          </Card>
        );
      })}
      {recording ? (
        <RoundModal
          plan={recording}
          rounds={(rounds.data?.items ?? []).filter((r) => r.planId === recording.id)}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            rounds.reload();
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

interface RoundForm {
  step: RoundStep;
  heldOn: dayjs.Dayjs;
  summoned: number;
  present: number;
  participants: string;
  documents?: string;
  counts: Record<string, { agree?: number; disagree?: number }>;
  voteSessionId?: string;
}

function RoundModal(props: { plan: Plan; rounds: Round[]; onClose: () => void; onSaved: () => void }) {
  const { label } = useI18n();
  const [form] = Form.useForm<RoundForm>();
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const done = new Set(props.rounds.map((r) => r.step));
  const nextStep = ROUND_STEPS.find((s) => !done.has(s)) ?? 'committee';
  const step = Form.useWatch('step', form) ?? nextStep;
  // Only those who passed the latest earlier step may be voted on at this one.
  const earlier = props.rounds.filter((r) => ROUND_STEPS.indexOf(r.step) < ROUND_STEPS.indexOf(step)).at(-1);
  const admitted = earlier ? new Set(earlier.results.filter((r) => r.passed).map((r) => r.personId)) : null;
  const people = props.plan.candidates.filter((c) => !admitted || admitted.has(c.personId));
  // Published planning-recommendation sessions ("Confidence votes", paper or electronic) that voted on this plan's
  // people, searched on the server as the officer types.
  const [sessionQ, setSessionQ] = useState('');
  const sessions = useApiQuery<{ items: SessionOption[]; total: number }>(`/api/planning/plans/${props.plan.id}/vote-sessions`, {
    q: sessionQ || undefined,
    limit: 20,
  });
  const fromSession = Form.useWatch('voteSessionId', form);
  const submit = async (v: RoundForm) => {
    setSaving(true);
    try {
      const counts = v.voteSessionId
        ? { voteSessionId: v.voteSessionId }
        : {
            summoned: v.summoned,
            present: v.present,
            results: people.map((c) => ({
              personId: c.personId,
              agree: v.counts?.[c.personId]?.agree ?? 0,
              disagree: v.counts?.[c.personId]?.disagree ?? 0,
            })),
          };
      await api.post(`/api/planning/plans/${props.plan.id}/rounds`, {
        ...counts,
        step: v.step,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        participants: v.participants,
        documents: (v.documents ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [ref, ...rest] = l.split(/\s+[—-]\s+/);
            return { ref: ref!.trim(), title: (rest.join(' — ') || ref!).trim() };
          }),
      });
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={`${label(L.newRound)}: ${planLabel(props.plan)}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={label(L.save)}
      okButtonProps={{ 'data-testid': 'round-save' } as Record<string, string>}
      confirmLoading={saving}
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      <Form<RoundForm> form={form} layout="vertical" onFinish={submit} initialValues={{ step: nextStep, heldOn: dayjs() }}>
        <Form.Item name="step" label={label(L.step)}>
          <Select data-testid="round-step" options={ROUND_STEPS.map((s) => ({ value: s, label: label(ROUND_STEP_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={label(L.heldOn)}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item name="voteSessionId" label={label(L.fromSession)}>
          <Select
            allowClear
            showSearch
            filterOption={false}
            onSearch={setSessionQ}
            loading={sessions.loading}
            data-testid="round-session"
            placeholder={label(L.fromMinutes)}
            notFoundContent={label(L.noSessions)}
            options={(sessions.data?.items ?? []).map((v) => ({
              value: v.id,
              label: `${v.title} — ${vnDate(v.voteDate)} (${label(L.sessionPeople).replace('{n}', String(v.people))})`,
            }))}
          />
        </Form.Item>
        {fromSession ? null : (
          <>
            <Form.Item label={label(L.summoned)} name="summoned" rules={[{ required: true }]}>
              <InputNumber min={1} data-testid="round-summoned" />
            </Form.Item>
            <Form.Item label={label(L.present)} name="present" rules={[{ required: true }]}>
              <InputNumber min={0} data-testid="round-present" />
            </Form.Item>
          </>
        )}
        <Form.Item name="participants" label={label(L.participants)} rules={[{ required: true, min: 3 }]}>
          <Input data-testid="round-participants" />
        </Form.Item>
        <Form.Item name="documents" label={label(L.documents)}>
          <Input.TextArea rows={2} placeholder="15-BB/SNV — Biên bản hội nghị" data-testid="round-documents" />
        </Form.Item>
        {earlier ? (
          <Alert
            type="info"
            style={{ marginBottom: 8 }}
            message={`${label(ROUND_STEP_LABELS[earlier.step])}: ${people.length}/${props.plan.candidates.length}`}
          />
        ) : null}
        <Table
          rowKey="personId"
          size="small"
          pagination={false}
          style={fromSession ? { display: 'none' } : undefined}
          dataSource={people}
          columns={[
            { title: label(L.person), dataIndex: 'fullName' },
            {
              title: label(L.agree),
              render: (_, c) => (
                <Form.Item name={['counts', c.personId, 'agree']} noStyle>
                  <InputNumber min={0} data-testid="round-agree" />
                </Form.Item>
              ),
            },
            {
              title: label(L.disagree),
              render: (_, c) => (
                <Form.Item name={['counts', c.personId, 'disagree']} noStyle>
                  <InputNumber min={0} data-testid="round-disagree" />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
