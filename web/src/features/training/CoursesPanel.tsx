import { useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Drawer, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { personListSchema } from '@contracts/persons';
import { STATE_MANAGEMENT_LEVELS, THEORY_LEVELS, TRAINING_FORMS } from '@contracts/person-catalogs';
import {
  COURSE_KINDS,
  COURSE_KIND_LABELS,
  ENROLMENT_STATUS_LABELS,
  type Course,
  type CourseKind,
  type Enrolment,
} from '@contracts/training';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { M } from './messages';

type PersonList = z.infer<typeof personListSchema>;
const DATE = 'DD/MM/YYYY';
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const errorText = (e: ApiError, lang: 'vi' | 'en') =>
  [e.text(lang), ...e.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))].join(' — ');

/** The year's courses; a course opens its enrolments, where results and certificates are recorded. */
export function CoursesPanel({ year, canManage }: { year: number; canManage: boolean }) {
  const { label } = useI18n();
  const courses = useApiQuery<Course[]>('/api/training/courses', { year });
  const [open, setOpen] = useState<Course | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <>
      {canManage ? (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {label(M.newCourse)}
        </Button>
      ) : null}
      {courses.error ? <ApiErrorAlert error={courses.error} onRetry={courses.reload} /> : null}
      <Table<Course>
        rowKey="id"
        data-testid="course-table"
        size="small"
        loading={courses.loading}
        dataSource={courses.data ?? []}
        locale={{ emptyText: label(M.empty) }}
        pagination={{ pageSize: 20 }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: label(M.name), dataIndex: 'name', key: 'name' },
          { title: label(M.kind), dataIndex: 'kind', key: 'kind', render: (k: CourseKind) => label(COURSE_KIND_LABELS[k]) },
          { title: label(M.provider), dataIndex: 'provider', key: 'provider' },
          {
            title: `${label(M.startsOn)} – ${label(M.endsOn)}`,
            key: 'dates',
            render: (_: unknown, c: Course) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
          },
          { title: label(M.form), dataIndex: 'form', key: 'form', render: (f: Course['form']) => label(TRAINING_FORMS[f]) },
        ]}
      />
      <CourseDrawer course={open} canManage={canManage} onClose={() => setOpen(null)} />
      <NewCourseModal
        open={creating}
        year={year}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          courses.reload();
        }}
      />
    </>
  );
}

