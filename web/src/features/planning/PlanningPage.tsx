import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  CYCLE_STATUS_LABELS,
  type CreateCycleBody,
  type Cycle,
  type CycleDetail,
  PLANNING_LEVELS,
  PLANNING_LEVEL_LABELS,
} from '@contracts/planning';
import type { Rule } from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link, navigate, useSearch } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { CycleView } from './CycleView';
import { L } from './texts';

/** Planning cycles in scope; `/planning?id=…` opens one cycle. */
export function PlanningPage() {
  const id = new URLSearchParams(useSearch()).get('id');
  return id ? <CycleView id={id} /> : <CycleList />;
}

const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

function CycleList() {
  const { label } = useI18n();
  const { roles } = useSession();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery<{ items: Cycle[] }>('/api/planning/cycles');
  return (
    <>
      <PageHeader
        title={label(L.title)}
        intro={label(L.intro)}
        extra={
          hasAnyRole(roles, ['officer', 'admin']) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="planning-create">
              {label(L.newCycle)}
            </Button>
          ) : null
        }
      />
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Cycle>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: label(L.empty) }}
        pagination={false}
        columns={[
          { title: label(L.name), dataIndex: 'name', render: (n: string, c) => <Link to={`/planning?id=${c.id}`}>{n}</Link> },
          { title: label(L.organization), dataIndex: 'organizationName' },
          { title: label(L.term), render: (_, c) => `${c.termFrom}–${c.termTo}` },
          { title: label(L.level), render: (_, c) => label(PLANNING_LEVEL_LABELS[c.level]) },
          { title: label(L.reference), render: (_, c) => vnDate(c.referenceDate) },
          { title: label(L.people), dataIndex: 'candidateCount', width: 90 },
          { title: label(L.status), render: (_, c) => <Tag>{label(CYCLE_STATUS_LABELS[c.status])}</Tag> },
        ]}
      />
      {creating ? <CreateCycleModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type FormValues = Omit<CreateCycleBody, 'policyDate'> & { policyDate: dayjs.Dayjs };

function CreateCycleModal({ onClose }: { onClose: () => void }) {
  const { label, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const policyDate = Form.useWatch('policyDate', form) ?? dayjs();
  // The HD 45 reference dates come from the pack in force on the chosen date, never from a copy here.
  const rules = useApiQuery<{ items: Rule[] }>('/api/policy/rules', { date: policyDate.format('YYYY-MM-DD'), track: 'party' });
  const refs = rules.data?.items.find((r) => r.id === 'planning.reference-dates')?.params as
    { dates: { key: string; label: { vi: string; en: string }; month: string }[] } | undefined;

  const submit = async (v: FormValues) => {
    setSaving(true);
    try {
      const created = await api.post<CycleDetail>('/api/planning/cycles', {
        ...v,
        policyDate: v.policyDate.format('YYYY-MM-DD'),
      });
      message.success(label(L.newCycle));
      navigate(`/planning?id=${created.id}`);
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
      title={label(L.newCycle)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={label(L.newCycle)}
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ termFrom: 2026, termTo: 2031, level: 'provincial', policyDate: dayjs(), referenceKey: null }}
      >
        <Form.Item name="organizationId" label={label(L.organization)} rules={[{ required: true }]}>
          <OrganizationSelect id="planning-org" />
        </Form.Item>
        <Form.Item name="name" label={label(L.name)} rules={[{ required: true, min: 3 }]}>
          <Input data-testid="planning-name" />
        </Form.Item>
        <Form.Item label={label(L.term)} style={{ marginBottom: 0 }}>
          <Form.Item name="termFrom" style={{ display: 'inline-block', width: 120, marginRight: 8 }}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="termTo" style={{ display: 'inline-block', width: 120 }}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="level" label={label(L.level)}>
          <Select options={PLANNING_LEVELS.map((l) => ({ value: l, label: label(PLANNING_LEVEL_LABELS[l]) }))} />
        </Form.Item>
        <Form.Item name="approvingAuthority" label={label(L.authority)} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="planning-authority" placeholder="Ban Thường vụ Tỉnh ủy" />
        </Form.Item>
        <Form.Item name="policyDate" label={label(L.policyDate)}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        {refs ? (
          <Form.Item name="referenceKey" label={label(L.referenceKey)} rules={[{ required: true }]}>
            <Select
              data-testid="planning-reference"
              options={refs.dates.map((d) => ({
                value: d.key,
                label: `${d.label[lang]} — ${d.month.slice(5)}/${d.month.slice(0, 4)}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="referenceDate" label={label(L.reference)} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
