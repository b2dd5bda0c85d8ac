import { useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BALLOT_SHAPES,
  BALLOT_SHAPE_LABELS,
  DEFAULT_BALLOT_SHAPE,
  EXEMPTION_LABELS,
  EXEMPTION_REASONS,
  VOTE_KINDS,
  VOTE_KIND_LABELS,
  type BallotShape,
  type CreateVoteBody,
  type ExemptionReason,
  type VoteKind,
} from '@contracts/votes';
import { ApiError, api } from '../../ui/api';
import { applyFieldErrors } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { M } from './messages';
import { PersonPicker } from './PersonPicker';
import { VoterGroupProposer } from './VoterGroupProposal';

interface FormValues extends Omit<CreateVoteBody, 'voteDate' | 'subjects' | 'ballot'> {
  voteDate: Dayjs;
  ballotShape?: BallotShape;
  maxChoices?: number;
  subjects: {
    personId?: string;
    fullName?: string;
    titleText?: string;
    exemptionReason?: ExemptionReason;
    exemptionNote?: string;
  }[];
}
const FIELDS = [
  'organizationId',
  'kind',
  'ballotShape',
  'mode',
  'track',
  'title',
  'voteDate',
  'voterGroup',
  'summonedCount',
  'subjects',
] as const;

export function CreateVoteModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (values: FormValues) => {
    setSaving(true);
    setProblems([]);
    const { ballotShape, maxChoices, ...rest } = values;
    const shape = ballotShape ?? DEFAULT_BALLOT_SHAPE[values.kind];
    const body: CreateVoteBody = {
      ...rest,
      voteDate: values.voteDate.format('YYYY-MM-DD'),
      ballot: { shape, maxChoices: shape === 'choice' ? (maxChoices ?? 1) : undefined },
      subjects: values.subjects.map((s) => ({
        personId: s.personId || undefined,
        fullName: s.personId ? undefined : s.fullName?.trim() || undefined,
        titleText: s.titleText?.trim() || undefined,
        exemption: s.exemptionReason ? { reason: s.exemptionReason, note: s.exemptionNote?.trim() || undefined } : undefined,
      })),
    };
    try {
      await api.post('/api/votes', body);
      void message.success(t('votes.created'));
      onCreated();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([error.text(lang), ...applyFieldErrors(form, error, lang, FIELDS)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('votes.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={820}
    >
      {problems.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems[0]} description={problems.slice(1).join(' ')} />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          kind: 'confidence',
          ballotShape: 'levels',
          maxChoices: 1,
          mode: 'paper',
          track: 'party',
          subjects: [{}],
        }}
      >
        <Form.Item
          name="organizationId"
          label={t('votes.organization')}
          rules={[{ required: true, message: t('common.requiredSelect') }]}
        >
          <OrganizationSelect />
        </Form.Item>
        <Form.Item name="title" label={t('votes.titleCol')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('votes.kind')}>
            <Select
              style={{ width: 220 }}
              options={VOTE_KINDS.map((k) => ({ value: k, label: label(VOTE_KIND_LABELS[k]) }))}
              onChange={(k: VoteKind) => form.setFieldsValue({ ballotShape: DEFAULT_BALLOT_SHAPE[k] })}
              data-testid="vote-kind"
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind || a.ballotShape !== b.ballotShape}>
            {({ getFieldValue }) => (
              <Space wrap>
                <Form.Item name="ballotShape" label={label(M.ballotShape)} tooltip={label(M.ballotShapeHelp)}>
                  <Select
                    style={{ width: 300 }}
                    disabled={getFieldValue('kind') === 'confidence'}
                    options={BALLOT_SHAPES.map((b) => ({ value: b, label: label(BALLOT_SHAPE_LABELS[b]) }))}
                    data-testid="vote-ballot-shape"
                  />
                </Form.Item>
                {getFieldValue('ballotShape') === 'choice' ? (
                  <Form.Item name="maxChoices" label={label(M.maxChoices)}>
                    <InputNumber min={1} max={60} />
                  </Form.Item>
                ) : null}
              </Space>
            )}
          </Form.Item>
          <Form.Item name="mode" label={t('votes.mode')}>
            <Select
              style={{ width: 220 }}
              options={[
                { value: 'paper', label: t('votes.modePaper') },
                { value: 'electronic', label: t('votes.modeElectronic') },
              ]}
            />
          </Form.Item>
          <Form.Item name="track" label={t('votes.track')} extra={t('votes.trackHelp')}>
            <Select
              style={{ width: 280 }}
              options={[
                { value: 'party', label: t('votes.trackParty') },
                { value: 'state', label: t('votes.trackState') },
              ]}
            />
          </Form.Item>
          <Form.Item name="voteDate" label={t('votes.date')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="voterGroup"
            label={t('votes.voterGroup')}
            rules={[{ required: true, message: t('common.required') }]}
            style={{ width: 480 }}
          >
            <Input maxLength={500} placeholder={t('votes.voterGroupHelp')} />
          </Form.Item>
          <Form.Item name="summonedCount" label={t('votes.summoned')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
        </Space>
        <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
          {({ getFieldValue }) =>
            getFieldValue('mode') === 'electronic' ? (
              <Space wrap>
                <Form.Item
                  name={['electronic', 'voterUsernames']}
                  label={t('votes.e.voters')}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ width: 360 }}
                >
                  <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="e-voters" />
                </Form.Item>
                <Form.Item
                  name={['electronic', 'trusteeUsernames']}
                  label={t('votes.e.trustees')}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ width: 300 }}
                >
                  <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="e-trustees" />
                </Form.Item>
                <Form.Item
                  name={['electronic', 'threshold']}
                  label={t('votes.e.threshold')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <InputNumber min={1} max={15} data-testid="e-threshold" />
                </Form.Item>
              </Space>
            ) : null
          }
        </Form.Item>
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <>
              <div style={{ fontWeight: 600 }}>{t('votes.subjects')}</div>
              <Typography.Paragraph type="secondary">
                {t('votes.subjectsHelp')} {label(M.personHelp)}
              </Typography.Paragraph>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'personId']}>
                    <PersonPicker testId={`vote-subject-person-${i}`} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['subjects', field.name, 'personId']) ? null : (
                        <Form.Item
                          name={[field.name, 'fullName']}
                          rules={[{ required: true, message: label(M.needPersonOrName) }]}
                        >
                          <Input
                            placeholder={label(M.orTypeName)}
                            style={{ width: 200 }}
                            data-testid={`vote-subject-name-${i}`}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const fromRecord = !!getFieldValue(['subjects', field.name, 'personId']);
                      return (
                        <Form.Item
                          name={[field.name, 'titleText']}
                          rules={fromRecord ? [] : [{ required: true, message: t('common.required') }]}
                        >
                          <Input
                            placeholder={fromRecord ? label(M.titleFromRecord) : t('votes.position')}
                            style={{ width: 230 }}
                            data-testid={`vote-subject-title-${i}`}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'exemptionReason']}>
                    <Select
                      allowClear
                      placeholder={t('votes.exemptPlaceholder')}
                      style={{ width: 250 }}
                      options={EXEMPTION_REASONS.map((r) => ({ value: r, label: label(EXEMPTION_LABELS[r]) }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['subjects', field.name, 'exemptionReason']) ? (
                        <Form.Item name={[field.name, 'exemptionNote']}>
                          <Input placeholder={label(M.exemptNote)} style={{ width: 250 }} maxLength={500} />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('votes.removeSubject')} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                {t('votes.addSubject')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) => (getFieldValue('kind') === 'confidence' ? <VoterGroupProposer form={form} /> : null)}
        </Form.Item>
      </Form>
    </Modal>
  );
}