function NewCourseModal({
  open,
  year,
  onClose,
  onCreated,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as CourseKind | undefined;
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown> & { startsOn: Dayjs; endsOn: Dayjs }) => {
    try {
      await api.post('/api/training/courses', { ...v, startsOn: iso(v.startsOn), endsOn: iso(v.endsOn) });
      form.resetFields();
      setProblem(null);
      onCreated();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(errorText(error, lang));
    }
  };
  return (
    <Modal open={open} title={label(M.newCourse)} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      {problem ? <Alert type="error" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => void submit(v)}
        initialValues={{
          kind: 'political_theory',
          form: 'boi_duong',
          startsOn: dayjs(`${year}-03-01`),
          endsOn: dayjs(`${year}-06-30`),
        }}
      >
        <Form.Item name="organizationId" label={label(M.organization)} rules={[{ required: true }]}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item name="name" label={label(M.name)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={label(M.kind)}>
            <Select
              style={{ width: 260 }}
              options={COURSE_KINDS.map((k) => ({ value: k, label: label(COURSE_KIND_LABELS[k]) }))}
            />
          </Form.Item>
          {kind === 'political_theory' ? (
            <Form.Item name="theoryLevel" label={label(M.theoryLevel)}>
              <Select
                allowClear
                placeholder={label(M.none)}
                style={{ width: 220 }}
                options={(['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const).map((k) => ({
                  value: k,
                  label: label(THEORY_LEVELS[k]),
                }))}
              />
            </Form.Item>
          ) : null}
          {kind === 'state_management' ? (
            <Form.Item name="stateManagementLevel" label={label(M.stateManagementLevel)}>
              <Select
                allowClear
                placeholder={label(M.none)}
                style={{ width: 220 }}
                options={(['chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap'] as const).map((k) => ({
                  value: k,
                  label: label(STATE_MANAGEMENT_LEVELS[k]),
                }))}
              />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item name="provider" label={label(M.provider)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={label(M.startsOn)} rules={[{ required: true }]}>
            <DatePicker format={DATE} />
          </Form.Item>
          <Form.Item name="endsOn" label={label(M.endsOn)} rules={[{ required: true }]}>
            <DatePicker format={DATE} />
          </Form.Item>
          <Form.Item name="form" label={label(M.form)}>
            <Select
              style={{ width: 220 }}
              options={Object.entries(TRAINING_FORMS).map(([k, v]) => ({ value: k, label: label(v) }))}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function CourseDrawer({ course, canManage, onClose }: { course: Course | null; canManage: boolean; onClose: () => void }) {
  return (
    <Drawer open={!!course} onClose={onClose} size="large" title={course?.name} destroyOnHidden>
      {course ? <CourseBody course={course} canManage={canManage} /> : null}
    </Drawer>
  );
}

function CourseBody({ course, canManage }: { course: Course; canManage: boolean }) {
  const { label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const list = useApiQuery<Enrolment[]>(`/api/training/courses/${course.id}/enrolments`);
  const [enrolling, setEnrolling] = useState(false);
  const [finishing, setFinishing] = useState<Enrolment | null>(null);
  const enrolments = list.data ?? [];
  const uploadFor = async (e: Enrolment, file: File) => {
    try {
      await api.upload(`/api/training/enrolments/${e.id}/certificate`, file);
      list.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      void message.error(error.text(lang));
    }
  };
  return (
    <>
      <p>
        {label(COURSE_KIND_LABELS[course.kind])} · {course.provider} · {formatDate(course.startsOn)} – {formatDate(course.endsOn)}
      </p>
      {canManage ? (
        <Button style={{ marginBottom: 12 }} onClick={() => setEnrolling(true)}>
          {label(M.enrol)}
        </Button>
      ) : null}
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Enrolment>
        rowKey="id"
        size="small"
        data-testid="enrolment-table"
        dataSource={enrolments}
        pagination={false}
        locale={{ emptyText: label(M.empty) }}
        columns={[
          { title: label(M.person), dataIndex: 'personName', key: 'p' },
          { title: label(M.dueBy), dataIndex: 'dueBy', key: 'due', render: (d: string | null) => formatDate(d) },
          {
            title: label(M.status),
            key: 's',
            render: (_: unknown, e: Enrolment) => (
              <Space direction="vertical" size={0}>
                <Tag color={e.status === 'completed' ? 'green' : e.status === 'failed' ? 'red' : 'blue'}>
                  {label(ENROLMENT_STATUS_LABELS[e.status])}
                </Tag>
                {e.declarationId ? <small>{label(M.proposed)}</small> : null}
              </Space>
            ),
          },
          {
            title: label(M.result),
            key: 'r',
            render: (_: unknown, e: Enrolment) =>
              [e.result, e.certificateNo ? `số ${e.certificateNo}` : null, formatDate(e.completedOn)].filter(Boolean).join(' · '),
          },
          {
            title: label(M.certificate),
            key: 'c',
            render: (_: unknown, e: Enrolment) => (
              <Space direction="vertical" size={4}>
                {e.certificate ? <a href={`/api/attachments/${e.certificate.id}/content`}>{e.certificate.fileName}</a> : null}
                {canManage && e.status === 'completed' ? (
                  <label style={{ cursor: 'pointer', color: '#1677ff' }}>
                    {label(M.uploadCertificate)}
                    <input
                      type="file"
                      accept=".pdf,.docx"
                      hidden
                      data-testid={`certificate-${e.personName}`}
                      onChange={(ev) => {
                        const file = ev.target.files?.[0];
                        if (file) void uploadFor(e, file);
                      }}
                    />
                  </label>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'a',
            render: (_: unknown, e: Enrolment) =>
              canManage && e.status === 'enrolled' ? (
                <Button size="small" onClick={() => setFinishing(e)}>
                  {label(M.recordResult)}
                </Button>
              ) : null,
          },
        ]}
      />
      <EnrolModal
        open={enrolling}
        course={course}
        onClose={() => setEnrolling(false)}
        onDone={() => {
          setEnrolling(false);
          list.reload();
        }}
      />
      <ResultModal
        enrolment={finishing}
        course={course}
        onClose={() => setFinishing(null)}
        onDone={(passed) => {
          setFinishing(null);
          list.reload();
          if (passed) void message.success(label(M.resultSaved), 8);
        }}
      />
    </>
  );
}

function EnrolModal({
  open,
  course,
  onClose,
  onDone,
}: {
  open: boolean;
  course: Course;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const persons = useApiQuery<PersonList>('/api/persons', { q: search || undefined, limit: 20 });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { personId: string; dueBy?: Dayjs }) => {
    try {
      await api.post(`/api/training/courses/${course.id}/enrolments`, {
        personId: v.personId,
        ...(v.dueBy ? { dueBy: iso(v.dueBy) } : {}),
      });
      setProblem(null);
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(errorText(error, lang));
    }
  };
  return (
    <Modal open={open} title={label(M.enrol)} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem ? <Alert type="error" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => void submit(v)}
        initialValues={{ dueBy: dayjs(course.endsOn) }}
      >
        <Form.Item name="personId" label={label(M.person)} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={label(M.personSearch)}
            options={(persons.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.fullName} — ${p.currentTitle ?? ''} (${p.organizationName})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="dueBy" label={label(M.dueBy)}>
          <DatePicker format={DATE} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResultModal({
  enrolment,
  course,
  onClose,
  onDone,
}: {
  enrolment: Enrolment | null;
  course: Course;
  onClose: () => void;
  onDone: (passed: boolean) => void;
}) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const passed = Form.useWatch('passed', form) as boolean | undefined;
  const submit = async (v: { completedOn: Dayjs; passed: boolean; result?: string; certificateNo?: string }) => {
    try {
      await api.post(`/api/training/enrolments/${enrolment!.id}/completion`, {
        completedOn: iso(v.completedOn),
        passed: v.passed,
        ...(v.result ? { result: v.result } : {}),
        ...(v.passed && v.certificateNo ? { certificateNo: v.certificateNo } : {}),
      });
      setProblem(null);
      onDone(v.passed);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(errorText(error, lang));
    }
  };
  return (
    <Modal
      open={!!enrolment}
      title={`${label(M.recordResult)}: ${enrolment?.personName ?? ''}`}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem ? <Alert type="error" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => void submit(v)}
        initialValues={{ completedOn: dayjs(course.endsOn), passed: true }}
      >
        <Form.Item name="completedOn" label={label(M.completedOn)} rules={[{ required: true }]}>
          <DatePicker format={DATE} />
        </Form.Item>
        <Form.Item name="passed">
          <Radio.Group
            options={[
              { value: true, label: label(M.passed) },
              { value: false, label: label(M.failedLabel) },
            ]}
          />
        </Form.Item>
        <Form.Item name="result" label={label(M.result)}>
          <Input maxLength={200} placeholder="Giỏi, Khá, Trung bình…" />
        </Form.Item>
        {passed ? (
          <Form.Item name="certificateNo" label={label(M.certificateNo)}>
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
