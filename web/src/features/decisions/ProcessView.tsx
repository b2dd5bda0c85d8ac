import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { VOTE_STATUS_LABELS, type VoteStatus } from '@contracts/votes';
import {
  ACTION_LABELS,
  PROCESS_STATUS_LABELS,
  RECUSAL_ROLE_LABELS,
  SOURCE_LABELS,
  type ProcessDetail,
} from '@contracts/decisions';
import type { Verdict } from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { relationLabel } from './messages';
import { G, M, V } from './messages';
import { CircumstancesCard } from './Circumstances';
import { CancelCard, DocumentLinks, StartNotes } from './ProcessExtras';
import { RegisterDocumentSelect, RegisterDocumentsCard } from './RegisterDocuments';

type Outcome = 'recorded' | 'passed' | 'go-on' | 'head-decides' | 'no-quorum' | 'stopped';
const iso = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
const VERDICT_COLOR = { passed: 'green', warning: 'orange', failed: 'red' } as const;

function Verdicts({ items }: { items: Verdict[] }) {
  const { t, label } = useI18n();
  if (items.length === 0) return null;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {items.map((v, i) => (
        <div key={i}>
          <Tag color={VERDICT_COLOR[v.status]}>{t(`decisions.verdict.${v.status}`)}</Tag>
          {label(v.detail)} <Typography.Text type="secondary">({v.citation.text})</Typography.Text>
        </div>
      ))}
    </Space>
  );
}

