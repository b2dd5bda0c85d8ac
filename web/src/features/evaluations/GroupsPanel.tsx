import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { z } from 'zod';
import {
  type EvaluationSummary,
  type QuotaGroup,
  type QuotaView,
  RATING_LABELS,
  RATING_LEVELS,
  RATING_RANK,
  type RatingLevel,
  type evaluationListSchema,
} from '@contracts/evaluations';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { levelTag } from './EvaluationDrawer';
import { L, fill } from './texts';

type EvaluationList = z.infer<typeof evaluationListSchema>;

/** The quota groups of a cycle: each with its explicit definition, the what-if view and the competent level's decision. */
export function GroupsPanel({
  cycleId,
  canManage,
  canDecide,
  version,
  onChanged,
}: {
  cycleId: string;
  canManage: boolean;
  canDecide: boolean;
  version: number;
  onChanged: () => void;
}) {
  const { label } = useI18n();
  const groups = useApiQuery<QuotaGroup[]>(`/api/evaluation-cycles/${cycleId}/groups`, { v: version });
  const [adding, setAdding] = useState(false);
  return (
    <div>
      {groups.error ? <ApiErrorAlert error={groups.error} onRetry={groups.reload} /> : null}
      {canManage ? (
        <Button onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {label(L.newGroup)}
        </Button>
      ) : null}
      {(groups.data ?? []).length === 0 && !groups.loading ? <Empty description={label(L.empty)} /> : null}
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        {(groups.data ?? []).map((g) => (
          <GroupCard key={g.id} group={g} canDecide={canDecide} version={version} onChanged={onChanged} />
        ))}
      </Space>
      <NewGroupModal
        open={adding}
        cycleId={cycleId}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          groups.reload();
          onChanged();
        }}
      />
    </div>
  );
}

function GroupCard({
  group,
  canDecide,
  version,
  onChanged,
}: {
  group: QuotaGroup;
  canDecide: boolean;
  version: number;
  onChanged: () => void;
}) {
  const { label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const quota = useApiQuery<QuotaView>(`/api/evaluation-groups/${group.id}/quota`, { v: version });
  const members = useApiQuery<EvaluationList>('/api/evaluations', { groupId: group.id, limit: 200, v: version });
  const [levels, setLevels] = useState<Record<string, RatingLevel>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = (members.data?.items ?? []).filter((m) => m.status === 'decision');

  useEffect(() => {
    setLevels(Object.fromEntries(pending.filter((m) => m.proposedLevel).map((m) => [m.id, m.proposedLevel!])));
  }, [members.data]);

  const decide = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.post(`/api/evaluation-groups/${group.id}/decisions`, {
        items: pending.map((m) => ({ evaluationId: m.id, level: levels[m.id] ?? m.proposedLevel })),
      });
      void message.success(label(L.decidedOk));
      onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.text(lang));
    } finally {
      setBusy(false);
    }
  };

  const q = quota.data;
  return (
    <Card title={group.name} data-testid={`group-${group.name}`} extra={group.outstandingUnit ? label(L.outstanding) : null}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {label(L.groupDefinition)}: {group.definition}
      </Typography.Paragraph>
      {q ? (
        <Alert
          data-testid="quota-view"
          type={q.withinQuota ? 'info' : q.verdict.status === 'warning' ? 'warning' : 'error'}
          showIcon
          title={`${label(L.quota)}: ${fill(label(L.quotaLine), { e: q.counts.excellent, max: q.maxExcellent, p: q.percent, g: q.counts.good })}`}
          description={
            <>
              <div>
                {q.withinQuota
                  ? label(L.withinQuota)
                  : fill(label(L.mustMove), { names: q.mustMove.map((m) => m.personName).join(', ') })}
              </div>
              <div style={{ opacity: 0.75 }}>{q.verdict.citation.text}</div>
            </>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="decision-error" /> : null}
      <Table<EvaluationSummary>
        size="small"
        rowKey="id"
        pagination={false}
        loading={members.loading}
        dataSource={members.data?.items ?? []}
        columns={[
          { title: label(L.person), dataIndex: 'personName' },
          { title: label(L.appraisalPoints), dataIndex: 'appraisalPoints' },
          { title: label(L.proposed), dataIndex: 'proposedLevel', render: (v: RatingLevel | null) => levelTag(v, lang) },
          {
            title: label(L.decisionLevel),
            key: 'decision',
            render: (_, m) =>
              m.decidedLevel ? (
                levelTag(m.decidedLevel, lang)
              ) : m.status === 'decision' && canDecide ? (
                <Select
                  data-testid={`level-${m.personName}`}
                  size="small"
                  style={{ width: 220 }}
                  value={levels[m.id]}
                  onChange={(v: RatingLevel) => setLevels((s) => ({ ...s, [m.id]: v }))}
                  options={RATING_LEVELS.filter((l) => RATING_RANK[l] <= RATING_RANK[m.proposedLevel!]).map((l) => ({
                    value: l,
                    label: `${RATING_LABELS[l].short} — ${label(RATING_LABELS[l])}`,
                  }))}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
      {canDecide ? (
        pending.length ? (
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            loading={busy}
            onClick={() => void decide()}
            data-testid={`decide-${group.name}`}
          >
            {label(L.decide)} ({pending.length})
          </Button>
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {label(L.nothingToDecide)}
          </Typography.Paragraph>
        )
      ) : null}
    </Card>
  );
}

function NewGroupModal({
  open,
  cycleId,
  onClose,
  onCreated,
}: {
  open: boolean;
  cycleId: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { name: string; definition: string; outstandingUnit?: boolean }) => {
    try {
      await api.post(`/api/evaluation-cycles/${cycleId}/groups`, { ...v, outstandingUnit: !!v.outstandingUnit });
      form.resetFields();
      onCreated();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.text(lang));
    }
  };
  return (
    <Modal open={open} title={label(L.newGroup)} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem ? <Alert type="error" title={problem} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="name" label={label(L.groupName)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="definition" label={label(L.groupDefinition)} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="outstandingUnit" valuePropName="checked">
          <Checkbox>{label(L.outstanding)}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
