import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SeatCategory, SeatCategoryHistory } from '@contracts/decisions';
import type { Verdict } from '@contracts/policy';
import { POST_CATEGORIES, POST_CATEGORY_LABELS, type PostCategory } from '@contracts/positions';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { C, seatPeriod } from './messages';

/** The seats of a unit and their sensitive post category (Anti-Corruption Law 2018 art. 20); the officer changes it. */
export function SeatCategories() {
  const { label } = useI18n();
  const [organizationId, setOrganizationId] = useState<string>();
  const [asOf, setAsOf] = useState<Dayjs>(() => dayjs());
  return (
    <>
      <Link to="/decisions">
        <ArrowLeftOutlined /> {label(C.back)}
      </Link>
      <PageHeader title={label(C.title)} intro={label(C.intro)} />
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space>
          {label(C.organization)}
          <div style={{ width: 420 }}>
            <OrganizationSelect
              id="seats-org"
              value={organizationId}
              onChange={setOrganizationId}
              placeholder={label(C.orgPlaceholder)}
            />
          </div>
          {label(C.asOf)}
          <DatePicker
            format="DD/MM/YYYY"
            allowClear={false}
            value={asOf}
            onChange={(d) => d && setAsOf(d)}
            data-testid="seats-as-of"
          />
        </Space>
        {organizationId ? <SeatTable organizationId={organizationId} asOf={asOf.format('YYYY-MM-DD')} /> : null}
      </Space>
    </>
  );
}

function SeatTable({ organizationId, asOf }: { organizationId: string; asOf: string }) {
  const { label } = useI18n();
  const { roles } = useSession();
  const officer = hasAnyRole(roles, ['officer', 'admin']);
  const seats = useApiQuery<{ items: SeatCategory[] }>('/api/decisions/seats', { organizationId, asOf });
  const [editing, setEditing] = useState<SeatCategory | null>(null);
  const categoryTag = (c: PostCategory | null) =>
    c ? <Tag color="volcano">{label(POST_CATEGORY_LABELS[c])}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Card>
      {seats.error ? <ApiErrorAlert error={seats.error} onRetry={seats.reload} /> : null}
      <Table<SeatCategory>
        rowKey="positionId"
        size="small"
        pagination={false}
        loading={seats.loading}
        dataSource={seats.data?.items ?? []}
        locale={{ emptyText: label(C.empty) }}
        data-testid="seat-categories"
        columns={[
          {
            title: label(C.seat),
            render: (_, s) => (
              <Space size={4}>
                {s.titleName}
                {s.role ? <Tag color="blue">{label(s.role === 'head' ? C.head : C.deputy)}</Tag> : null}
              </Space>
            ),
          },
          { title: label(C.holders), render: (_, s) => (s.holders.length ? s.holders.join(', ') : '—') },
          { title: label(C.titleCategory), render: (_, s) => categoryTag(s.titleCategory) },
          { title: label(C.seatCategory), render: (_, s) => categoryTag(s.seatCategory) },
          { title: label(C.applies), render: (_, s) => categoryTag(s.category) },
          {
            title: '',
            width: 110,
            render: (_, s) =>
              officer ? (
                <Button size="small" onClick={() => setEditing(s)} data-testid={`seat-edit-${s.positionId}`}>
                  {label(C.edit)}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <EditSeat
          key={editing.positionId}
          seat={editing}
          onDone={() => {
            seats.reload();
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function EditSeat(props: { seat: SeatCategory; onDone: () => void; onClose: () => void }) {
  const { label, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [problem, setProblem] = useState<string[]>([]);
  const [conflicts, setConflicts] = useState<Verdict[] | null>(null);
  const history = useApiQuery<SeatCategoryHistory>(`/api/decisions/seats/${props.seat.positionId}/post-category`);
  const submit = async (v: { category: PostCategory | 'title'; reason: string; from: Dayjs }) => {
    setProblem([]);
    try {
      const out = await api.post<{ seat: SeatCategory; conflicts: Verdict[] }>(
        `/api/decisions/seats/${props.seat.positionId}/post-category`,
        {
          postCategory: v.category === 'title' ? null : v.category,
          reason: v.reason,
          effectiveFrom: v.from.format('YYYY-MM-DD'),
        },
      );
      setConflicts(out.conflicts);
      void message.success(label(C.saved));
      props.onDone();
      history.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem([error.text(lang), ...error.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))]);
    }
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={`${label(C.editTitle)}: ${props.seat.titleName}`}
      extra={<Button onClick={props.onClose}>{label(C.close)}</Button>}
      data-testid="seat-edit-form"
    >
      <Form
        layout="inline"
        initialValues={{ category: props.seat.seatCategory ?? 'title', from: dayjs() }}
        onFinish={(v: { category: PostCategory | 'title'; reason: string; from: Dayjs }) => void submit(v)}
      >
        <Form.Item name="category" label={label(C.seatCategory)}>
          <Select
            style={{ width: 260 }}
            data-testid="seat-category"
            options={[
              { value: 'title', label: label(C.followTitle) },
              ...POST_CATEGORIES.map((c) => ({ value: c, label: label(POST_CATEGORY_LABELS[c]) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="from" label={label(C.from)} rules={[{ required: true, message: label(C.fromRequired) }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} data-testid="seat-from" />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, message: label(C.reasonRequired) }]}>
          <Input style={{ width: 360 }} placeholder={label(C.reason)} data-testid="seat-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="seat-save">
          {label(C.save)}
        </Button>
      </Form>
      {problem.length ? (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={problem[0]} description={problem.slice(1).join(' · ')} />
      ) : null}
      {conflicts ? (
        conflicts.length ? (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={label(C.conflicts)}
            description={conflicts.map((c, i) => (
              <div key={i}>
                {label(c.detail)} ({c.citation.text})
              </div>
            ))}
            data-testid="seat-conflicts"
          />
        ) : (
          <Alert style={{ marginTop: 12 }} type="success" showIcon title={label(C.noConflicts)} />
        )
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {label(C.history)}
      </Typography.Title>
      {history.error ? <ApiErrorAlert error={history.error} onRetry={history.reload} /> : null}
      <List
        size="small"
        loading={history.loading}
        data-testid="seat-history"
        locale={{ emptyText: label(C.noHistory) }}
        dataSource={[...(history.data?.versions ?? [])].reverse()}
        renderItem={(v) => (
          <List.Item>
            <Space wrap>
              <span>{label(seatPeriod(formatDate(v.validFrom), v.validTo ? formatDate(v.validTo) : null))}</span>
              {v.postCategory ? (
                <Tag color="volcano">{label(POST_CATEGORY_LABELS[v.postCategory])}</Tag>
              ) : (
                <Tag>{label(C.followTitle)}</Tag>
              )}
              <Typography.Text type="secondary">{v.reason ?? label(C.before)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
