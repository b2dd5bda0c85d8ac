import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Form, List, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonEligibility } from '@contracts/eligibility';
import type { PersonSummary } from '@contracts/persons';
import { PURPOSES, PURPOSE_LABELS, RATING_LABELS, TRACKS, TRACK_LABELS } from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { partialDate } from './format-person';
import { M } from './messages';
import { TitleSelect } from './TitleSelect';
import { VerdictList } from './VerdictList';

interface Values {
  personId: string;
  titleCode: string;
  date: Dayjs;
  purpose: (typeof PURPOSES)[number];
  track: (typeof TRACKS)[number];
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** A stored cadre against a title on a date: facts from the record, seats, plans and ratings; votes shown beside. */
export function PersonCheckTab({ onOpenRule }: { onOpenRule: (id: string) => void }) {
  const { label } = useI18n();
  const [form] = Form.useForm<Values>();
  const date = Form.useWatch('date', form) ?? dayjs();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const people = useApiQuery<{ items: PersonSummary[] }>('/api/persons', { q: query || undefined, limit: 20 });
  const [result, setResult] = useState<PersonEligibility | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api.get<PersonEligibility>(`/api/persons/${encodeURIComponent(v.personId)}/eligibility`, {
          title: v.titleCode,
          date: v.date.format('YYYY-MM-DD'),
          purpose: v.purpose,
          track: v.track,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ date: dayjs(), purpose: 'appointment', track: 'party' }}
        onFinish={(v) => void run(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="personId" label={label(M.person)} rules={[{ required: true, message: label(M.person) }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={label(M.personPlaceholder)}
            style={{ width: 320 }}
            loading={people.loading}
            data-testid="person-select"
            options={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.fullName} (${partialDate(p.birthDate)}) — ${p.organizationName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="titleCode" label={label(M.title)} rules={[{ required: true, message: label(M.title) }]}>
          <TitleSelect asOf={date.format('YYYY-MM-DD')} />
        </Form.Item>
        <Form.Item name="date" label={label(M.date)}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item name="purpose" label={label(M.purpose)}>
          <Select style={{ width: 220 }} options={PURPOSES.map((p) => ({ value: p, label: label(PURPOSE_LABELS[p]) }))} />
        </Form.Item>
        <Form.Item name="track" label={label(M.track)}>
          <Select style={{ width: 150 }} options={TRACKS.map((tr) => ({ value: tr, label: label(TRACK_LABELS[tr]) }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="person-check">
            {label(M.check)}
          </Button>
        </Form.Item>
      </Form>
      {error ? <ApiErrorAlert error={error} /> : null}
      {result ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="person-check-result">
          <Alert
            type={result.eligible ? 'success' : 'error'}
            showIcon
            title={`${result.person.fullName} — «${result.title.name}», ${dmy(result.date)}: ${label(result.eligible ? M.isEligible : M.notEligible)}`}
          />
          <VerdictList verdicts={result.verdicts} onOpenRule={onOpenRule} date={result.date} track={result.track} />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={label(M.ratings)}>
              {result.ratings.length
                ? result.ratings.map((r) => (
                    <Tag key={r.year}>
                      {r.year}: {label(RATING_LABELS[r.level])}
                    </Tag>
                  ))
                : label(M.noRatings)}
            </Descriptions.Item>
            <Descriptions.Item label={label(M.votes)}>
              {result.voteOutcomes.length ? (
                <List
                  size="small"
                  dataSource={result.voteOutcomes}
                  renderItem={(o) => (
                    <List.Item key={o.sessionId}>
                      <Space wrap>
                        <span>{dmy(o.voteDate)}</span>
                        {o.pctLowOfCollected !== null ? (
                          <span>
                            {o.pctLowOfCollected.toLocaleString('vi-VN')}% {label(M.lowShare)} ({label(M.ofCollected)}{' '}
                            {o.collected})
                          </span>
                        ) : null}
                        {[...new Map(o.consequences.map((c) => [c.detail.vi, c])).values()].map((c) => (
                          <Tag
                            key={c.ruleId + c.consequence}
                            color="red"
                            onClick={() => onOpenRule(c.ruleId)}
                            style={{ cursor: 'pointer', whiteSpace: 'normal' }}
                          >
                            {label(c.detail)}
                          </Tag>
                        ))}
                      </Space>
                    </List.Item>
                  )}
                />
              ) : (
                label(M.noVotes)
              )}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      ) : null}
    </Space>
  );
}
