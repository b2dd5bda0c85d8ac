import { useState } from 'react';
import { EditOutlined, FilePdfOutlined, FileWordOutlined, FormOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DISCIPLINE_LEVELS,
  ETHNICITY_NAMES,
  FAMILY_RELATIONS,
  PROFESSIONAL_LEVELS,
  RELIGIONS,
  SEXES,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LEVELS,
  TRAINING_FORMS,
} from '@contracts/person-catalogs';
import type { Person } from '@contracts/persons';
import { ApiError, api, urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDateTime } from '../../ui/i18n';
import { navigate } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { M, WORK_LINK_TEXTS } from './formMessages';
import { partialDate, usePersonTexts } from './texts';

interface History {
  items: {
    version: number;
    validFrom: string;
    changedByName: string | null;
    source: string;
    reason: string | null;
    changedFields: string[];
  }[];
}

/** One person's CV (Mẫu 2C), as of today or a past day, with its change history and the print buttons. */
export function PersonDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  return id ? <PersonCvDrawer id={id} onClose={onClose} /> : null;
}

function PersonCvDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { p, fmt, label } = usePersonTexts();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const asOfIso = asOf ? asOf.format('YYYY-MM-DD') : undefined;
  const person = useApiQuery<Person>(`/api/persons/${id}`, { asOf: asOfIso });
  const history = useApiQuery<History>(`/api/persons/${id}/history`);
  const me = useApiQuery<{ personId: string | null }>('/api/persons/me');
  const [declaring, setDeclaring] = useState(false);
  const r = person.data?.record ?? null;
  const own = me.data?.personId === id;
  const { roles } = useSession();
  const canEdit = hasAnyRole(roles, ['officer', 'admin']);

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      width={980}
      title={r ? `${p.cvTitle}: ${r.fullName}` : p.cvTitle}
      destroyOnHidden
      extra={
        <Space>
          {own ? (
            <Button icon={<FormOutlined />} onClick={() => setDeclaring(true)}>
              {p.declare}
            </Button>
          ) : null}
          {canEdit ? (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/persons/edit?id=${id}`)} data-testid="edit-person">
              {label(M.editTitle)}
            </Button>
          ) : null}
          <Button
            icon={<FileWordOutlined />}
            href={urlWithQuery(`/api/persons/${id}/cv.docx`, { asOf: asOfIso })}
            data-testid="print-docx"
          >
            {p.printWord}
          </Button>
          <Button
            type="primary"
            icon={<FilePdfOutlined />}
            href={urlWithQuery(`/api/persons/${id}/cv.pdf`, { asOf: asOfIso })}
            target="_blank"
            data-testid="print-pdf"
          >
            {p.printPdf}
          </Button>
        </Space>
      }
    >
      {person.error ? <ApiErrorAlert error={person.error} onRetry={person.reload} /> : null}
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{p.asOf}:</Typography.Text>
        <DatePicker format="DD/MM/YYYY" value={asOf} onChange={setAsOf} allowClear />
      </Space>
      {person.data?.asOf ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={fmt(p.asOfShown, { d: asOf?.format('DD/MM/YYYY') ?? '', v: person.data.version })}
        />
      ) : null}
      {r ? (
        <Tabs
          items={[
            {
              key: 'cv',
              label: p.cvTitle,
              children: (
                <div data-testid="cv">
                  <Descriptions size="small" bordered column={2} title={p.sections.identity}>
                    <Descriptions.Item label={p.name}>{r.fullName}</Descriptions.Item>
                    <Descriptions.Item label="Tên gọi khác">{r.otherNames}</Descriptions.Item>
                    <Descriptions.Item label={p.birth}>{partialDate(r.birthDate)}</Descriptions.Item>
                    <Descriptions.Item label={p.sex}>{label(SEXES[r.sex])}</Descriptions.Item>
                    <Descriptions.Item label="Nơi sinh">{r.birthPlace}</Descriptions.Item>
                    <Descriptions.Item label="Quê quán">{r.homeTown}</Descriptions.Item>
                    <Descriptions.Item label="Dân tộc">{ETHNICITY_NAMES[r.ethnicity]}</Descriptions.Item>
                    <Descriptions.Item label="Tôn giáo">{label(RELIGIONS[r.religion])}</Descriptions.Item>
                    <Descriptions.Item label="Số CCCD">{r.cccd}</Descriptions.Item>
                    <Descriptions.Item label="Ngày cấp">{partialDate(r.cccdIssuedOn)}</Descriptions.Item>
                    <Descriptions.Item label="Thường trú">{r.permanentAddress}</Descriptions.Item>
                    <Descriptions.Item label="Nơi ở hiện nay">{r.currentAddress}</Descriptions.Item>
                    <Descriptions.Item label={p.unit}>{person.data?.organizationName}</Descriptions.Item>
                    <Descriptions.Item label={p.post}>{r.currentTitle}</Descriptions.Item>
                    <Descriptions.Item label="Nghỉ hưu">
                      {person.data?.retirement
                        ? `${partialDate(person.data.retirement.effectiveDate)}${person.data.retirement.override ? ` (${person.data.retirement.override.reason}; theo luật: ${partialDate(person.data.retirement.legalDate)})` : ` — ${person.data.retirement.age.years} tuổi ${person.data.retirement.age.months} tháng, ${person.data.retirement.citation}`}`
                        : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label="Ngày tuyển dụng">{partialDate(r.recruitmentDate)}</Descriptions.Item>
                    <Descriptions.Item label="Cơ quan tuyển dụng">{r.recruitingAgency}</Descriptions.Item>
                  </Descriptions>
                  <Descriptions size="small" bordered column={2} title={p.sections.qualifications} style={{ marginTop: 16 }}>
                    <Descriptions.Item label="Giáo dục phổ thông">{r.generalEducation}</Descriptions.Item>
                    <Descriptions.Item label="Chuyên môn">{`${label(PROFESSIONAL_LEVELS[r.professionalLevel])}${r.professionalMajor ? ` – ${r.professionalMajor}` : ''}`}</Descriptions.Item>
                    <Descriptions.Item label={p.theory}>{label(THEORY_LEVELS[r.theoryLevel])}</Descriptions.Item>
                    <Descriptions.Item label="Quản lý nhà nước">
                      {label(STATE_MANAGEMENT_LEVELS[r.stateManagement])}
                    </Descriptions.Item>
                    <Descriptions.Item label="Ngoại ngữ">
                      {r.languages.map((l) => `${l.language} (${l.level})`).join(', ')}
                    </Descriptions.Item>
                    <Descriptions.Item label="Tin học">{r.itLevel}</Descriptions.Item>
                  </Descriptions>
                  <Descriptions size="small" bordered column={2} title={p.sections.party} style={{ marginTop: 16 }}>
                    <Descriptions.Item label="Ngày vào Đảng">{partialDate(r.partyAdmissionDate)}</Descriptions.Item>
                    <Descriptions.Item label="Ngày chính thức">{partialDate(r.partyOfficialDate)}</Descriptions.Item>
                    <Descriptions.Item label="Ngạch">
                      {[r.civilServiceRank, r.civilServiceRankCode].filter(Boolean).join(' – ')}
                    </Descriptions.Item>
                    <Descriptions.Item label="Bậc / hệ số">
                      {r.salaryGrade ? `${r.salaryGrade} / ${r.salaryCoefficient?.toFixed(2)}` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label="Khen thưởng">
                      {r.rewards.map((x) => `${x.form} (${partialDate(x.date)})`).join('; ')}
                    </Descriptions.Item>
                    <Descriptions.Item label="Kỷ luật">
                      {r.discipline.map((x) => (
                        <Tag key={x.date} color="orange">{`${label(DISCIPLINE_LEVELS[x.level])} ${partialDate(x.date)}`}</Tag>
                      ))}
                    </Descriptions.Item>
                  </Descriptions>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {p.sections.training}
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(_, i) => String(i)}
                    dataSource={r.training}
                    columns={[
                      { title: 'Tên trường', dataIndex: 'school' },
                      { title: 'Chuyên ngành', dataIndex: 'major' },
                      { title: 'Thời gian', render: (_, t) => `${partialDate(t.from)} – ${partialDate(t.to)}` },
                      { title: 'Hình thức', render: (_, t) => label(TRAINING_FORMS[t.form]) },
                      { title: 'Văn bằng', dataIndex: 'qualification' },
                    ]}
                  />
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {p.sections.work}
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(_, i) => String(i)}
                    dataSource={r.workHistory}
                    columns={[
                      {
                        title: 'Thời gian',
                        width: 180,
                        render: (_, w) => `${partialDate(w.from)} – ${w.to ? partialDate(w.to) : 'nay'}`,
                      },
                      {
                        title: 'Chức danh, chức vụ, đơn vị',
                        render: (_, w) => (
                          <>
                            {`${w.titleName}, ${w.organizationName}`}{' '}
                            {w.titleCode || w.organizationId ? (
                              <Tag color="blue" title={label(WORK_LINK_TEXTS.linked)} data-testid="work-linked">
                                {label(WORK_LINK_TEXTS.linkedShort)}
                              </Tag>
                            ) : null}
                          </>
                        ),
                      },
                    ]}
                  />
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {p.sections.family}
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(_, i) => String(i)}
                    dataSource={r.family}
                    columns={[
                      { title: 'Bên', width: 110, render: (_, f) => (f.side === 'own' ? 'Bản thân' : 'Bên vợ/chồng') },
                      { title: 'Quan hệ', render: (_, f) => label(FAMILY_RELATIONS[f.relation]) },
                      { title: 'Họ và tên', dataIndex: 'fullName' },
                      { title: 'Năm sinh', dataIndex: 'birthYear' },
                      { title: 'Nghề nghiệp, ghi chú', render: (_, f) => [f.occupation, f.notes].filter(Boolean).join('; ') },
                    ]}
                  />
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {p.sections.salary}
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(_, i) => String(i)}
                    dataSource={r.salaryHistory}
                    columns={[
                      { title: 'Từ', render: (_, s) => partialDate(s.from) },
                      { title: 'Ngạch', dataIndex: 'rankName' },
                      { title: 'Bậc', dataIndex: 'grade' },
                      { title: 'Hệ số', render: (_, s) => s.coefficient.toFixed(2) },
                    ]}
                  />
                </div>
              ),
            },
            {
              key: 'history',
              label: p.history,
              children: (
                <Table
                  size="small"
                  rowKey="version"
                  pagination={false}
                  dataSource={history.data?.items ?? []}
                  columns={[
                    { title: p.version, dataIndex: 'version', width: 90 },
                    { title: p.changedAt, render: (_, v) => formatDateTime(v.validFrom) },
                    { title: p.changedBy, dataIndex: 'changedByName' },
                    { title: p.source, dataIndex: 'source' },
                    { title: p.fields, render: (_, v) => v.changedFields.join(', ') },
                    { title: p.note, dataIndex: 'reason' },
                  ]}
                />
              ),
            },
          ]}
        />
      ) : null}
      {r ? <DeclarationModal open={declaring} personId={id} onClose={() => setDeclaring(false)} current={r} /> : null}
    </Drawer>
  );
}

function DeclarationModal({
  open,
  personId,
  onClose,
  current,
}: {
  open: boolean;
  personId: string;
  onClose: () => void;
  current: Person['record'];
}) {
  const { p, label, lang } = usePersonTexts();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    const changes = Object.fromEntries(
      Object.entries(v).filter(
        ([k, x]) => k !== 'note' && x !== undefined && x !== '' && x !== (current as Record<string, unknown>)[k],
      ),
    );
    try {
      await api.post(`/api/persons/${personId}/declarations`, { changes, note: v.note || null });
      void message.success(p.declared);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <Modal open={open} title={p.declare} onCancel={onClose} onOk={() => void submit()} okText={p.send}>
      <Typography.Paragraph type="secondary">{p.declareIntro}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.text(lang)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          professionalLevel: current.professionalLevel,
          professionalMajor: current.professionalMajor ?? '',
          itLevel: current.itLevel ?? '',
          currentAddress: current.currentAddress ?? '',
        }}
      >
        <Form.Item name="professionalLevel" label="Trình độ chuyên môn cao nhất">
          <Select options={Object.entries(PROFESSIONAL_LEVELS).map(([value, l]) => ({ value, label: label(l) }))} />
        </Form.Item>
        <Form.Item name="professionalMajor" label="Chuyên ngành">
          <Input />
        </Form.Item>
        <Form.Item name="itLevel" label="Tin học">
          <Input />
        </Form.Item>
        <Form.Item name="currentAddress" label="Nơi ở hiện nay">
          <Input />
        </Form.Item>
        <Form.Item name="note" label={p.note}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
