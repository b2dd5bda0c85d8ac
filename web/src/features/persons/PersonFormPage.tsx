import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { FormListFieldData } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ACADEMIC_RANKS,
  DISCIPLINE_LEVELS,
  ETHNICITIES,
  FAMILY_RELATIONS,
  PROFESSIONAL_LEVELS,
  RELIGIONS,
  SEXES,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
  TRAINING_FORMS,
} from '@contracts/person-catalogs';
import { PERSON_LIMITS, type Person, type PersonRecord } from '@contracts/persons';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert, detailText } from '../../ui/errors';
import { formatDateTime } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { navigate, useSearch } from '../../ui/router';
import { WorkOrgLink, WorkTitleLink, useTitleOptions } from './WorkLinks';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { COLUMN_LABELS, FIELD_LABELS, M } from './formMessages';
import { type FormValues, displayDate, emptyFormValues, parseDisplayDate, toFormValues, toRecord } from './recordForm';
import { usePersonTexts } from './texts';

type Bilingual = { vi: string; en: string };
type Changes = {
  since: string;
  fromVersion: number | null;
  toVersion: number;
  changes: { field: string; before: unknown; after: unknown }[];
};

const options = (labels: Record<string, Bilingual>, label: (b: Bilingual) => string) =>
  Object.entries(labels).map(([value, l]) => ({ value, label: label(l) }));

/** The full Mẫu 2C record as a form: create a person, or edit one (each save a new version), with the photo. */
export function PersonFormPage() {
  const id = new URLSearchParams(useSearch()).get('id');
  return id ? (
    <EditPerson key={id} id={id} />
  ) : (
    <PersonForm id={null} current={null} reload={() => undefined} error={null} asOf={null} setAsOf={() => undefined} />
  );
}

function EditPerson({ id }: { id: string }) {
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const person = useApiQuery<Person>(`/api/persons/${id}`, { asOf: asOf?.format('YYYY-MM-DD') });
  return (
    <PersonForm id={id} current={person.data ?? null} reload={person.reload} error={person.error} asOf={asOf} setAsOf={setAsOf} />
  );
}

