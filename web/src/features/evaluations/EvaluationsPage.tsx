import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import type { z } from 'zod';
import type { personListSchema } from '@contracts/persons';
import {
  CYCLE_KINDS,
  CYCLE_KIND_LABELS,
  EVALUATION_STATUS_LABELS,
  type EvaluationSummary,
  type QuotaGroup,
  SUBJECT_GROUPS,
  SUBJECT_GROUP_LABELS,
  TRACKS,
  TRACK_LABELS,
  type CreateCycleBody,
  type cycleListSchema,
  type evaluationListSchema,
} from '@contracts/evaluations';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { EvaluationDrawer, levelTag } from './EvaluationDrawer';
import { GroupsPanel } from './GroupsPanel';
import { ReportPanel } from './ReportPanel';
import { L } from './texts';

type CycleList = z.infer<typeof cycleListSchema>;
type EvaluationList = z.infer<typeof evaluationListSchema>;
type PersonList = z.infer<typeof personListSchema>;

export function EvaluationsPage() {
  const { roles } = useSession();
  const canRead = hasAnyRole(roles, ['officer', 'leader', 'inspector', 'admin']);
  return canRead ? <CyclesView /> : <MineView />;
}

function useStatusColumns() {
  const { label, lang } = useI18n();
  return [
    { title: label(L.person), dataIndex: 'personName', key: 'personName' },
    { title: label(L.organization), dataIndex: 'organizationName', key: 'org' },
    {
      title: label(L.subjectGroup),
      dataIndex: 'subjectGroup',
      key: 'sg',
      render: (v: EvaluationSummary['subjectGroup']) => label(SUBJECT_GROUP_LABELS[v]),
    },
    {
      title: label(L.status),
      dataIndex: 'status',
      key: 'status',
      render: (v: EvaluationSummary['status']) => label(EVALUATION_STATUS_LABELS[v]),
    },
    { title: label(L.selfPoints), dataIndex: 'selfPoints', key: 'self' },
    { title: label(L.appraisalPoints), dataIndex: 'appraisalPoints', key: 'appr' },
    {
      title: label(L.proposed),
      dataIndex: 'proposedLevel',
      key: 'prop',
      render: (v: EvaluationSummary['proposedLevel']) => levelTag(v, lang),
    },
    {
      title: label(L.decided),
      dataIndex: 'decidedLevel',
      key: 'dec',
      render: (v: EvaluationSummary['decidedLevel']) => levelTag(v, lang),
    },
  ];
}

