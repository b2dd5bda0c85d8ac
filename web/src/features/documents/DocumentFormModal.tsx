import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  ISSUING_BODIES,
  ISSUING_BODY_INFO,
  type DocumentType,
  type IssuingBody,
  type NumberingPolicy,
  describeScheme,
  exampleNumber,
  schemesFor,
} from '@contracts/document-numbering';
import {
  DOCUMENT_LIMITS,
  PARTICIPATIONS,
  PARTICIPATION_LABELS,
  VISIBILITIES,
  VISIBILITY_LABELS,
  type CreateDocumentBody,
  type RegisterDocument,
  type RegisterDocumentDetail,
  type UpdateDocumentBody,
} from '@contracts/documents';
import { ApiError, api } from '../../ui/api';
import { applyFieldErrors } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { E } from './edit.messages';

const FIELDS = [
  'organizationId',
  'type',
  'number',
  'issuingBody',
  'issuedOn',
  'signer',
  'title',
  'summary',
  'effectiveFrom',
  'participation',
];
const DATE = 'DD/MM/YYYY';

interface Values {
  organizationId: string;
  type: DocumentType;
  issuingBody: IssuingBody;
  number: string;
  issuedOn: Dayjs;
  effectiveFrom?: Dayjs;
  signer?: string;
  title: string;
  summary?: string;
  participation: CreateDocumentBody['participation'];
  visibility: 'public' | 'internal';
  completesItem?: boolean;
  /** on an edit: keep the entry linked to the programme item it is the outcome of */
  keepItem?: boolean;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (doc: RegisterDocument) => void;
  /** Register the outcome of a programme item (and optionally mark it completed). */
  programmeItem?: { id: string; code: string; title: string; organizationId: string };
  /** Edit this register entry instead of adding one (the keeping unit stays). */
  editing?: RegisterDocumentDetail;
}

/** Registers an issued document; the number is checked against its type's official pattern as the officer types. */
function valuesOf(doc: RegisterDocumentDetail): Partial<Values> {
  return {
    organizationId: doc.organizationId,
    type: doc.type,
    issuingBody: doc.issuingBody,
    number: doc.number,
    issuedOn: doc.issuedOn ? dayjs(doc.issuedOn) : undefined,
    effectiveFrom: doc.effectiveFrom ? dayjs(doc.effectiveFrom) : undefined,
    signer: doc.signer ?? undefined,
    title: doc.title,
    summary: doc.summary ?? undefined,
    participation: doc.participation,
    visibility: doc.visibility,
    keepItem: doc.programmeItemId !== null,
  };
}

