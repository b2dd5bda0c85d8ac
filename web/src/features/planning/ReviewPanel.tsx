import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CycleDetail } from '@contracts/planning';
import type { PersonSummary } from '@contracts/persons';
import {
  REMOVAL_TRIGGER_LABELS,
  type RemovalSuggestion,
  type Review,
  type ReviewChange,
  type ReviewPreview,
} from '@contracts/planning-work';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** The yearly review: automatic removal suggestions, the officer's keep/add/remove, and past reviews' before/after. */
export function ReviewPanel({ cycle, canWrite, onChanged }: { cycle: CycleDetail; canWrite: boolean; onChanged: () => void }) {
  const { label } = useI18n();
  const { message } = App.useApp();
  const [on, setOn] = useState(dayjs());
  const preview = useApiQuery<ReviewPreview>(`/api/planning/cycles/${cycle.id}/review`, { on: on.format('YYYY-MM-DD') });
  const reviews = useApiQuery<{ items: Review[] }>(`/api/planning/cycles/${cycle.id}/reviews`);
  const [removed, setRemoved] = useState<Record<string, string | null>>({});
  const [additions, setAdditions] = useState<{ planId: string; personId: string; fullName: string }[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const open = canWrite && (cycle.status === 'approved' || cycle.status === 'reviewed');
  // One row per person; a person may have several reasons.
  const byCandidate = new Map<string, RemovalSuggestion[]>();
  for (const s of preview.data?.suggestions ?? []) byCandidate.set(s.candidateId, [...(byCandidate.get(s.candidateId) ?? []), s]);
  const rows = [...byCandidate.values()];
  const reasonOf = (c: RemovalSuggestion[]) =>
    removed[c[0]!.candidateId] === undefined ? c.map((s) => s.detail.vi).join(' ') : removed[c[0]!.candidateId];

  const save = async () => {
    try {
      await api.post<Review>(`/api/planning/cycles/${cycle.id}/reviews`, {
        reviewedOn: on.format('YYYY-MM-DD'),
        removals: rows.filter((c) => reasonOf(c) !== null).map((c) => ({ candidateId: c[0]!.candidateId, reason: reasonOf(c)! })),
        additions: additions.map((a) => ({ planId: a.planId, personId: a.personId, reason: 'Bổ sung khi rà soát hằng năm' })),
      });
      setError(null);
      setRemoved({});
      setAdditions([]);
      void message.success(label(L.saveReview));
      preview.reload();
      reviews.reload();
      onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };

  return (
    <>
      {!open ? <Alert type="info" style={{ marginBottom: 12 }} message={label(L.reviewOnlyApproved)} /> : null}
      <Space style={{ marginBottom: 12 }}>
        <span>{label(L.reviewOn)}:</span>
        <DatePicker value={on} format="DD/MM/YYYY" allowClear={false} onChange={(d) => d && setOn(d)} />
      </Space>
      {preview.data && !preview.data.inFirstQuarter ? (
        <Alert type="warning" style={{ marginBottom: 12 }} message={label(L.notFirstQuarter)} />
      ) : null}
      {preview.error ? <ApiErrorAlert error={preview.error} onRetry={preview.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <Card size="small" title={label(L.suggestions)} style={{ marginBottom: 16 }}>
        <Table<RemovalSuggestion[]>
          rowKey={(c) => c[0]!.candidateId}
          size="small"
          pagination={false}
          loading={preview.loading}
          dataSource={rows}
          locale={{ emptyText: label(L.noSuggestions) }}
          columns={[
            { title: label(L.person), render: (_, c) => c[0]!.fullName },
            { title: label(L.plan), render: (_, c) => c[0]!.planName },
            {
              title: label(L.reason),
              render: (_, c) =>
                c.map((s, i) => (
                  <div key={i} data-testid="review-suggestion">
                    <Tag color="volcano">{label(REMOVAL_TRIGGER_LABELS[s.trigger])}</Tag>
                    {label(s.detail)} <Typography.Text type="secondary">({s.citation})</Typography.Text>
                  </div>
                )),
            },
            {
              title: label(L.decision),
              width: 300,
              render: (_, c) => {
                const id = c[0]!.candidateId;
                const reason = reasonOf(c);
                return (
                  <>
                    <Checkbox
                      checked={reason !== null}
                      disabled={!open}
                      onChange={(e) =>
                        setRemoved({ ...removed, [id]: e.target.checked ? c.map((s) => s.detail.vi).join(' ') : null })
                      }
                    >
                      {label(L.remove)}
                    </Checkbox>
                    {reason !== null ? (
                      <Input.TextArea
                        rows={2}
                        value={reason}
                        disabled={!open}
                        onChange={(e) => setRemoved({ ...removed, [id]: e.target.value })}
                      />
                    ) : (
                      <Tag>{label(L.keep)}</Tag>
                    )}
                  </>
                );
              },
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {label(L.keepList)}: {(preview.data?.keep ?? []).map((k) => k.fullName).join(', ') || '—'}
        </Typography.Paragraph>
        {open ? <AddPerson cycle={cycle} onAdd={(a) => setAdditions([...additions, a])} /> : null}
        {additions.length ? (
          <Typography.Paragraph>
            {label(L.changeAdd)}: {additions.map((a) => a.fullName).join(', ')}
          </Typography.Paragraph>
        ) : null}
        {open ? (
          <Button type="primary" onClick={() => void save()} data-testid="review-save">
            {label(L.saveReview)}
          </Button>
        ) : null}
      </Card>
      <Typography.Title level={5}>{label(L.pastReviews)}</Typography.Title>
      {(reviews.data?.items ?? []).map((r) => (
        <ReviewDiff key={r.id} review={r} />
      ))}
    </>
  );
}

function AddPerson({
  cycle,
  onAdd,
}: {
  cycle: CycleDetail;
  onAdd: (a: { planId: string; personId: string; fullName: string }) => void;
}) {
  const { label } = useI18n();
  const [planId, setPlanId] = useState<string>();
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<string>();
  const found = useApiQuery<{ items: PersonSummary[] }>('/api/persons', { q: q || undefined, limit: 20 });
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <span>{label(L.addPerson)}:</span>
      <Select
        style={{ width: 320 }}
        placeholder={label(L.plan)}
        value={planId}
        onChange={setPlanId}
        options={cycle.plans.map((p) => ({ value: p.id, label: `${p.titleName ?? ''} — ${p.organizationName}` }))}
      />
      <Select
        showSearch
        filterOption={false}
        onSearch={setQ}
        style={{ width: 260 }}
        placeholder={label(L.person)}
        value={person}
        onChange={setPerson}
        options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${vnDate(p.birthDate)})` }))}
      />
      <Button
        disabled={!planId || !person}
        onClick={() => {
          const p = found.data?.items.find((x) => x.id === person);
          if (planId && p) onAdd({ planId, personId: p.id, fullName: p.fullName });
          setPerson(undefined);
        }}
      >
        {label(L.add)}
      </Button>
    </Space>
  );
}

const CHANGE_COLORS = { keep: 'default', add: 'green', remove: 'red' } as const;

function ReviewDiff({ review }: { review: Review }) {
  const { label } = useI18n();
  const changeLabel = { keep: L.changeKeep, add: L.changeAdd, remove: L.changeRemove } as const;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="review-diff"
      title={`${vnDate(review.reviewedOn)} — ${label(L.changeKeep)} ${review.counts.kept} · ${label(L.changeAdd)} ${review.counts.added} · ${label(L.changeRemove)} ${review.counts.removed}`}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>
            {label(L.before)} ({review.before.length})
          </Typography.Text>
          <ul>
            {review.before.map((e) => (
              <li key={`${e.planId}:${e.personId}`}>
                {e.fullName} — {e.planName}
              </li>
            ))}
          </ul>
        </Col>
        <Col span={12}>
          <Typography.Text strong>
            {label(L.after)} ({review.after.length})
          </Typography.Text>
          <ul>
            {review.after.map((e) => (
              <li key={`${e.planId}:${e.personId}`}>
                {e.fullName} — {e.planName}
              </li>
            ))}
          </ul>
        </Col>
      </Row>
      <Table<ReviewChange>
        rowKey={(c) => `${c.change}:${c.planId}:${c.personId}`}
        size="small"
        pagination={false}
        dataSource={review.changes.filter((c) => c.change !== 'keep' || c.suggested.length)}
        columns={[
          {
            title: label(L.decision),
            render: (_, c) => <Tag color={CHANGE_COLORS[c.change]}>{label(changeLabel[c.change])}</Tag>,
          },
          { title: label(L.person), dataIndex: 'fullName' },
          { title: label(L.plan), dataIndex: 'planName' },
          { title: label(L.reason), render: (_, c) => c.reason ?? '—' },
          {
            title: label(L.suggestions),
            render: (_, c) => c.suggested.map((s) => <Tag key={s}>{label(REMOVAL_TRIGGER_LABELS[s])}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