/** One process as a guided wizard: the current step, what is missing, the verdicts, and the full trail. */
export function ProcessView({ id }: { id: string }) {
  const { t, label, lang } = useI18n();
  const { roles } = useSession();
  const { message } = AntApp.useApp();
  const query = useApiQuery<ProcessDetail>(`/api/decisions/${id}`);
  const [problem, setProblem] = useState<string[]>([]);
  const [needsAck, setNeedsAck] = useState(false);
  const p = query.data;
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!p) return <Card loading />;
  const officer = hasAnyRole(roles, ['officer']) && p.status === 'open';
  const leader = hasAnyRole(roles, ['leader']) && p.status === 'open';
  const current = p.steps.find((s) => s.status === 'pending');
  const blocking = p.eligibility.filter((v) => v.status === 'failed' && !p.overrides.some((o) => o.ruleId === v.ruleId));

  const post = async (path: string, body: unknown, done: string): Promise<boolean> => {
    setProblem([]);
    setNeedsAck(false);
    try {
      await api.post(path, body);
      void message.success(done);
      query.reload();
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem([error.text(lang), ...error.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))]);
      // A step short only of an unconfirmed rule: the officer may acknowledge the warning and go on.
      setNeedsAck(error.details.some((d) => d.path === 'acknowledgeWarnings'));
      return false;
    }
  };

  return (
    <>
      <Link to="/decisions">
        <ArrowLeftOutlined /> {t('decisions.back')}
      </Link>
      <PageHeader
        title={`${label(ACTION_LABELS[p.action])}: ${p.personName}`}
        intro={`${p.positionName} — ${p.organizationName} · ${label(SOURCE_LABELS[p.source])} · ${p.citation}`}
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('decisions.status')}>{label(PROCESS_STATUS_LABELS[p.status])}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.started')}>{formatDate(p.startedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.policyDeadline')}>{formatDate(p.policyDeadline)}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.deadline')}>{formatDate(p.processDeadline)}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.inPlan')}>{p.inPlan ? t('decisions.yes') : t('decisions.no')}</Descriptions.Item>
          <Descriptions.Item label={t('decisions.rule')}>{p.ruleId}</Descriptions.Item>
        </Descriptions>
        <StartNotes p={p} />
        <DocumentLinks p={p} />
        {p.flags.some((f) => f.code !== 'head-near-end') ? (
          <Alert
            type="warning"
            showIcon
            title={t('decisions.flags')}
            description={
              <ul data-testid="process-flags">
                {/* The start warnings are shown above with their rule and citation. */}
                {p.flags
                  .filter((f) => f.code !== 'head-near-end')
                  .map((f, i) => (
                    <li key={i}>{label({ vi: f.message, en: f.messageEn })}</li>
                  ))}
              </ul>
            }
          />
        ) : null}
        {problem.length ? (
          <Alert
            type="error"
            showIcon
            title={problem[0]}
            description={problem.slice(1).join(' · ')}
            data-testid="process-problem"
          />
        ) : null}

        <Card title={t('decisions.steps')}>
          <Steps
            orientation="vertical"
            current={current ? current.ordinal - 1 : p.steps.length}
            status={p.status === 'stopped' ? 'error' : undefined}
            items={p.steps.map((s) => ({
              title: label(s.label),
              subTitle: label(s.voterGroup),
              description: (
                <Space orientation="vertical" size={2} data-testid={`step-${s.key}`}>
                  {s.completedOn ? (
                    <span>
                      {t('decisions.doneOn')} {formatDate(s.completedOn)} · {s.minutesRef}{' '}
                      {s.outcome
                        ? `· ${s.outcome === 'warned' ? label(M.outcomeWarned) : t(`decisions.outcome.${s.outcome as Outcome}`)}`
                        : ''}
                    </span>
                  ) : null}
                  {s.voteSessionId ? (
                    <span>
                      <Link to={`/votes?id=${s.voteSessionId}`}>
                        {s.voteMode === 'electronic' ? label(M.electronic) : t('decisions.voteLink')} ({s.summoned}{' '}
                        {t('decisions.summoned')})
                      </Link>
                      {s.voteStatus && s.voteStatus in VOTE_STATUS_LABELS ? (
                        <Tag style={{ marginLeft: 8 }} data-testid={`step-vote-state-${s.key}`}>
                          {label(VOTE_STATUS_LABELS[s.voteStatus as VoteStatus])}
                        </Tag>
                      ) : null}
                    </span>
                  ) : null}
                  {!s.announced ? <Typography.Text type="secondary">{t('decisions.notAnnounced')}</Typography.Text> : null}
                  <Verdicts items={s.verdicts} />
                </Space>
              ),
            }))}
          />
          {officer && current ? (
            <StepActions
              stepKey={current.key}
              vote={current.vote}
              hasVote={current.voteSessionId !== null}
              voteMode={current.voteMode}
              voteStatus={current.voteStatus}
              onOpenVote={async (body) => {
                await post(`/api/decisions/${p.id}/steps/${current.key}/vote`, body, t('decisions.voteOpened'));
              }}
              needsAck={needsAck}
              onComplete={async (body) => {
                await post(`/api/decisions/${p.id}/steps/${current.key}/complete`, body, t('decisions.stepDone'));
              }}
            />
          ) : null}
        </Card>

        <Card title={t('decisions.dossier')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            data-testid="dossier-table"
            dataSource={p.dossier}
            columns={[
              { title: t('decisions.document'), render: (_, d) => label(d.label) },
              { title: t('decisions.documentDate'), render: (_, d) => formatDate(d.documentDate) },
              { title: t('decisions.validUntil'), render: (_, d) => (d.maxAgeMonths ? formatDate(d.validUntil) : '—') },
              {
                title: t('decisions.status'),
                render: (_, d) => <Tag color={d.state === 'ok' ? 'green' : 'red'}>{t(`decisions.dossier.${d.state}`)}</Tag>,
              },
            ]}
          />
          {officer ? (
            <Form
              layout="inline"
              style={{ marginTop: 12 }}
              onFinish={(v: { key: string; date: Dayjs; reference: string; documentIds?: string[] }) =>
                post(
                  `/api/decisions/${p.id}/dossier`,
                  { key: v.key, documentDate: iso(v.date), reference: v.reference, documentIds: v.documentIds ?? [] },
                  t('decisions.saved'),
                )
              }
            >
              <Form.Item name="key" rules={[{ required: true, message: t('common.requiredSelect') }]}>
                <Select
                  style={{ width: 260 }}
                  data-testid="dossier-key"
                  placeholder={t('decisions.document')}
                  options={p.dossier.map((d) => ({ value: d.key, label: label(d.label) }))}
                />
              </Form.Item>
              <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker format="DD/MM/YYYY" placeholder={t('decisions.documentDate')} data-testid="dossier-date" />
              </Form.Item>
              <Form.Item name="reference" rules={[{ required: true, message: t('common.required') }]}>
                <Input placeholder={t('decisions.reference')} data-testid="dossier-reference" />
              </Form.Item>
              <Form.Item name="documentIds">
                <RegisterDocumentSelect max={5} testId="dossier-register" />
              </Form.Item>
              <Button htmlType="submit" data-testid="dossier-add">
                {t('decisions.addDocument')}
              </Button>
            </Form>
          ) : null}
        </Card>

        <RegisterDocumentsCard p={p} />
        <CircumstancesCard
          p={p}
          canEdit={officer}
          onRecord={(body) => post(`/api/decisions/${p.id}/circumstances`, body, label(G.saved))}
        />

        <Card title={t('decisions.checks')}>
          <Verdicts items={p.eligibility} />
          {blocking.length && leader ? (
            <Form
              layout="vertical"
              style={{ marginTop: 12, maxWidth: 640 }}
              onFinish={(v: { ruleId: string; authority: string; decisionRef: string; date: Dayjs; reason: string }) =>
                post(
                  `/api/decisions/${p.id}/overrides`,
                  {
                    ruleId: v.ruleId,
                    authority: v.authority,
                    decisionRef: v.decisionRef,
                    decidedOn: iso(v.date),
                    reason: v.reason,
                  },
                  t('decisions.saved'),
                )
              }
            >
              <Typography.Title level={5}>{t('decisions.override')}</Typography.Title>
              <Form.Item
                name="ruleId"
                label={t('decisions.rule')}
                rules={[{ required: true, message: t('common.requiredSelect') }]}
              >
                <Select options={[...new Set(blocking.map((v) => v.ruleId))].map((r) => ({ value: r, label: r }))} />
              </Form.Item>
              <Form.Item
                name="authority"
                label={t('decisions.authority')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="decisionRef"
                label={t('decisions.decisionRef')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="date"
                label={t('decisions.decisionDate')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item name="reason" label={t('decisions.reason')} rules={[{ required: true, message: t('common.required') }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button htmlType="submit">{t('decisions.recordOverride')}</Button>
            </Form>
          ) : null}
        </Card>

        <Card title={t('decisions.recusals')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.recusals}
            locale={{ emptyText: t('common.none') }}
            columns={[
              { title: t('decisions.participant'), dataIndex: 'fullName' },
              { title: t('decisions.role'), render: (_, r) => label(RECUSAL_ROLE_LABELS[r.role]) },
              { title: t('decisions.stepCol'), render: (_, r) => r.stepKey ?? '—' },
              {
                title: t('decisions.relation'),
                render: (_, r) => (r.relation ? relationLabel(r.relation, label) : (r.reason ?? '—')),
              },
            ]}
            data-testid="recusals"
          />
          {officer ? (
            <Form
              layout="inline"
              style={{ marginTop: 12 }}
              onFinish={(v: { fullName: string; birthYear?: number; stepKey?: string; reason?: string }) =>
                post(
                  `/api/decisions/${p.id}/recusals`,
                  {
                    role: 'voter',
                    stepKey: v.stepKey ?? null,
                    fullName: v.fullName,
                    birthYear: v.birthYear ?? null,
                    reason: v.reason || undefined,
                  },
                  t('decisions.saved'),
                )
              }
            >
              <Form.Item name="fullName" rules={[{ required: true, message: t('common.required') }]}>
                <Input placeholder={t('decisions.participant')} data-testid="recusal-name" />
              </Form.Item>
              <Form.Item name="birthYear">
                <InputNumber placeholder={t('decisions.birthYear')} min={1900} max={2100} data-testid="recusal-year" />
              </Form.Item>
              <Form.Item name="stepKey">
                <Select
                  style={{ width: 220 }}
                  allowClear
                  placeholder={t('decisions.stepCol')}
                  options={p.steps
                    .filter((s) => s.vote !== 'none' && !s.voteSessionId)
                    .map((s) => ({ value: s.key, label: label(s.label) }))}
                  data-testid="recusal-step"
                />
              </Form.Item>
              <Form.Item name="reason">
                <Input placeholder={t('decisions.reason')} />
              </Form.Item>
              <Button htmlType="submit" data-testid="recusal-save">
                {t('decisions.recordRecusal')}
              </Button>
            </Form>
          ) : null}
        </Card>

        {leader && !current ? (
          <Card title={t('decisions.decide')}>
            <Form
              layout="vertical"
              style={{ maxWidth: 640 }}
              onFinish={(v: { number: string; decisionDate: Dayjs; effectiveDate: Dayjs; signerName: string }) =>
                post(
                  `/api/decisions/${p.id}/decide`,
                  {
                    number: v.number,
                    decisionDate: iso(v.decisionDate),
                    effectiveDate: iso(v.effectiveDate),
                    signerName: v.signerName,
                  },
                  t('decisions.decided'),
                )
              }
            >
              <Form.Item
                name="number"
                label={t('decisions.decisionRef')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input data-testid="decide-number" />
              </Form.Item>
              <Form.Item
                name="decisionDate"
                label={t('decisions.decisionDate')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item
                name="effectiveDate"
                label={t('decisions.effectiveDate')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item
                name="signerName"
                label={t('decisions.signer')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="decide-submit">
                {t('decisions.decide')}
              </Button>
            </Form>
          </Card>
        ) : null}
        {leader ? (
          <CancelCard
            onCancel={async (body) => {
              await post(`/api/decisions/${p.id}/cancel`, body, label(M.cancelled));
            }}
          />
        ) : null}
        {p.decision ? (
          <Alert
            type="success"
            showIcon
            title={`${t('decisions.decisionRef')} ${p.decision.number} ${t('decisions.of')} ${formatDate(p.decision.decisionDate)}`}
            description={`${t('decisions.effectiveDate')}: ${formatDate(p.decision.effectiveDate)} · ${t('decisions.signer')}: ${p.decision.signerName}`}
          />
        ) : null}
      </Space>
    </>
  );
}

function StepActions(props: {
  stepKey: string;
  vote: ProcessDetail['steps'][number]['vote'];
  hasVote: boolean;
  voteMode: ProcessDetail['steps'][number]['voteMode'];
  voteStatus: string | null;
  onOpenVote: (body: unknown) => Promise<void>;
  onComplete: (body: unknown) => Promise<void>;
  /** The last completion was refused for an unconfirmed rule's warning: offer the acknowledgement. */
  needsAck: boolean;
}) {
  const { t, label } = useI18n();
  const ballot = props.vote.startsWith('ballot-');
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
      {props.vote !== 'none' && !props.hasVote ? (
        <Form
          layout="vertical"
          initialValues={{ mode: 'paper', threshold: 2 }}
          onFinish={(v: {
            mode: 'paper' | 'electronic';
            summoned: number;
            voterGroup: string;
            date: Dayjs;
            others?: string;
            voters?: string[];
            trustees?: string[];
            threshold?: number;
          }) =>
            props.onOpenVote({
              summoned: v.summoned,
              voterGroup: v.voterGroup,
              voteDate: iso(v.date),
              otherCandidates:
                ballot && v.others
                  ? v.others
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean)
                  : [],
              mode: v.mode,
              ...(v.mode === 'electronic'
                ? {
                    electronic: {
                      voterUsernames: v.voters ?? [],
                      trusteeUsernames: v.trustees ?? [],
                      threshold: v.threshold ?? 2,
                    },
                  }
                : {}),
            })
          }
        >
          <Form.Item name="mode" label={label(V.mode)}>
            <Radio.Group data-testid="vote-mode">
              <Radio value="paper">{label(V.paper)}</Radio>
              <Radio value="electronic">{label(V.electronic)}</Radio>
            </Radio.Group>
          </Form.Item>
          <Space wrap align="start">
            <Form.Item
              name="summoned"
              extra={label(V.summonedHelp)}
              rules={[{ required: true, message: t('common.required') }]}
              style={{ maxWidth: 260 }}
            >
              <InputNumber min={1} placeholder={t('decisions.summoned')} data-testid="vote-summoned" />
            </Form.Item>
            <Form.Item name="voterGroup" rules={[{ required: true, message: t('common.required') }]}>
              <Input placeholder={t('decisions.voterGroup')} data-testid="vote-group" />
            </Form.Item>
            <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker format="DD/MM/YYYY" placeholder={t('decisions.voteDate')} data-testid="vote-date" />
            </Form.Item>
            {ballot ? (
              <Form.Item name="others">
                <Input placeholder={t('decisions.otherCandidates')} data-testid="vote-others" />
              </Form.Item>
            ) : null}
          </Space>
          <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
            {({ getFieldValue }) =>
              getFieldValue('mode') === 'electronic' ? (
                <Space wrap align="start">
                  <Form.Item
                    name="voters"
                    label={label(V.voters)}
                    extra={label(V.votersHelp)}
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ width: 360 }}
                  >
                    <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="vote-e-voters" />
                  </Form.Item>
                  <Form.Item
                    name="trustees"
                    label={label(V.trustees)}
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ width: 300 }}
                  >
                    <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="vote-e-trustees" />
                  </Form.Item>
                  <Form.Item name="threshold" label={label(V.threshold)} rules={[{ required: true }]}>
                    <InputNumber min={1} max={15} data-testid="vote-e-threshold" />
                  </Form.Item>
                </Space>
              ) : null
            }
          </Form.Item>
          <Button htmlType="submit" data-testid="vote-open">
            {t('decisions.openVote')}
          </Button>
        </Form>
      ) : null}
      {props.voteMode === 'electronic' && props.voteStatus !== 'closed' ? (
        <Alert type="info" showIcon title={label(V.goVote)} data-testid="vote-e-info" />
      ) : null}
      <Form
        layout="inline"
        onFinish={(v: {
          date: Dayjs;
          minutesRef: string;
          headChoice?: string;
          documentIds?: string[];
          acknowledgeWarnings?: boolean;
        }) =>
          props.onComplete({
            completedOn: iso(v.date),
            minutesRef: v.minutesRef,
            headChoice: v.headChoice || undefined,
            documentIds: v.documentIds ?? [],
            acknowledgeWarnings: props.needsAck && v.acknowledgeWarnings === true,
          })
        }
      >
        {props.needsAck ? (
          <Form.Item
            name="acknowledgeWarnings"
            valuePropName="checked"
            style={{ flexBasis: '100%' }}
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(label(M.ackRequired)))) }]}
          >
            <Checkbox data-testid="step-ack">{label(M.ackWarnings)}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="DD/MM/YYYY" placeholder={t('decisions.doneOn')} data-testid="step-date" />
        </Form.Item>
        <Form.Item name="minutesRef" rules={[{ required: true, message: t('common.required') }]}>
          <Input placeholder={t('decisions.minutes')} data-testid="step-minutes" />
        </Form.Item>
        <Form.Item name="documentIds">
          <RegisterDocumentSelect max={20} testId="step-register" />
        </Form.Item>
        {props.vote !== 'none' ? (
          <Form.Item name="headChoice">
            <Input placeholder={t('decisions.headChoice')} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" data-testid="step-complete">
          {t('decisions.completeStep')}
        </Button>
      </Form>
    </Space>
  );
}