export function DocumentFormModal({ open, onClose, onCreated, programmeItem, editing }: Props) {
  const { t, label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const type = Form.useWatch('type', form);
  const body = Form.useWatch('issuingBody', form);
  const issuedOn = Form.useWatch('issuedOn', form);

  useEffect(() => {
    if (open && programmeItem) form.setFieldsValue({ organizationId: programmeItem.organizationId, completesItem: true });
  }, [open, programmeItem, form]);

  // The official patterns are policy data (policy/documents/numbering.yaml), served by the register.
  const numbering = useApiQuery<NumberingPolicy>('/api/documents/numbering').data;
  const schemes = type && body && numbering ? schemesFor(numbering, type, body) : [];
  const year = issuedOn ? issuedOn.year() : dayjs().year();
  const hint =
    type && body && numbering
      ? schemes.length
        ? t('doc.numberHint', {
            pattern: schemes
              .map((s) => `${describeScheme(numbering!, s, type, body)} (${exampleNumber(numbering!, s, type, body, year)})`)
              .join(` ${t('doc.or')} `),
          })
        : t('doc.noScheme')
      : t('doc.numberChoose');

  const submit = async (values: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      const fields: UpdateDocumentBody = {
        type: values.type,
        issuingBody: values.issuingBody,
        number: values.number,
        issuedOn: values.issuedOn.format('YYYY-MM-DD'),
        effectiveFrom: values.effectiveFrom?.format('YYYY-MM-DD'),
        effectiveTo: editing?.effectiveTo && editing.status !== 'replaced' ? editing.effectiveTo : undefined,
        signer: values.signer?.trim() || undefined,
        title: values.title,
        summary: values.summary?.trim() || undefined,
        participation: values.participation,
        visibility: values.visibility,
      };
      if (editing) {
        const programmeItemId = values.keepItem && editing.programmeItemId ? editing.programmeItemId : undefined;
        const doc = await api.put<RegisterDocumentDetail>(`/api/documents/${editing.id}`, { ...fields, programmeItemId });
        void message.success(label(E.saved));
        onCreated(doc);
        return;
      }
      const payload: CreateDocumentBody = {
        ...fields,
        organizationId: values.organizationId,
        programmeItemId: programmeItem?.id,
        completesItem: programmeItem ? Boolean(values.completesItem) : undefined,
      };
      const doc = await api.post<RegisterDocument>('/api/documents', payload);
      void message.success(t('doc.created', { number: doc.number }));
      form.resetFields();
      onCreated(doc);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unplaced = applyFieldErrors(form, error, lang, FIELDS);
      setProblems([error.text(lang), ...unplaced.filter((u) => !error.text(lang).includes(u))]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? label(E.editDocument) : programmeItem ? t('doc.addOutcome', { code: programmeItem.code }) : t('doc.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={760}
    >
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problems[0]}
          description={problems.slice(1).join(' ')}
          data-testid="document-form-error"
        />
      ) : null}
      {programmeItem ? (
        <Typography.Paragraph type="secondary">{t('doc.outcomeOf', { title: programmeItem.title })}</Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        requiredMark
        initialValues={editing ? valuesOf(editing) : { participation: 'advised', visibility: 'public' }}
      >
        {editing ? (
          <Form.Item label={t('doc.keeper')}>
            <Input disabled value={editing.organizationName} />
          </Form.Item>
        ) : (
          <Form.Item
            name="organizationId"
            label={t('doc.keeper')}
            extra={t('doc.keeperHelp')}
            rules={[{ required: true, message: t('common.requiredSelect') }]}
          >
            <OrganizationSelect />
          </Form.Item>
        )}
        {editing?.programmeItemId ? (
          <Form.Item name="keepItem" valuePropName="checked" extra={label(E.keepItemHelp)}>
            <Checkbox data-testid="keep-item">{label(E.keepItem)}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="participation" label={t('doc.participation')} rules={[{ required: true }]}>
          <Radio.Group options={PARTICIPATIONS.map((p) => ({ value: p, label: label(PARTICIPATION_LABELS[p]) }))} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item name="type" label={t('doc.type')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Select
              options={DOCUMENT_TYPES.map((d) => ({ value: d, label: label(DOCUMENT_TYPE_LABELS[d]) }))}
              data-testid="document-type"
            />
          </Form.Item>
          <Form.Item
            name="issuingBody"
            label={t('doc.issuingBody')}
            rules={[{ required: true, message: t('common.requiredSelect') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={ISSUING_BODIES.map((b) => ({ value: b, label: label(ISSUING_BODY_INFO[b]) }))}
              data-testid="document-body"
            />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('doc.number')}
            extra={<span data-testid="number-hint">{hint}</span>}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={DOCUMENT_LIMITS.numberMax} autoComplete="off" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('doc.issuedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('doc.effectiveFrom')} extra={t('doc.effectiveFromHelp')}>
            <DatePicker format={DATE} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="signer" label={t('doc.signer')}>
            <Input maxLength={DOCUMENT_LIMITS.signerMax} />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('doc.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={DOCUMENT_LIMITS.titleMax} />
        </Form.Item>
        <Form.Item name="summary" label={t('doc.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={DOCUMENT_LIMITS.summaryMax} />
        </Form.Item>
        <Form.Item name="visibility" label={t('doc.visibility')}>
          <Radio.Group options={VISIBILITIES.map((v) => ({ value: v, label: label(VISIBILITY_LABELS[v]) }))} />
        </Form.Item>
        {programmeItem ? (
          <Form.Item name="completesItem" valuePropName="checked">
            <Checkbox data-testid="completes-item">{t('doc.completesItem')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