/** A cadre without a reading grant: his own evaluations, where he self-assesses. */
function MineView() {
  const { label } = useI18n();
  const mine = useApiQuery<EvaluationSummary[]>('/api/evaluations/mine');
  const [open, setOpen] = useState<string | null>(null);
  const columns = useStatusColumns();
  return (
    <>
      <PageHeader title={label(L.mineTitle)} intro={label(L.intro)} />
      {mine.error ? <ApiErrorAlert error={mine.error} onRetry={mine.reload} /> : null}
      <Table<EvaluationSummary>
        rowKey="id"
        dataSource={mine.data ?? []}
        loading={mine.loading}
        locale={{ emptyText: label(L.empty) }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={columns}
        pagination={false}
      />
      <EvaluationDrawer id={open} canManage={false} onClose={() => setOpen(null)} onChanged={mine.reload} />
    </>
  );
}

function CyclesView() {
  const { label } = useI18n();
  const { roles } = useSession();
  const canManage = hasAnyRole(roles, ['officer', 'admin']);
  const canDecide = hasAnyRole(roles, ['leader', 'admin']);
  const cycles = useApiQuery<CycleList>('/api/evaluation-cycles', { limit: 200 });
  const [cycleId, setCycleId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  useEffect(() => {
    if (!cycleId && cycles.data?.items.length) setCycleId(cycles.data.items[0]!.id);
  }, [cycles.data, cycleId]);
  const cycle = cycles.data?.items.find((c) => c.id === cycleId);

  return (
    <>
      <PageHeader
        title={label(L.title)}
        intro={label(L.intro)}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {label(L.newCycle)}
            </Button>
          ) : null
        }
      />
      {cycles.error ? <ApiErrorAlert error={cycles.error} onRetry={cycles.reload} /> : null}
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{label(L.cycle)}</Typography.Text>
        <Select
          data-testid="cycle-select"
          style={{ minWidth: 420 }}
          placeholder={label(L.chooseCycle)}
          value={cycleId}
          onChange={setCycleId}
          options={(cycles.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.title} — ${c.organizationName} (${label(CYCLE_KIND_LABELS[c.kind])}, ${c.policyDocument})`,
          }))}
        />
      </Space>
      {cycle ? (
        <Tabs
          items={[
            {
              key: 'forms',
              label: label(L.forms),
              children: <FormsTab cycleId={cycle.id} canManage={canManage} version={version} onChanged={bump} />,
            },
            {
              key: 'groups',
              label: label(L.groups),
              children: (
                <GroupsPanel cycleId={cycle.id} canManage={canManage} canDecide={canDecide} version={version} onChanged={bump} />
              ),
            },
            { key: 'reports', label: label(L.reports), children: <ReportPanel defaultYear={cycle.year} /> },
          ]}
        />
      ) : null}
      <NewCycleModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          cycles.reload();
          setCycleId(id);
        }}
      />
    </>
  );
}

function FormsTab({
  cycleId,
  canManage,
  version,
  onChanged,
}: {
  cycleId: string;
  canManage: boolean;
  version: number;
  onChanged: () => void;
}) {
  const { label } = useI18n();
  const list = useApiQuery<EvaluationList>('/api/evaluations', { cycleId, limit: 200, v: version });
  const groups = useApiQuery<QuotaGroup[]>(`/api/evaluation-cycles/${cycleId}/groups`, { v: version });
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const columns = useStatusColumns();
  const groupName = (id: string | null) => groups.data?.find((g) => g.id === id)?.name ?? label(L.noGroup);
  return (
    <>
      {canManage ? (
        <Button onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {label(L.addPerson)}
        </Button>
      ) : null}
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<EvaluationSummary>
        rowKey="id"
        data-testid="evaluation-table"
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: label(L.empty) }}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          ...columns,
          { title: label(L.group), dataIndex: 'groupId', key: 'group', render: (v: string | null) => groupName(v) },
        ]}
      />
      <EvaluationDrawer
        id={open}
        canManage={canManage}
        onClose={() => setOpen(null)}
        onChanged={() => {
          list.reload();
          onChanged();
        }}
      />
      <AddPersonModal
        open={adding}
        cycleId={cycleId}
        groups={groups.data ?? []}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          list.reload();
          onChanged();
        }}
      />
    </>
  );
}

function AddPersonModal({
  open,
  cycleId,
  groups,
  onClose,
  onAdded,
}: {
  open: boolean;
  cycleId: string;
  groups: QuotaGroup[];
  onClose: () => void;
  onAdded: () => void;
}) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const persons = useApiQuery<PersonList>('/api/persons', { q: search || undefined, limit: 20 });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { personId: string; subjectGroup: string; groupId?: string }) => {
    try {
      await api.post(`/api/evaluation-cycles/${cycleId}/evaluations`, v);
      form.resetFields();
      onAdded();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.text(lang));
    }
  };
  return (
    <Modal open={open} title={label(L.addPerson)} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem ? <Alert type="error" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        preserve={false}
        initialValues={{ subjectGroup: 'non_leader' }}
      >
        <Form.Item name="personId" label={label(L.person)} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={label(L.personSearch)}
            options={(persons.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.fullName} — ${p.currentTitle ?? ''} (${p.organizationName})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="subjectGroup" label={label(L.subjectGroup)} rules={[{ required: true }]}>
          <Select options={SUBJECT_GROUPS.map((g) => ({ value: g, label: label(SUBJECT_GROUP_LABELS[g]) }))} />
        </Form.Item>
        <Form.Item name="groupId" label={label(L.group)}>
          <Select allowClear options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NewCycleModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm<CreateCycleBody>();
  const kind = Form.useWatch('kind', form);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: CreateCycleBody) => {
    try {
      const created = await api.post<{ id: string }>('/api/evaluation-cycles', v);
      form.resetFields();
      onCreated(created.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem([error.text(lang), ...error.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))].join(' — '));
    }
  };
  return (
    <Modal open={open} title={label(L.newCycle)} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem ? <Alert type="error" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        preserve={false}
        initialValues={{ kind: 'annual', track: 'party', year: new Date().getFullYear() }}
      >
        <Form.Item name="organizationId" label={label(L.organization)} rules={[{ required: true }]}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item name="title" label={label(L.cycleTitle)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={label(L.kind)}>
            <Select style={{ width: 160 }} options={CYCLE_KINDS.map((k) => ({ value: k, label: label(CYCLE_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="track" label={label(L.track)}>
            <Select style={{ width: 260 }} options={TRACKS.map((k) => ({ value: k, label: label(TRACK_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="year" label={label(L.year)}>
            <InputNumber min={2023} max={2100} />
          </Form.Item>
          {kind === 'quarterly' ? (
            <Form.Item name="quarter" label={label(L.quarter)} rules={[{ required: true }]}>
              <InputNumber min={1} max={4} />
            </Form.Item>
          ) : null}
        </Space>
      </Form>
    </Modal>
  );
}