function PersonForm({
  id,
  current,
  reload,
  error,
  asOf,
  setAsOf,
}: {
  id: string | null;
  current: Person | null;
  reload: () => void;
  error: ApiError | null;
  asOf: Dayjs | null;
  setAsOf: (d: Dayjs | null) => void;
}) {
  const { label, lang, fmt } = usePersonTexts();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const titleOptions = useTitleOptions();
  const readOnly = Boolean(current?.asOf);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [photoVersion, setPhotoVersion] = useState(0);
  const [photoError, setPhotoError] = useState<string | null>(null);

  useEffect(() => {
    if (!id) form.setFieldsValue(emptyFormValues());
    else if (current) {
      form.resetFields();
      form.setFieldsValue({ ...toFormValues(current.record), reason: '' });
    }
  }, [id, current, form]);

  const L = (b: Bilingual) => label(b);
  const field = (name: keyof PersonRecord) => L(FIELD_LABELS[name]);
  const required = (f: string) => ({ required: true, message: fmt(L(M.required), { f }) });
  const dateRule = (f: string, full = false) => ({
    validator: async (_: unknown, v: unknown) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      const iso = parseDisplayDate(v);
      if (!iso) throw new Error(fmt(L(M.badDate), { f }));
      if (full && iso.length !== 10) throw new Error(fmt(L(M.badFullDate), { f }));
    },
  });

  /** "Quá trình công tác, dòng 2, Đến: …" — the field of a server message named as the form names it. */
  const nameOf = (path: string): string => {
    const parts = path.split('.').filter((p) => p !== 'body' && p !== 'record');
    const top = parts[0] as keyof PersonRecord | undefined;
    const out: string[] = [];
    if (top && FIELD_LABELS[top]) out.push(L(FIELD_LABELS[top]));
    else if (top) out.push(top);
    for (const p of parts.slice(1)) {
      if (/^\d+$/.test(p)) out.push(fmt(L(M.row), { n: Number(p) + 1 }));
      else out.push(COLUMN_LABELS[p] ? L(COLUMN_LABELS[p]) : p);
    }
    return out.join(', ');
  };

  const showServerErrors = (e: ApiError) => {
    const fieldErrors: { name: (string | number)[]; errors: string[] }[] = [];
    const list: string[] = [];
    for (const d of e.details) {
      const parts = d.path
        .split('.')
        .filter((p) => p !== 'body' && p !== 'record' && p !== '')
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const text = detailText(d, lang);
      list.push(parts.length ? `${nameOf(d.path)}: ${text}` : text);
      if (parts.length && typeof parts[0] === 'string' && parts[0] in FIELD_LABELS)
        fieldErrors.push({ name: parts, errors: [text] });
    }
    form.setFields(fieldErrors);
    setErrors(list.length ? list : [e.text(lang)]);
    if (fieldErrors[0]) form.scrollToField(fieldErrors[0].name);
  };

  const save = async () => {
    setErrors([]);
    setFailure(null);
    let values: FormValues;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true);
    } catch (e) {
      const fields = (e as { errorFields?: { errors: string[]; name: (string | number)[] }[] }).errorFields ?? [];
      setErrors(fields.flatMap((f) => f.errors));
      if (fields[0]) form.scrollToField(fields[0].name);
      return;
    }
    const { reason, ...rest } = values as FormValues & { reason?: string };
    const record = toRecord(rest);
    setSaving(true);
    try {
      if (!id) {
        const created = await api.post<Person>('/api/persons', record);
        void message.success(fmt(L(M.saved), { v: created.version }));
        navigate(`/persons/edit?id=${created.id}`, { replace: true });
      } else {
        const updated = await api.put<Person>(`/api/persons/${id}`, {
          baseVersion: current!.version,
          record,
          reason: reason?.trim() || null,
        });
        void message.success(updated.version === current!.version ? L(M.unchanged) : fmt(L(M.saved), { v: updated.version }));
        reload();
      }
    } catch (e) {
      if (e instanceof ApiError && e.details.length) showServerErrors(e);
      else setFailure(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setSaving(false);
    }
  };

  const text = (name: keyof PersonRecord, span = 12, extra: object = {}) => (
    <Col xs={24} md={span}>
      <Form.Item name={name} label={field(name)} {...extra}>
        <Input disabled={readOnly} />
      </Form.Item>
    </Col>
  );
  const longText = (name: keyof PersonRecord) => (
    <Col xs={24}>
      <Form.Item name={name} label={field(name)}>
        <Input.TextArea rows={3} disabled={readOnly} />
      </Form.Item>
    </Col>
  );
  const date = (name: keyof PersonRecord, span = 6, opts: { full?: boolean; required?: boolean } = {}) => (
    <Col xs={24} md={span}>
      <Form.Item
        name={name}
        label={field(name)}
        rules={[...(opts.required ? [required(field(name))] : []), dateRule(field(name), opts.full)]}
      >
        <Input placeholder={L(M.datePlaceholder)} disabled={readOnly} data-testid={`field-${name}`} />
      </Form.Item>
    </Col>
  );
  const select = (name: keyof PersonRecord, labels: Record<string, Bilingual>, span = 6) => (
    <Col xs={24} md={span}>
      <Form.Item name={name} label={field(name)} rules={[required(field(name))]}>
        <Select showSearch optionFilterProp="label" options={options(labels, L)} disabled={readOnly} />
      </Form.Item>
    </Col>
  );
  const number = (name: keyof PersonRecord, span = 6, props: { min?: number; max?: number; step?: number } = {}) => (
    <Col xs={24} md={span}>
      <Form.Item name={name} label={field(name)}>
        <InputNumber style={{ width: '100%' }} disabled={readOnly} {...props} />
      </Form.Item>
    </Col>
  );

  const ethnicityOptions = useMemo(() => ETHNICITIES.map(([value, name]) => ({ value, label: name })), []);

  return (
    <>
      <PageHeader
        title={L(id ? M.editTitle : M.newTitle)}
        extra={
          <Space>
            <Button onClick={() => navigate(id ? `/persons?id=${id}` : '/persons')}>{L(id ? M.openCv : M.back)}</Button>
            <Button type="primary" loading={saving} disabled={readOnly} onClick={() => void save()} data-testid="save-person">
              {L(id ? M.save : M.create)}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{L(M.intro)}</Typography.Paragraph>
      {error ? <ApiErrorAlert error={error} onRetry={reload} /> : null}
      {failure ? <ApiErrorAlert error={failure} /> : null}
      {errors.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={L(M.fixErrors)}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="form-errors">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {current ? (
        <Typography.Paragraph>
          {fmt(L(M.version), { v: current.version, at: formatDateTime(current.updatedAt) })}
        </Typography.Paragraph>
      ) : null}
      {readOnly && current ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={fmt(L(M.asOfShown), { d: asOf?.format('DD/MM/YYYY') ?? '', v: current.version })}
        />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} lg={18}>
          <Form form={form} layout="vertical" disabled={readOnly} scrollToFirstError>
            <Section title={L(M.sections.identity)}>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="fullName" label={field('fullName')} rules={[required(field('fullName'))]}>
                    <Input data-testid="field-fullName" />
                  </Form.Item>
                </Col>
                {text('otherNames', 6)}
                {select('sex', SEXES, 6)}
                {date('birthDate', 6, { required: true })}
                {text('birthPlace', 9)}
                {text('homeTown', 9)}
                <Col xs={24} md={6}>
                  <Form.Item name="ethnicity" label={field('ethnicity')} rules={[required(field('ethnicity'))]}>
                    <Select showSearch optionFilterProp="label" options={ethnicityOptions} />
                  </Form.Item>
                </Col>
                {select('religion', RELIGIONS, 6)}
                <Col xs={24} md={6}>
                  <Form.Item
                    name="cccd"
                    label={field('cccd')}
                    rules={[{ pattern: /^\d{12}$/, message: fmt(L(M.badCccd), { f: field('cccd') }) }]}
                  >
                    <Input maxLength={12} inputMode="numeric" data-testid="field-cccd" />
                  </Form.Item>
                </Col>
                {date('cccdIssuedOn', 6, { full: true })}
                {text('permanentAddress')}
                {text('currentAddress')}
              </Row>
            </Section>

            <Section title={L(M.sections.work)}>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="organizationId" label={field('organizationId')} rules={[required(field('organizationId'))]}>
                    <OrganizationSelect key={current?.record.organizationId ?? 'new'} initialLabel={current?.organizationName} />
                  </Form.Item>
                </Col>
                {text('currentTitle')}
                {text('concurrentTitles')}
                {text('occupationBeforeRecruitment')}
                {date('recruitmentDate')}
                {text('recruitingAgency', 18)}
                {longText('mainDuties')}
              </Row>
            </Section>

            <Section title={L(M.sections.qualifications)}>
              <Row gutter={12}>
                {text('generalEducation', 6, {
                  rules: [{ pattern: /^\d{1,2}\/(10|12)$/, message: fmt(L(M.badEducation), { f: field('generalEducation') }) }],
                })}
                {select('professionalLevel', PROFESSIONAL_LEVELS)}
                {text('professionalMajor')}
                {select('academicRank', ACADEMIC_RANKS)}
                {number('academicRankYear', 6, { min: 1950, max: 2100 })}
                {select('theoryLevel', THEORY_LEVELS)}
                {select('stateManagement', STATE_MANAGEMENT_LEVELS)}
                {text('itLevel')}
              </Row>
              <RowsTable
                name="languages"
                title={field('languages')}
                readOnly={readOnly}
                newRow={{ language: '', level: '' }}
                columns={[
                  { key: 'language', span: 12, required: true, input: <Input /> },
                  { key: 'level', span: 10, required: true, input: <Input /> },
                ]}
              />
            </Section>

            <Section title={L(M.sections.party)}>
              <Row gutter={12}>
                {date('partyAdmissionDate')}
                {date('partyOfficialDate')}
                {date('socioPoliticalJoinDate', 12)}
                {text('civilServiceRank')}
                {text('civilServiceRankCode', 6)}
                {number('salaryGrade', 6, { min: 1, max: 20 })}
                {number('salaryCoefficient', 6, { min: 1, max: 15, step: 0.01 })}
                {date('salarySince')}
              </Row>
            </Section>

            <Section title={L(M.sections.military)}>
              <Row gutter={12}>
                {date('militaryEnlistedOn')}
                {date('militaryDischargedOn')}
                {text('militaryRank')}
                {text('highestHonour')}
                {text('healthStatus', 6)}
                {number('heightCm', 6, { min: 100, max: 230 })}
                {number('weightKg', 6, { min: 30, max: 200 })}
                <Col xs={24} md={6}>
                  <Form.Item name="bloodType" label={field('bloodType')}>
                    <Select allowClear options={['A', 'B', 'AB', 'O'].map((b) => ({ value: b, label: b }))} />
                  </Form.Item>
                </Col>
                {text('warInvalidGrade')}
                {text('policyFamily')}
              </Row>
            </Section>

            <Section title={L(M.sections.rewards)}>
              <RowsTable
                name="rewards"
                title={field('rewards')}
                readOnly={readOnly}
                newRow={{ date: '', form: '', issuer: '' }}
                columns={[
                  { key: 'date', span: 5, required: true, date: true },
                  {
                    key: 'form',
                    span: 10,
                    required: true,
                    input: <Input />,
                    label: { vi: 'Hình thức khen thưởng', en: 'Reward' },
                  },
                  { key: 'issuer', span: 7, input: <Input /> },
                ]}
              />
              <RowsTable
                name="discipline"
                title={field('discipline')}
                readOnly={readOnly}
                newRow={{ level: 'khien_trach', date: '', durationMonths: null, issuer: '', reason: '' }}
                columns={[
                  { key: 'level', span: 5, required: true, input: <Select options={options(DISCIPLINE_LEVELS, L)} /> },
                  { key: 'date', span: 4, required: true, date: true },
                  { key: 'durationMonths', span: 3, input: <InputNumber min={0} max={120} style={{ width: '100%' }} /> },
                  { key: 'issuer', span: 6, required: true, input: <Input /> },
                  { key: 'reason', span: 4, input: <Input /> },
                ]}
              />
            </Section>

            <Section title={L(M.sections.history)}>
              <Row gutter={12}>
                {longText('personalHistoryNotes')}
                {longText('foreignRelations')}
                {longText('economicSituation')}
              </Row>
            </Section>

            <Section title={L(M.sections.training)}>
              <RowsTable
                name="training"
                title={field('training')}
                readOnly={readOnly}
                newRow={{ school: '', major: '', from: '', to: '', form: 'chinh_quy', qualification: '' }}
                columns={[
                  { key: 'school', span: 6, required: true, input: <Input /> },
                  { key: 'major', span: 4, input: <Input /> },
                  { key: 'from', span: 3, date: true },
                  { key: 'to', span: 3, date: true },
                  { key: 'form', span: 3, input: <Select options={options(TRAINING_FORMS, L)} /> },
                  { key: 'qualification', span: 3, input: <Input /> },
                ]}
              />
            </Section>

            <Section title={L(M.sections.workHistory)}>
              <RowsTable
                name="workHistory"
                title={field('workHistory')}
                readOnly={readOnly}
                newRow={{ from: '', to: '', organizationName: '', titleName: '', organizationId: null, titleCode: null }}
                columns={[
                  { key: 'from', span: 3, required: true, date: true },
                  { key: 'to', span: 3, date: true, placeholder: M.present },
                  { key: 'titleCode', span: 4, render: (row) => <WorkTitleLink row={row} options={titleOptions} /> },
                  { key: 'titleName', span: 4, required: true, input: <Input /> },
                  { key: 'organizationId', span: 4, render: (row) => <WorkOrgLink row={row} /> },
                  { key: 'organizationName', span: 4, required: true, input: <Input /> },
                ]}
              />
            </Section>

            <Section title={L(M.sections.family)}>
              <RowsTable
                name="family"
                title={field('family')}
                readOnly={readOnly}
                newRow={{ side: 'own', relation: 'father', fullName: '', birthYear: null, occupation: '', notes: '' }}
                columns={[
                  {
                    key: 'side',
                    span: 3,
                    input: (
                      <Select
                        options={[
                          { value: 'own', label: L(M.sideOwn) },
                          { value: 'spouse', label: L(M.sideSpouse) },
                        ]}
                      />
                    ),
                  },
                  { key: 'relation', span: 3, input: <Select options={options(FAMILY_RELATIONS, L)} /> },
                  { key: 'fullName', span: 5, required: true, input: <Input /> },
                  { key: 'birthYear', span: 3, input: <InputNumber min={1850} max={2100} style={{ width: '100%' }} /> },
                  { key: 'occupation', span: 5, input: <Input /> },
                  { key: 'notes', span: 3, input: <Input /> },
                ]}
              />
            </Section>

            <Section title={L(M.sections.salary)}>
              <RowsTable
                name="salaryHistory"
                title={field('salaryHistory')}
                readOnly={readOnly}
                newRow={{ from: '', rankCode: '', rankName: '', grade: 1, coefficient: 2.34 }}
                columns={[
                  { key: 'from', span: 4, required: true, date: true },
                  { key: 'rankCode', span: 4, input: <Input /> },
                  { key: 'rankName', span: 7, required: true, input: <Input /> },
                  { key: 'grade', span: 3, required: true, input: <InputNumber min={1} max={20} style={{ width: '100%' }} /> },
                  {
                    key: 'coefficient',
                    span: 4,
                    required: true,
                    input: <InputNumber min={1} max={15} step={0.01} style={{ width: '100%' }} />,
                  },
                ]}
              />
            </Section>

            <Section title={L(M.sections.retirement)}>
              {current?.retirement ? (
                <Typography.Paragraph>
                  {fmt(L(M.legalRetirement), {
                    d: displayDate(current.retirement.legalDate),
                    a: `${current.retirement.age.years} tuổi ${current.retirement.age.months} tháng`,
                    c: current.retirement.citation,
                  })}
                </Typography.Paragraph>
              ) : null}
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={['retirementOverride', 'kind']} label={field('retirementOverride')}>
                    <Select
                      options={[
                        { value: 'none', label: L(M.overrideNone) },
                        { value: 'earlier', label: L(M.overrideEarlier) },
                        { value: 'later', label: L(M.overrideLater) },
                        { value: 'female_leader_60', label: L(M.overrideLeader) },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Form.Item noStyle dependencies={[['retirementOverride', 'kind']]}>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['retirementOverride', 'kind']) as string;
                    if (kind === 'none') return null;
                    return (
                      <>
                        {kind !== 'female_leader_60' ? (
                          <Col xs={24} md={6}>
                            <Form.Item
                              name={['retirementOverride', 'date']}
                              label={L(M.overrideDate)}
                              rules={[required(L(M.overrideDate)), dateRule(L(M.overrideDate), true)]}
                            >
                              <Input placeholder={L(M.datePlaceholder)} />
                            </Form.Item>
                          </Col>
                        ) : null}
                        <Col xs={24} md={10}>
                          <Form.Item
                            name={['retirementOverride', 'reason']}
                            label={L(M.overrideReason)}
                            rules={[required(L(M.overrideReason))]}
                          >
                            <Input />
                          </Form.Item>
                        </Col>
                      </>
                    );
                  }}
                </Form.Item>
              </Row>
            </Section>

            {id ? (
              <Form.Item name="reason" label={L(M.reason)}>
                <Input />
              </Form.Item>
            ) : null}
            <Button type="primary" loading={saving} disabled={readOnly} onClick={() => void save()}>
              {L(id ? M.save : M.create)}
            </Button>
          </Form>
        </Col>

        <Col xs={24} lg={6}>
          <Card size="small" title={L(M.photo)} style={{ marginBottom: 16 }}>
            {id && current?.hasPhoto ? (
              <img
                src={`/api/persons/${id}/photo?v=${photoVersion}-${current.version}`}
                alt={L(M.photo)}
                style={{ width: 120, height: 160, objectFit: 'cover', display: 'block', marginBottom: 8 }}
              />
            ) : null}
            {id ? (
              <>
                <Upload
                  accept="image/jpeg,image/png"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    setPhotoError(null);
                    const max = PERSON_LIMITS.photoMaxBytes / 1024;
                    if (!['image/jpeg', 'image/png'].includes(file.type)) {
                      setPhotoError(fmt(L(M.photoType), { n: file.name }));
                      return Upload.LIST_IGNORE;
                    }
                    if (file.size > PERSON_LIMITS.photoMaxBytes) {
                      setPhotoError(fmt(L(M.photoSize), { n: file.name, kb: Math.ceil(file.size / 1024), max }));
                      return Upload.LIST_IGNORE;
                    }
                    api
                      .upload(`/api/persons/${id}/photo`, file, 'PUT')
                      .then(() => {
                        void message.success(L(M.photoSaved));
                        setPhotoVersion((v) => v + 1);
                        reload();
                      })
                      .catch((e: unknown) => setPhotoError(e instanceof ApiError ? e.text(lang) : String(e)));
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} disabled={readOnly} data-testid="photo-upload">
                    {L(M.photoUpload)}
                  </Button>
                </Upload>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {fmt(L(M.photoHint), { kb: PERSON_LIMITS.photoMaxBytes / 1024 })}
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Text type="secondary">{L(M.photoAfterSave)}</Typography.Text>
            )}
            {photoError ? (
              <Alert type="error" showIcon style={{ marginTop: 8 }} title={photoError} data-testid="photo-error" />
            ) : null}
          </Card>
          {id ? (
            <Card size="small" title={L(M.compare)}>
              <Typography.Text>{L(M.asOf)}</Typography.Text>
              <DatePicker
                format="DD/MM/YYYY"
                value={asOf}
                onChange={setAsOf}
                allowClear
                style={{ width: '100%', marginBottom: 12 }}
                data-testid="as-of"
              />
              <ChangesSince id={id} version={current?.version ?? 0} />
            </Card>
          ) : null}
        </Col>
      </Row>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

interface Column {
  key: string;
  span: number;
  required?: boolean;
  date?: boolean;
  input?: ReactNode;
  /** an input that needs its row (it fills other cells of the row) */
  render?: (row: number) => ReactNode;
  label?: Bilingual;
  placeholder?: Bilingual;
}

/** A table section of the form: one line per row, add and remove buttons, each cell validated with its column named. */
function RowsTable({
  name,
  title,
  columns,
  newRow,
  readOnly,
}: {
  name: string;
  title: string;
  columns: Column[];
  newRow: Record<string, unknown>;
  readOnly: boolean;
}) {
  const { label, fmt } = usePersonTexts();
  const L = (b: Bilingual) => label(b);
  const colLabel = (c: Column) => L(c.label ?? COLUMN_LABELS[c.key] ?? { vi: c.key, en: c.key });
  return (
    <div style={{ marginBottom: 12 }} data-testid={`rows-${name}`}>
      <Typography.Text strong>{title}</Typography.Text>
      <Form.List name={name}>
        {(fields: FormListFieldData[], { add, remove }) => (
          <>
            {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={L(M.noRows)} /> : null}
            {fields.map((f, index) => (
              <Row gutter={8} key={f.key} align="top" data-testid={`row-${name}`}>
                {columns.map((c) => {
                  const where = `${title}, ${fmt(L(M.row), { n: index + 1 })}, ${colLabel(c)}`;
                  const rules: object[] = [];
                  if (c.required) rules.push({ required: true, message: fmt(L(M.required), { f: where }) });
                  if (c.date)
                    rules.push({
                      validator: async (_: unknown, v: unknown) => {
                        if (typeof v === 'string' && v.trim() !== '' && !parseDisplayDate(v))
                          throw new Error(fmt(L(M.badDate), { f: where }));
                      },
                    });
                  return (
                    <Col xs={24} md={c.span} key={c.key}>
                      <Form.Item name={[f.name, c.key]} label={index === 0 ? colLabel(c) : undefined} rules={rules}>
                        {c.date ? (
                          <Input placeholder={c.placeholder ? L(c.placeholder) : L(M.datePlaceholder)} />
                        ) : c.render ? (
                          c.render(f.name)
                        ) : (
                          c.input
                        )}
                      </Form.Item>
                    </Col>
                  );
                })}
                <Col xs={24} md={2}>
                  <Form.Item label={index === 0 ? ' ' : undefined}>
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={L(M.removeRow)}
                      title={L(M.removeRow)}
                      disabled={readOnly}
                      onClick={() => remove(f.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ ...newRow })} disabled={readOnly} data-testid={`add-${name}`}>
              {L(M.addRow)}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}

/** What changed since a chosen day or version: field by field, before and after, in the form's words. */
function ChangesSince({ id, version }: { id: string; version: number }) {
  const { label, fmt } = usePersonTexts();
  const L = (b: Bilingual) => label(b);
  const [since, setSince] = useState<string | null>(null);
  const [day, setDay] = useState<Dayjs | null>(null);
  const history = useApiQuery<{ items: { version: number; validFrom: string }[] }>(`/api/persons/${id}/history`, { v: version });
  return (
    <div data-testid="changes-since">
      <Typography.Text>{L(M.sinceVersion)}</Typography.Text>
      <Select
        allowClear
        style={{ width: '100%', marginBottom: 8 }}
        placeholder={L(M.sinceVersionPick)}
        value={day ? undefined : (since ?? undefined)}
        onChange={(v?: string) => {
          setDay(null);
          setSince(v ?? null);
        }}
        options={(history.data?.items ?? []).map((v) => ({
          value: v.validFrom,
          label: fmt(L(M.versionOption), { v: v.version, at: formatDateTime(v.validFrom) }),
        }))}
        data-testid="since-version"
      />
      <Typography.Text>{L(M.since)}</Typography.Text>
      <DatePicker
        format="DD/MM/YYYY"
        value={day}
        onChange={(d: Dayjs | null) => {
          setDay(d);
          setSince(d ? d.format('YYYY-MM-DD') : null);
        }}
        allowClear
        style={{ width: '100%' }}
      />
      {since ? <ChangesList id={id} version={version} since={since} /> : null}
    </div>
  );
}

function ChangesList({ id, version, since }: { id: string; version: number; since: string }) {
  const { label, fmt } = usePersonTexts();
  const L = (b: Bilingual) => label(b);
  const changes = useApiQuery<Changes>(`/api/persons/${id}/changes`, { since, v: version });
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return L(M.empty);
    if (Array.isArray(v)) return fmt(L(M.rows), { n: v.length });
    if (typeof v === 'object')
      return Object.values(v as Record<string, unknown>)
        .filter(Boolean)
        .join('; ');
    if (typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return displayDate(v);
    return String(v);
  };
  const d = since.length === 10 ? displayDate(since) : formatDateTime(since);
  return (
    <>
      {changes.error ? <ApiErrorAlert error={changes.error} /> : null}
      {changes.data ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Paragraph>
            {changes.data.fromVersion === null
              ? fmt(L(M.sinceNew), { d })
              : changes.data.changes.length === 0
                ? fmt(L(M.sinceNone), { d })
                : fmt(L(M.sinceHead), {
                    from: changes.data.fromVersion,
                    to: changes.data.toVersion,
                    n: changes.data.changes.length,
                  })}
          </Typography.Paragraph>
          {changes.data.changes.length && changes.data.fromVersion !== null ? (
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={changes.data.changes}
              columns={[
                {
                  title: '',
                  dataIndex: 'field',
                  render: (f: string) => (FIELD_LABELS[f as keyof PersonRecord] ? L(FIELD_LABELS[f as keyof PersonRecord]) : f),
                },
                { title: L(M.before), render: (_, c) => show(c.before) },
                { title: L(M.after), render: (_, c) => show(c.after) },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
