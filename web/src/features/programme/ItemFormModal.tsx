import { useState } from 'react';
import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ISSUING_BODY_INFO } from '@contracts/document-numbering';
import {
  ASSIGNING_BODIES,
  ITEM_KINDS,
  ITEM_KIND_LABELS,
  MILESTONE_STAGES,
  MILESTONE_STAGE_LABELS,
  PROGRAMME_LIMITS,
  type AssigningBody,
  type CreateItemBody,
  type ItemKind,
  type MilestoneStage,
  type ProgrammeItem,
  type ProgrammeItemDetail,
  type UpdateItemBody,
} from '@contracts/programme';
import { ApiError, api } from '../../ui/api';
import { applyFieldErrors } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { E } from '../documents/edit.messages';
import { OrganizationMultiSelect } from './OrganizationMultiSelect';

const FIELDS = [
  'code',
  'kind',
  'title',
  'summary',
  'assigningBody',
  'leadOrganizationId',
  'coordinatorIds',
  'responsibleUserIds',
  'dueOn',
  'milestones',
];
const DATE = 'DD/MM/YYYY';

interface Values {
  code: string;
  kind: ItemKind;
  title: string;
  summary?: string;
  assigningBody: AssigningBody;
  leadOrganizationId: string;
  coordinatorIds?: string[];
  responsibleUserIds?: string[];
  dueOn: Dayjs;
  milestones?: Partial<Record<MilestoneStage, Dayjs | null>>;
}

interface Props {
  open: boolean;
  defaultYear: number;
  onClose: () => void;
  onCreated: (item: ProgrammeItem) => void;
  /** Edit this item instead of adding one: the lead unit stays, milestones keep their done dates. */
  editing?: ProgrammeItemDetail;
}

function valuesOf(item: ProgrammeItemDetail): Partial<Values> {
  return {
    code: item.code,
    kind: item.kind,
    title: item.title,
    summary: item.summary ?? undefined,
    assigningBody: item.assigningBody,
    leadOrganizationId: item.leadOrganization.id,
    coordinatorIds: item.coordinators.map((c) => c.id),
    responsibleUserIds: item.responsible.map((r) => r.id),
    dueOn: dayjs(item.dueOn),
    milestones: Object.fromEntries(item.milestones.map((m) => [m.stage, dayjs(m.dueOn)])),
  };
}

/** Adds (or edits) a proposal, submission, report or task with its units, people, due date and milestones. */
export function ItemFormModal({ open, defaultYear, onClose, onCreated, editing }: Props) {
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const people = useApiQuery<{ items: { id: string; fullName: string; username: string }[] }>('/api/programme/assignable-users');

  const submit = async (values: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      const milestones = MILESTONE_STAGES.flatMap((stage) => {
        const due = values.milestones?.[stage];
        const doneOn = editing?.milestones.find((m) => m.stage === stage)?.doneOn ?? undefined;
        return due ? [{ stage, dueOn: due.format('YYYY-MM-DD'), ...(doneOn ? { doneOn } : {}) }] : [];
      });
      const body: UpdateItemBody = {
        code: values.code,
        kind: values.kind,
        title: values.title,
        summary: values.summary?.trim() || undefined,
        assigningBody: values.assigningBody,
        coordinatorIds: values.coordinatorIds ?? [],
        responsibleUserIds: values.responsibleUserIds ?? [],
        dueOn: values.dueOn.format('YYYY-MM-DD'),
        milestones,
      };
      if (editing) {
        const item = await api.put<ProgrammeItemDetail>(`/api/programme/items/${editing.id}`, body);
        void message.success(label(E.saved));
        onCreated(item);
        return;
      }
      const created: CreateItemBody = { ...body, leadOrganizationId: values.leadOrganizationId };
      const item = await api.post<ProgrammeItem>('/api/programme/items', created);
      void message.success(t('prog.created', { code: item.code }));
      form.resetFields();
      onCreated(item);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unplaced = applyFieldErrors(form, error, lang, FIELDS);
      setProblems([error.text(lang), ...unplaced]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? label(E.editItem) : t('prog.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={780}
    >
      {problems.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems[0]} description={problems.slice(1).join(' ')} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        requiredMark
        initialValues={editing ? valuesOf(editing) : { kind: 'de_an', dueOn: dayjs(`${defaultYear}-12-31`) }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item
            name="code"
            label={t('prog.code')}
            extra={t('prog.codeHelp')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={PROGRAMME_LIMITS.codeMax} autoComplete="off" />
          </Form.Item>
          <Form.Item name="kind" label={t('prog.kind')} rules={[{ required: true }]}>
            <Select options={ITEM_KINDS.map((k) => ({ value: k, label: label(ITEM_KIND_LABELS[k]) }))} />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('prog.itemTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={PROGRAMME_LIMITS.titleMax} />
        </Form.Item>
        <Form.Item name="summary" label={t('prog.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={PROGRAMME_LIMITS.summaryMax} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item
            name="assigningBody"
            label={t('prog.assigningBody')}
            rules={[{ required: true, message: t('common.requiredSelect') }]}
          >
            <Select
              options={ASSIGNING_BODIES.map((b) => ({ value: b, label: label(ISSUING_BODY_INFO[b]) }))}
              data-testid="item-body"
            />
          </Form.Item>
          <Form.Item name="dueOn" label={t('prog.dueOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {editing ? (
          <Form.Item label={t('prog.leadUnit')} extra={label(E.leadFixed)}>
            <Input disabled value={editing.leadOrganization.name} />
          </Form.Item>
        ) : (
          <Form.Item
            name="leadOrganizationId"
            label={t('prog.leadUnit')}
            rules={[{ required: true, message: t('common.requiredSelect') }]}
          >
            <OrganizationSelect />
          </Form.Item>
        )}
        <Form.Item name="coordinatorIds" label={t('prog.coordinators')}>
          <OrganizationMultiSelect />
        </Form.Item>
        <Form.Item name="responsibleUserIds" label={t('prog.responsible')} extra={t('prog.responsibleHelp')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.username})` }))}
            data-testid="item-responsible"
          />
        </Form.Item>
        <Form.Item label={t('prog.milestones')} extra={t('prog.milestonesHelp')}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 8 }}>
            {MILESTONE_STAGES.map((stage) => (
              <Form.Item
                key={stage}
                name={['milestones', stage]}
                label={label(MILESTONE_STAGE_LABELS[stage])}
                style={{ marginBottom: 0 }}
              >
                <DatePicker format={DATE} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
